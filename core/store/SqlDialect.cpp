#include "SqlDialect.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace gatehouse::store {

QString SqlDialect::name() const
{
    return m_kind == Kind::Sqlite ? u"SQLite"_s : u"PostgreSQL"_s;
}

QString SqlDialect::driverName() const
{
    return m_kind == Kind::Sqlite ? u"QSQLITE"_s : u"QPSQL"_s;
}

QString SqlDialect::autoIncrementPrimaryKey() const
{
    return m_kind == Kind::Sqlite ? u"INTEGER PRIMARY KEY AUTOINCREMENT"_s
                                  : u"BIGSERIAL PRIMARY KEY"_s;
}

QString SqlDialect::blobType() const
{
    return m_kind == Kind::Sqlite ? u"BLOB"_s : u"BYTEA"_s;
}

QString SqlDialect::beginWriteStatement() const
{
    return m_kind == Kind::Sqlite ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s;
}

QString SqlDialect::rowLockClause(RowLock lock) const
{
    if (m_kind == Kind::Sqlite)
        return QString();
    return lock == RowLock::Share ? u" FOR SHARE"_s : u" FOR UPDATE"_s;
}

QString SqlDialect::migrationLockStatement() const
{
    // Any constant key works as long as every Gatehouse uses the same one: "gatehous" in ASCII.
    return m_kind == Kind::Sqlite ? QString()
                                  : u"SELECT pg_advisory_xact_lock(7449363237540164979)"_s;
}

QStringList SqlDialect::connectionSetupStatements(int busyTimeoutMs) const
{
    // client_min_messages: libpq would print every NOTICE (such as "relation already exists,
    // skipping") to standard error.
    if (m_kind == Kind::Postgres)
        return {u"SET lock_timeout = %1"_s.arg(busyTimeoutMs),
                u"SET client_min_messages = warning"_s};
    // journal_mode is stored in the file; synchronous, foreign_keys and busy_timeout are per
    // connection and must be set every time.
    return {
        u"PRAGMA busy_timeout = %1"_s.arg(busyTimeoutMs),
        u"PRAGMA journal_mode = WAL"_s,
        u"PRAGMA synchronous = FULL"_s,
        u"PRAGMA foreign_keys = ON"_s,
    };
}

SqlDialect::Failure SqlDialect::classify(const QSqlError &error) const
{
    const QString code = error.nativeErrorCode();
    const QString text = error.databaseText();
    if (m_kind == Kind::Postgres) {
        if (code == "23505"_L1)
            return Failure::UniqueViolation;
        if (code == "23503"_L1)
            return Failure::ForeignKeyViolation;
        if (code == "55P03"_L1 || code == "40P01"_L1)
            return Failure::Busy;
        return Failure::Other;
    }
    // SQLite extended result codes: 2067 UNIQUE, 1555 PRIMARYKEY, 787 FOREIGNKEY, 5 BUSY; the
    // driver may report only the primary code (19 CONSTRAINT), so the text decides then.
    bool isNumber = false;
    const int number = code.toInt(&isNumber);
    if (isNumber && (number == 2067 || number == 1555))
        return Failure::UniqueViolation;
    if (isNumber && number == 787)
        return Failure::ForeignKeyViolation;
    if (isNumber && (number & 0xff) == 5)
        return Failure::Busy;
    if (text.contains("UNIQUE constraint failed"_L1))
        return Failure::UniqueViolation;
    if (text.contains("FOREIGN KEY constraint failed"_L1))
        return Failure::ForeignKeyViolation;
    if (text.contains("database is locked"_L1))
        return Failure::Busy;
    return Failure::Other;
}

} // namespace gatehouse::store
