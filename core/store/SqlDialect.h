#pragma once

#include <QString>
#include <QStringList>

class QSqlError;

namespace gatehouse::store {

// Everything that differs between SQLite and PostgreSQL lives here, so repositories and
// migrations write one SQL text for both.
class SqlDialect
{
public:
    enum class Kind
    {
        Sqlite,
        Postgres,
    };

    // How a failed statement failed, as far as callers care.
    enum class Failure
    {
        Other,
        UniqueViolation,
        ForeignKeyViolation,
        Busy,
    };

    explicit SqlDialect(Kind kind)
        : m_kind(kind)
    {}

    Kind kind() const { return m_kind; }
    QString name() const;
    QString driverName() const;

    // Column definition of a surrogate key that the database numbers itself.
    QString autoIncrementPrimaryKey() const;
    QString blobType() const;

    // Starts a write transaction that takes the write lock at once on SQLite, so two writers
    // wait on the busy timeout at BEGIN instead of failing with "database is locked" at COMMIT.
    QString beginWriteStatement() const;

    enum class RowLock
    {
        Share,  // others may read and share-lock the rows, not change them
        Update, // others wait for the rows until this transaction ends
    };
    // Appended to a SELECT inside a write transaction to hold the rows it reads until the
    // transaction ends: FOR SHARE / FOR UPDATE on PostgreSQL; nothing on SQLite, whose BEGIN
    // IMMEDIATE already holds the database's one write lock.
    QString rowLockClause(RowLock lock) const;

    // Run on every new connection.
    QStringList connectionSetupStatements(int busyTimeoutMs) const;

    // Run first in each migration's write transaction so that instances starting together
    // migrate one after the other: PostgreSQL's BEGIN takes no lock (an advisory lock, released
    // with the transaction). Empty on SQLite, whose BEGIN IMMEDIATE already serialises them.
    QString migrationLockStatement() const;

    Failure classify(const QSqlError &error) const;

private:
    Kind m_kind;
};

} // namespace gatehouse::store
