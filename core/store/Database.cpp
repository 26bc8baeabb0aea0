#include "Database.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>

#include <atomic>
#include <list>
#include <map>
#include <vector>

using namespace Qt::StringLiterals;

namespace gatehouse::store {

struct Database::Registry
{
    QMutex mutex;
    quint64 instanceId = 0;
    std::map<Qt::HANDLE, QString> connectionByThread;

    // Forgets the thread's connection and closes it. Qt warns if a QSqlDatabase copy is still
    // held somewhere, which would be a bug in the caller.
    void release(Qt::HANDLE thread)
    {
        QString name;
        {
            QMutexLocker lock(&mutex);
            const auto it = connectionByThread.find(thread);
            if (it == connectionByThread.end())
                return;
            name = it->second;
            connectionByThread.erase(it);
        }
        QSqlDatabase::removeDatabase(name);
        qCDebug(lcStore) << "closed connection" << name;
    }
};

namespace {

std::atomic<quint64> s_nextInstanceId{1};

// Per thread: the Databases this thread has a connection to, so the connections are closed when
// the thread ends, how deep this thread is in nested write() calls, and the statements to free
// once the current write transaction ends. A list: write() keeps a reference to its entry while
// the work it runs may add entries for other Databases.
struct ThreadConnections
{
    struct Entry
    {
        std::weak_ptr<Database::Registry> registry;
        const Database::Registry *key = nullptr;
        int writeDepth = 0;
        bool authChanged = false; // noteAuthChange() inside the write: bump again at its end
        std::vector<QSqlQuery> finishedInWrite;
    };
    std::list<Entry> entries;

    Entry &entryFor(const std::shared_ptr<Database::Registry> &registry)
    {
        for (Entry &e : entries) {
            if (e.key == registry.get() && !e.registry.expired())
                return e;
        }
        std::erase_if(entries, [](const Entry &e) { return e.registry.expired(); });
        entries.push_back(Entry{registry, registry.get(), 0, false, {}});
        return entries.back();
    }

    ~ThreadConnections()
    {
        const Qt::HANDLE self = QThread::currentThreadId();
        for (Entry &e : entries) {
            if (const auto registry = e.registry.lock())
                registry->release(self);
        }
    }
};

thread_local ThreadConnections t_connections;

} // namespace

Result<std::unique_ptr<Database>> Database::open(const DatabaseOptions &options)
{
    if (!options.url.isEmpty()) {
        const QUrl url(options.url);
        if (!url.isValid() || (url.scheme() != "postgresql"_L1 && url.scheme() != "postgres"_L1))
            return Error(ErrorCode::InvalidArgument,
                         tr("The store URL '%1' is not a PostgreSQL URL; write it as "
                            "postgresql://user@host/database.")
                             .arg(url.toDisplayString(QUrl::RemovePassword)));
        const SqlDialect dialect(SqlDialect::Kind::Postgres);
        if (!QSqlDatabase::isDriverAvailable(dialect.driverName()))
            return Error(ErrorCode::Unavailable,
                         tr("The store URL '%1' needs the Qt PostgreSQL driver (QPSQL), which is "
                            "not installed; install it or use the SQLite store.")
                             .arg(url.toDisplayString(QUrl::RemovePassword)));
        std::unique_ptr<Database> db(
            new Database(options, dialect, url.toDisplayString(QUrl::RemovePassword)));
        if (auto conn = db->connection(); !conn.ok())
            return conn.error();
        return db;
    }

    if (options.sqlitePath.isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     tr("No store database was given: set a SQLite file path or a PostgreSQL "
                        "URL."));
    const SqlDialect dialect(SqlDialect::Kind::Sqlite);
    if (!QSqlDatabase::isDriverAvailable(dialect.driverName()))
        return Error(ErrorCode::Unavailable,
                     tr("The Qt SQLite driver (QSQLITE) is not installed; Gatehouse cannot open "
                        "its database '%1'.")
                         .arg(options.sqlitePath));
    const QFileInfo file(options.sqlitePath);
    if (!QDir().mkpath(file.absolutePath()))
        return Error(ErrorCode::Io, tr("Cannot create the folder '%1' for the store database; "
                                       "check that it is writable.")
                                        .arg(file.absolutePath()));
    std::unique_ptr<Database> db(new Database(options, dialect, file.absoluteFilePath()));
    // Opening here reports a bad path or a broken file now rather than at the first query.
    if (auto conn = db->connection(); !conn.ok())
        return conn.error();
    return db;
}

Database::Database(DatabaseOptions options, SqlDialect dialect, QString description)
    : m_options(std::move(options))
    , m_dialect(dialect)
    , m_description(std::move(description))
    , m_registry(std::make_shared<Registry>())
{
    m_registry->instanceId = s_nextInstanceId.fetch_add(1);
}

Database::~Database()
{
    std::vector<Qt::HANDLE> threads;
    {
        QMutexLocker lock(&m_registry->mutex);
        for (const auto &[thread, name] : m_registry->connectionByThread)
            threads.push_back(thread);
    }
    for (Qt::HANDLE thread : threads)
        m_registry->release(thread);
}

Result<QSqlDatabase> Database::connection()
{
    const Qt::HANDLE self = QThread::currentThreadId();
    {
        QString existing;
        {
            QMutexLocker lock(&m_registry->mutex);
            const auto it = m_registry->connectionByThread.find(self);
            if (it != m_registry->connectionByThread.end())
                existing = it->second;
        }
        if (!existing.isEmpty()) {
            QSqlDatabase db = QSqlDatabase::database(existing, false);
            if (db.isOpen())
                return db;
        }
    }
    // A connection that was closed under us (should not happen) is replaced.
    m_registry->release(self);

    const QString name = u"gatehouse.store.%1.%2"_s.arg(m_registry->instanceId)
                             .arg(reinterpret_cast<quintptr>(self), 0, 16);
    QString failure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(m_dialect.driverName(), name);
        if (m_dialect.kind() == SqlDialect::Kind::Sqlite) {
            db.setDatabaseName(m_options.sqlitePath);
        } else {
            // Names and passwords with '@', ':', '/' or '%' are percent-encoded in the URL.
            const QUrl url(m_options.url);
            db.setHostName(url.host(QUrl::FullyDecoded));
            if (url.port() > 0)
                db.setPort(url.port());
            db.setUserName(url.userName(QUrl::FullyDecoded));
            db.setPassword(url.password(QUrl::FullyDecoded));
            db.setDatabaseName(url.path(QUrl::FullyDecoded).mid(1));
        }
        if (!db.open()) {
            failure = tr("Cannot open the store database '%1': %2.")
                          .arg(m_description, db.lastError().text());
        } else {
            QSqlQuery query(db);
            for (const QString &statement :
                 m_dialect.connectionSetupStatements(m_options.busyTimeoutMs)) {
                if (!query.exec(statement)) {
                    failure = tr("Cannot set up the store database '%1' (%2): %3.")
                                  .arg(m_description, statement, query.lastError().text());
                    break;
                }
                if (statement.contains("journal_mode"_L1) && query.next() &&
                    query.value(0).toString().compare("wal"_L1, Qt::CaseInsensitive) != 0)
                    qCWarning(lcStore) << "SQLite refused WAL mode for" << m_description
                                       << "and uses" << query.value(0).toString();
            }
        }
    }
    if (!failure.isEmpty()) {
        QSqlDatabase::removeDatabase(name);
        return Error(ErrorCode::Database, failure);
    }
    {
        QMutexLocker lock(&m_registry->mutex);
        m_registry->connectionByThread[self] = name;
    }
    t_connections.entryFor(m_registry);
    // QThread::wait() returns before thread_local destructors run, so a QThread's connection is
    // released from its finished() signal, still on that thread; t_connections covers the rest.
    const QCoreApplication *app = QCoreApplication::instance();
    if (QThread *thread = QThread::currentThread(); !app || thread != app->thread()) {
        std::weak_ptr<Registry> weak = m_registry;
        QObject::connect(
            thread, &QThread::finished, thread,
            [weak, self] {
                if (const auto registry = weak.lock())
                    registry->release(self);
            },
            Qt::DirectConnection);
    }
    qCDebug(lcStore) << "opened connection" << name << "to" << m_description;
    return QSqlDatabase::database(name, false);
}

Status Database::write(const std::function<Status(QSqlDatabase &)> &work)
{
    auto &entry = t_connections.entryFor(m_registry);
    if (entry.writeDepth > 0) {
        auto conn = connection();
        if (!conn.ok())
            return conn.error();
        QSqlDatabase db = conn.value();
        ++entry.writeDepth;
        Status status = work(db);
        --entry.writeDepth;
        return status;
    }

    if (Status begun = begin(); !begun.ok())
        return begun;
    auto conn = connection();
    if (!conn.ok())
        return conn.error();
    QSqlDatabase db = conn.value();
    QSqlQuery control(db);
    entry.writeDepth = 1;
    entry.authChanged = false;
    Status status = work(db);
    entry.writeDepth = 0;
    // Freed after COMMIT or ROLLBACK, whichever ran; a change to what tokens are checked against
    // is announced only then, so nobody caches the old state under the new generation.
    const auto freeStatements = qScopeGuard([this, &entry] {
        entry.finishedInWrite.clear();
        if (std::exchange(entry.authChanged, false))
            m_authGeneration.fetch_add(1, std::memory_order_acq_rel);
    });
    if (status.ok()) {
        // After a failed statement PostgreSQL has aborted the transaction, and a COMMIT then
        // rolls back without an error: a statement run first fails instead if so.
        if (m_dialect.kind() == SqlDialect::Kind::Postgres && !control.exec(u"SELECT 1"_s)) {
            status = Error(ErrorCode::Database,
                           tr("The write transaction on the store database '%1' cannot be "
                              "committed: %2 (on PostgreSQL one failed statement cancels the "
                              "whole transaction); nothing was saved.")
                               .arg(m_description, control.lastError().text()));
        } else if (control.exec(u"COMMIT"_s)) {
            return status;
        } else {
            status = Error(ErrorCode::Database,
                           tr("Cannot commit a write transaction on the store database '%1': "
                              "%2; nothing was saved.")
                               .arg(m_description, control.lastError().text()));
        }
    }
    if (db.isOpen() && !control.exec(u"ROLLBACK"_s))
        qCWarning(lcStore) << "rollback failed on" << m_description << control.lastError().text();
    return status;
}

void Database::noteAuthChange()
{
    auto &entry = t_connections.entryFor(m_registry);
    if (entry.writeDepth > 0)
        entry.authChanged = true;
    m_authGeneration.fetch_add(1, std::memory_order_acq_rel);
}

Status Database::begin()
{
    for (int attempt = 1;; ++attempt) {
        QString failure;
        bool busy = false;
        bool closed = false;
        {
            auto conn = connection();
            if (!conn.ok())
                return conn.error();
            QSqlQuery control(*conn);
            if (control.exec(m_dialect.beginWriteStatement()))
                return {};
            failure = control.lastError().text();
            busy = m_dialect.classify(control.lastError()) == SqlDialect::Failure::Busy;
            closed = !conn->isOpen();
        }
        // The server closed the connection (it restarted, or dropped the connection while it
        // was idle): nothing was done on it yet, so a new one takes over, once.
        if (attempt == 1 && closed) {
            qCInfo(lcStore) << "reconnecting to" << m_description << "after:" << failure;
            continue;
        }
        return Error(
            busy ? ErrorCode::Unavailable : ErrorCode::Database,
            tr("Cannot start a write transaction on the store database '%1': %2.%3")
                .arg(m_description, failure,
                     busy ? tr(" Another process holds it too long; try again.") : QString()));
    }
}

void Database::finishStatement(QSqlQuery &&query) const
{
    if (m_dialect.kind() != SqlDialect::Kind::Postgres)
        return;
    for (auto &entry : t_connections.entries) {
        if (entry.key == m_registry.get() && entry.writeDepth > 0) {
            entry.finishedInWrite.push_back(std::move(query));
            return;
        }
    }
}

void Database::releaseThreadConnection()
{
    m_registry->release(QThread::currentThreadId());
}

int Database::openConnectionCount() const
{
    QMutexLocker lock(&m_registry->mutex);
    return static_cast<int>(m_registry->connectionByThread.size());
}

} // namespace gatehouse::store
