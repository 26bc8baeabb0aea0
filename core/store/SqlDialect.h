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

    // Run on every new connection.
    QStringList connectionSetupStatements(int busyTimeoutMs) const;

    Failure classify(const QSqlError &error) const;

private:
    Kind m_kind;
};

} // namespace gatehouse::store
