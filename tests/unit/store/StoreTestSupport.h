#pragma once

#include "store/Database.h"
#include "store/Migrator.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>
#include <QtTest>

#include <memory>
#include <optional>

// Fails the test with the error's sentence when a Result/Status is not ok.
#define GH_VERIFY_OK(expr)                                                                         \
    do {                                                                                           \
        const auto &result_ = (expr);                                                              \
        QVERIFY2(result_.ok(), result_.ok() ? "" : qPrintable(result_.error().message()));         \
    } while (false)

namespace gatehouse::store::test {

// The store tests run on SQLite, and again on PostgreSQL when GATEHOUSE_TEST_STORE=postgresql
// (the "<test>.postgres" CTest registrations, which start a server with postgres-fixture.sh).
// The server is GATEHOUSE_TEST_POSTGRES_URL, else the URL in the file
// GATEHOUSE_TEST_POSTGRES_URL_FILE; its user must be allowed to create databases.
inline bool onPostgres()
{
    return qEnvironmentVariable("GATEHOUSE_TEST_STORE")
               .compare(QStringLiteral("postgresql"), Qt::CaseInsensitive) == 0;
}

namespace detail {

inline QString postgresServerUrl()
{
    const QString direct = qEnvironmentVariable("GATEHOUSE_TEST_POSTGRES_URL").trimmed();
    if (!direct.isEmpty())
        return direct;
    QFile file(qEnvironmentVariable("GATEHOUSE_TEST_POSTGRES_URL_FILE"));
    if (file.fileName().isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

// Runs statements on the server's own database over a short-lived connection. Empty when all
// succeeded, else what failed.
inline QString onPostgresServer(const QStringList &statements)
{
    const QString serverUrl = postgresServerUrl();
    if (serverUrl.isEmpty())
        return QStringLiteral("GATEHOUSE_TEST_STORE=postgresql, but there is no server: run the "
                              "test through ctest (fixture GatehousePostgres) or set "
                              "GATEHOUSE_TEST_POSTGRES_URL");
    const QUrl url(serverUrl);
    const QString name = QStringLiteral("gatehouse.test.server.%1")
                             .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()), 0, 16);
    QString failure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host(QUrl::FullyDecoded));
        if (url.port() > 0)
            db.setPort(url.port());
        db.setUserName(url.userName(QUrl::FullyDecoded));
        db.setPassword(url.password(QUrl::FullyDecoded));
        db.setDatabaseName(url.path(QUrl::FullyDecoded).mid(1));
        if (!db.open()) {
            failure = QStringLiteral("cannot connect to %1: %2")
                          .arg(url.toDisplayString(QUrl::RemovePassword), db.lastError().text());
        } else {
            QSqlQuery q(db);
            for (const QString &statement : statements) {
                if (!q.exec(statement)) {
                    failure = statement + QStringLiteral(": ") + q.lastError().text();
                    break;
                }
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return failure;
}

// The PostgreSQL databases this test program created, by the file that stands for each: the
// tests reset a store by removing its file, so a missing file means a fresh database. All are
// dropped when the application object goes away.
struct PostgresDatabases
{
    QMutex mutex;
    QHash<QString, QString> byFile;
    int created = 0;
    bool dropAtExit = false;

    static PostgresDatabases &instance()
    {
        static PostgresDatabases databases;
        return databases;
    }

    static QString dropStatement(const QString &name)
    {
        return QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name);
    }

    static void dropAll()
    {
        PostgresDatabases &self = instance();
        QStringList statements;
        {
            QMutexLocker lock(&self.mutex);
            for (const QString &name : std::as_const(self.byFile))
                statements << dropStatement(name);
            self.byFile.clear();
        }
        if (const QString failure = onPostgresServer(statements); !failure.isEmpty())
            qWarning("dropping the test databases failed: %s", qPrintable(failure));
    }

    // The URL of the database that file stands for; created (and an older one for the same
    // file dropped) when the file does not exist.
    std::optional<QString> urlFor(const QString &file)
    {
        QMutexLocker lock(&mutex);
        QString name = byFile.value(file);
        if (name.isEmpty() || !QFile::exists(file)) {
            QStringList statements;
            if (!name.isEmpty())
                statements << dropStatement(name);
            // Stores whose folder is gone are dropped now rather than at exit.
            for (auto it = byFile.begin(); it != byFile.end();) {
                if (it.key() != file && !QFile::exists(it.key())) {
                    statements << dropStatement(it.value());
                    it = byFile.erase(it);
                } else {
                    ++it;
                }
            }
            name = QStringLiteral("gatehouse_test_%1_%2")
                       .arg(QCoreApplication::applicationPid())
                       .arg(++created);
            // template0: nothing else is ever connected to it, and nobody has added to it.
            statements << QStringLiteral("CREATE DATABASE %1 TEMPLATE template0").arg(name);
            if (const QString failure = onPostgresServer(statements); !failure.isEmpty()) {
                qWarning("%s", qPrintable(failure));
                return std::nullopt;
            }
            byFile.insert(file, name);
            QFile marker(file);
            if (!marker.open(QIODevice::WriteOnly)) {
                qWarning("cannot create %s", qPrintable(file));
                return std::nullopt;
            }
            marker.write(name.toUtf8());
            if (!dropAtExit && QCoreApplication::instance()) {
                qAddPostRoutine(&PostgresDatabases::dropAll);
                dropAtExit = true;
            }
        }
        QUrl url(postgresServerUrl());
        url.setPath(QLatin1Char('/') + name);
        return url.toString();
    }
};

} // namespace detail

// Where the store for dir and fileName lives: that file on SQLite; on PostgreSQL a database of
// its own, which stays the same while the file exists (removing the file resets the store, as
// it does on SQLite). Absent on failure, with the reason logged as a warning.
inline std::optional<DatabaseOptions>
storeOptions(const QTemporaryDir &dir, const QString &fileName = QStringLiteral("store.db"))
{
    DatabaseOptions options;
    if (!onPostgres()) {
        options.sqlitePath = dir.filePath(fileName);
        return options;
    }
    const auto url = detail::PostgresDatabases::instance().urlFor(dir.filePath(fileName));
    if (!url)
        return std::nullopt;
    options.url = *url;
    return options;
}

// The store of dir and fileName (see storeOptions), migrated to version (the latest when -1).
// Null on failure, with the reason logged as a warning.
inline std::unique_ptr<Database> openStore(const QTemporaryDir &dir, int version = -1,
                                           const QString &fileName = QStringLiteral("store.db"))
{
    const auto options = storeOptions(dir, fileName);
    if (!options)
        return nullptr;
    auto db = Database::open(*options);
    if (!db.ok()) {
        qWarning("%s", qPrintable(db.error().message()));
        return nullptr;
    }
    std::unique_ptr<Database> database = std::move(db).value();
    Migrator migrator(*database);
    const Status s = version < 0 ? migrator.migrate() : migrator.migrateTo(version);
    if (!s.ok()) {
        qWarning("%s", qPrintable(s.error().message()));
        return nullptr;
    }
    return database;
}

// The column names of a table, on either backend.
inline QStringList columnsOf(Database &db, const QString &table)
{
    auto conn = db.connection();
    if (!conn.ok())
        return {};
    const QSqlRecord record = conn->record(table);
    QStringList names;
    for (int i = 0; i < record.count(); ++i)
        names << record.fieldName(i);
    return names;
}

} // namespace gatehouse::store::test
