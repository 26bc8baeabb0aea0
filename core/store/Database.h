#pragma once

#include "Result.h"
#include "SqlDialect.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace gatehouse::store {

struct DatabaseOptions
{
    // SQLite database file; its folder is created if missing. Used when url is empty.
    QString sqlitePath;
    // postgresql://user:password@host:port/dbname — several instances share one database.
    QString url;
    // How long a connection waits for another writer before giving up.
    int busyTimeoutMs = 10000;
};

// The store's database: one Qt Sql connection per thread (Qt Sql connections must not cross
// threads), opened on first use and closed when the thread ends or the Database is destroyed.
// Thread-safe. Destroy it only after other threads stopped using it.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    static Result<std::unique_ptr<Database>> open(const DatabaseOptions &options);
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const SqlDialect &dialect() const { return m_dialect; }
    const DatabaseOptions &options() const { return m_options; }
    // Human name for messages: the file path or the URL without its password.
    QString description() const { return m_description; }

    // The calling thread's connection, opened and set up on first use.
    Result<QSqlDatabase> connection();

    // Runs work in one write transaction (BEGIN IMMEDIATE on SQLite, BEGIN on PostgreSQL):
    // committed when work succeeds, rolled back when it fails. A write() called from inside
    // work joins the outer transaction.
    Status write(const std::function<Status(QSqlDatabase &)> &work);

    // For Query, when it is done with a statement. Inside a write transaction on PostgreSQL the
    // statement is freed only when the transaction ends: after a failed statement PostgreSQL
    // refuses everything until ROLLBACK, freeing a prepared statement too, which would then stay
    // allocated on the connection for good (and Qt would warn).
    void finishStatement(QSqlQuery &&query) const;

    // Closes the calling thread's connection now, e.g. before a worker thread stops.
    void releaseThreadConnection();

    // Connections currently open, for tests and diagnostics.
    int openConnectionCount() const;

    // Counts changes to what a bearer token's check reads (tokens revoked, users disabled or
    // removed, clients revoked), so caches of verified tokens in this process drop what they
    // hold at once. Repositories call noteAuthChange() after such a write; inside an outer
    // write() the count goes up again when the outermost transaction ends. Changes made by
    // another process reach a cache only when its entries expire.
    quint64 authGeneration() const { return m_authGeneration.load(std::memory_order_acquire); }
    void noteAuthChange();

    struct Registry;

private:
    Database(DatabaseOptions options, SqlDialect dialect, QString description);
    // BEGIN on the thread's connection, replacing it once if the server had closed it.
    Status begin();

    DatabaseOptions m_options;
    SqlDialect m_dialect;
    QString m_description;
    std::shared_ptr<Registry> m_registry;
    std::atomic<quint64> m_authGeneration{0};
};

} // namespace gatehouse::store
