#include "StoreTestSupport.h"
#include "store/Database.h"
#include "store/Migrator.h"
#include "store/PlanRepository.h"
#include "store/UsageRepository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace gatehouse;
using namespace gatehouse::store;
using namespace Qt::StringLiterals;

namespace {

QStringList storeConnections()
{
    QStringList names = QSqlDatabase::connectionNames();
    names.removeIf([](const QString &n) { return !n.startsWith("gatehouse.store."_L1); });
    return names;
}

QString connectionName(Database &db)
{
    auto conn = db.connection();
    return conn.ok() ? conn->connectionName() : QString();
}

} // namespace

class TestStoreDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QTest::failOnWarning(QRegularExpression(u"still in use"_s));
        QTest::failOnWarning(QRegularExpression(u"does not belong to the calling thread"_s));
        QTest::failOnWarning(QRegularExpression(u"Unable to free statement"_s));
    }

    void pragmas_data()
    {
        QTest::addColumn<QString>("pragma");
        QTest::addColumn<QString>("expected");
        QTest::newRow("journal_mode") << u"journal_mode"_s << u"wal"_s;
        QTest::newRow("synchronous FULL") << u"synchronous"_s << u"2"_s;
        QTest::newRow("foreign_keys") << u"foreign_keys"_s << u"1"_s;
        QTest::newRow("busy_timeout") << u"busy_timeout"_s << u"10000"_s;
    }
    void pragmas()
    {
        if (test::onPostgres())
            QSKIP("SQLite's settings");
        QFETCH(QString, pragma);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        auto db = test::openStore(dir);
        QVERIFY(db);
        // Each thread's connection is set up, not only the first one.
        QString onMain;
        QString onWorker;
        const auto read = [&](QString &out) {
            auto conn = db->connection();
            if (!conn.ok())
                return;
            QSqlQuery q(*conn);
            if (q.exec(u"PRAGMA "_s + pragma) && q.next())
                out = q.value(0).toString().toLower();
        };
        read(onMain);
        QThread *worker = QThread::create([&] { read(onWorker); });
        worker->start();
        QVERIFY(worker->wait(10000));
        delete worker;
        QCOMPARE(onMain, expected);
        QCOMPARE(onWorker, expected);
    }

    void postgresSessionSettings()
    {
        if (!test::onPostgres())
            QSKIP("PostgreSQL's settings");
        QTemporaryDir dir;
        auto db = test::openStore(dir);
        QVERIFY(db);
        // Each thread's connection waits as long for a lock, not only the first one.
        const auto read = [&](QString &out) {
            auto conn = db->connection();
            if (!conn.ok())
                return;
            QSqlQuery q(*conn);
            if (q.exec(u"SHOW lock_timeout"_s) && q.next())
                out = q.value(0).toString();
        };
        QString onMain;
        QString onWorker;
        read(onMain);
        QThread *worker = QThread::create([&] { read(onWorker); });
        worker->start();
        QVERIFY(worker->wait(10000));
        delete worker;
        QCOMPARE(onMain, u"10s"_s);
        QCOMPARE(onWorker, u"10s"_s);
    }

    void postgresUrlIsDecoded()
    {
        // A user or database name with '@', '/', ':' or a space must be percent-encoded in
        // the URL; the connection must use the decoded names.
        if (!test::onPostgres())
            QSKIP("PostgreSQL URLs");
        QTemporaryDir dir;
        const auto options = test::storeOptions(dir);
        QVERIFY(options);
        QUrl url(options->url);
        const QString role = u"gatehouse o'test@%1/x:y"_s.arg(QCoreApplication::applicationPid());
        const QString database = url.path().mid(1);
        const QString quotedRole = u"\"%1\""_s.arg(role);
        QString failure = test::detail::onPostgresServer(
            {u"CREATE ROLE %1 LOGIN PASSWORD 'p@ss:/w%rd'"_s.arg(quotedRole),
             u"GRANT ALL ON DATABASE %1 TO %2"_s.arg(database, quotedRole)});
        if (!failure.isEmpty())
            QSKIP(qPrintable(u"the server does not let the test create a role: "_s + failure));
        url.setUserName(role, QUrl::DecodedMode);
        url.setPassword(u"p@ss:/w%rd"_s, QUrl::DecodedMode);
        DatabaseOptions encoded;
        encoded.url = url.toString(QUrl::FullyEncoded);
        QVERIFY2(encoded.url.contains(u"%40"_s), qPrintable(encoded.url));
        QString user;
        {
            auto db = Database::open(encoded);
            if (db.ok()) {
                auto conn = (*db)->connection();
                QSqlQuery q(*conn);
                if (q.exec(u"SELECT current_user"_s) && q.next())
                    user = q.value(0).toString();
            } else {
                failure = db.error().message();
            }
        }
        const QString dropped = test::detail::onPostgresServer(
            {test::detail::PostgresDatabases::dropStatement(database),
             u"DROP ROLE %1"_s.arg(quotedRole)});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY2(!failure.contains(u"p@ss"_s), qPrintable(failure));
        QCOMPARE(user, role);
        QVERIFY2(dropped.isEmpty(), qPrintable(dropped));
    }

    void unreachableServerSaysWhereAndHidesThePassword()
    {
        if (!test::onPostgres())
            QSKIP("needs the PostgreSQL driver");
        // A port nothing listens on: the one a listener just gave back.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        DatabaseOptions options;
        options.url = u"postgresql://gatehouse:s3cret-pw@127.0.0.1:%1/gatehouse"_s.arg(port);
        auto db = Database::open(options);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code(), ErrorCode::Database);
        const QString message = db.error().message();
        QVERIFY2(message.contains(u"127.0.0.1:%1"_s.arg(port)), qPrintable(message));
        QVERIFY2(!message.contains(u"s3cret-pw"_s), qPrintable(message));
    }

    void openRefusesUnusablePath()
    {
        if (test::onPostgres())
            QSKIP("SQLite files");
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"file"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        DatabaseOptions options;
        options.sqlitePath = dir.filePath(u"file/sub/store.db"_s);
        auto db = Database::open(options);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code(), ErrorCode::Io);
        QVERIFY2(db.error().message().contains(dir.filePath(u"file/sub"_s)),
                 qPrintable(db.error().message()));

        auto none = Database::open(DatabaseOptions{});
        QVERIFY(!none.ok());
        QCOMPARE(none.error().code(), ErrorCode::InvalidArgument);

        DatabaseOptions wrongUrl;
        wrongUrl.url = u"mysql://db/gatehouse"_s;
        auto bad = Database::open(wrongUrl);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code(), ErrorCode::InvalidArgument);
    }

    void eachThreadHasItsOwnConnection()
    {
        QTemporaryDir dir;
        auto db = test::openStore(dir);
        QVERIFY(db);
        const QString mainName = connectionName(*db);
        QVERIFY(!mainName.isEmpty());
        QCOMPARE(connectionName(*db), mainName);

        QString workerName;
        int countInWorker = 0;
        QThread *worker = QThread::create([&] {
            workerName = connectionName(*db);
            countInWorker = db->openConnectionCount();
        });
        worker->start();
        QVERIFY(worker->wait(10000));
        delete worker;
        QVERIFY(!workerName.isEmpty());
        QVERIFY(workerName != mainName);
        QCOMPARE(countInWorker, 2);
        // The worker's connection went away with its thread.
        QCOMPARE(db->openConnectionCount(), 1);
        QCOMPARE(storeConnections(), QStringList{mainName});
    }

    void nonQtThreadsReleaseTheirConnectionToo()
    {
        QTemporaryDir dir;
        auto db = test::openStore(dir);
        QVERIFY(db);
        QString workerName;
        std::thread worker([&] { workerName = connectionName(*db); });
        worker.join();
        QVERIFY(!workerName.isEmpty());
        QCOMPARE(db->openConnectionCount(), 1);
        QVERIFY(!storeConnections().contains(workerName));
    }

    void destroyingTheDatabaseClosesConnections()
    {
        QTemporaryDir dir;
        {
            auto db = test::openStore(dir);
            QVERIFY(db);
            QVERIFY(!connectionName(*db).isEmpty());
            QCOMPARE(storeConnections().size(), 1);
        }
        QVERIFY(storeConnections().isEmpty());
    }

    void releaseThreadConnection()
    {
        QTemporaryDir dir;
        auto db = test::openStore(dir);
        QVERIFY(db);
        QCOMPARE(db->openConnectionCount(), 1);
        db->releaseThreadConnection();
        QCOMPARE(db->openConnectionCount(), 0);
        QVERIFY(storeConnections().isEmpty());
        // The next use opens a new one.
        GH_VERIFY_OK(db->connection());
        QCOMPARE(db->openConnectionCount(), 1);
    }

    void writeCommitsOrRollsBack()
    {
        QTemporaryDir dir;
        auto db = test::openStore(dir);
        QVERIFY(db);
        GH_VERIFY_OK(db->write([](QSqlDatabase &c) -> Status {
            QSqlQuery q(c);
            q.exec(u"INSERT INTO plans (name, origin) VALUES ('kept', 'local')"_s);
            return {};
        }));
        const Status failed = db->write([](QSqlDatabase &c) -> Status {
            QSqlQuery q(c);
            q.exec(u"INSERT INTO plans (name, origin) VALUES ('dropped', 'local')"_s);
            return Error(ErrorCode::Validation, u"changed my mind"_s);
        });
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().message(), u"changed my mind"_s);

        // A write nested in a write joins it: the inner failure rolls back everything.
        const Status nested = db->write([&](QSqlDatabase &c) -> Status {
            QSqlQuery q(c);
            q.exec(u"INSERT INTO plans (name, origin) VALUES ('outer', 'local')"_s);
            return db->write([](QSqlDatabase &inner) -> Status {
                QSqlQuery q2(inner);
                q2.exec(u"INSERT INTO plans (name, origin) VALUES ('inner', 'local')"_s);
                return Error(ErrorCode::Conflict, u"inner failed"_s);
            });
        });
        QVERIFY(!nested.ok());

        auto conn = db->connection();
        GH_VERIFY_OK(conn);
        QSqlQuery q(*conn);
        QVERIFY(q.exec(u"SELECT name FROM plans ORDER BY name"_s));
        QStringList names;
        while (q.next())
            names << q.value(0).toString();
        QCOMPARE(names, QStringList{u"kept"_s});
    }

    void aFailedStatementIsNeverCommittedSilently()
    {
        // On PostgreSQL a failed statement aborts the whole transaction and a COMMIT after it
        // rolls back without an error; SQLite undoes only the statement. Either way write()
        // reports success only when what its work did is saved.
        QTemporaryDir dir;
        auto db = test::openStore(dir);
        QVERIFY(db);
        GH_VERIFY_OK(PlanRepository(*db).create(Plan{u"first"_s, {}, {}, {}, Origin::Local}));
        const Status written = db->write([](QSqlDatabase &c) -> Status {
            QSqlQuery q(c);
            q.exec(u"INSERT INTO plans (name, origin) VALUES ('second', 'local')"_s);
            // Fails (the name is taken); the work ignores it.
            q.exec(u"INSERT INTO plans (name, origin) VALUES ('first', 'local')"_s);
            return {};
        });
        auto second = PlanRepository(*db).get(u"second"_s);
        if (test::onPostgres()) {
            QVERIFY(!written.ok());
            QCOMPARE(written.error().code(), ErrorCode::Database);
            QVERIFY2(written.error().message().contains(u"nothing was saved"_s),
                     qPrintable(written.error().message()));
        }
        QCOMPARE(second.ok(), written.ok());
        // The connection is usable afterwards.
        GH_VERIFY_OK(PlanRepository(*db).create(Plan{u"third"_s, {}, {}, {}, Origin::Local}));
        GH_VERIFY_OK(PlanRepository(*db).get(u"third"_s));
    }

    void failedWritesLeaveNoStatementBehind()
    {
        // Statements are freed after the transaction a failure aborted has ended: freed inside
        // it, PostgreSQL would refuse and the statement would stay on the connection for good.
        if (!test::onPostgres())
            QSKIP("PostgreSQL's prepared statements");
        QTemporaryDir dir;
        auto db = test::openStore(dir);
        QVERIFY(db);
        PlanRepository plans(*db);
        const Plan free{u"free"_s, 1000, {}, {}, Origin::Local};
        GH_VERIFY_OK(plans.create(free));
        const auto allocated = [&] {
            auto conn = db->connection();
            QSqlQuery q(*conn);
            return q.exec(u"SELECT count(*) FROM pg_prepared_statements"_s) && q.next()
                       ? q.value(0).toInt()
                       : -1;
        };
        const int before = allocated();
        QVERIFY(before >= 0);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(plans.create(free).error().code(), ErrorCode::AlreadyExists);
        QCOMPARE(allocated(), before);
    }

    void aConnectionTheServerClosedIsReplaced()
    {
        // What a server restart, a fail-over or a proxy's idle timeout does to a connection: the
        // next write goes through on a new one.
        if (!test::onPostgres())
            QSKIP("a PostgreSQL server closing a connection");
        QTemporaryDir dir;
        auto db = test::openStore(dir);
        QVERIFY(db);
        const auto serverProcess = [&]() -> qint64 {
            auto conn = db->connection();
            if (!conn.ok())
                return -1;
            QSqlQuery q(*conn);
            return q.exec(u"SELECT pg_backend_pid()"_s) && q.next() ? q.value(0).toLongLong() : -1;
        };
        const qint64 before = serverProcess();
        QVERIFY(before > 0);
        QCOMPARE(test::detail::onPostgresServer(
                     {u"SELECT pg_terminate_backend(%1, 10000)"_s.arg(before)}),
                 QString());
        GH_VERIFY_OK(PlanRepository(*db).create(Plan{u"after"_s, 10, {}, {}, Origin::Local}));
        GH_VERIFY_OK(PlanRepository(*db).get(u"after"_s));
        const qint64 after = serverProcess();
        QVERIFY(after > 0);
        QVERIFY(after != before);
        QCOMPARE(db->openConnectionCount(), 1);
    }

    void concurrentWritersAndReaders()
    {
        QTemporaryDir dir;
        auto db = test::openStore(dir);
        QVERIFY(db);
        constexpr int perThread = 500;
        std::atomic<int> failures{0};
        QStringList errors;
        QMutex errorsMutex;
        const auto writer = [&] {
            UsageRepository usage(*db);
            for (int i = 0; i < perThread; ++i) {
                const Status s =
                    usage.addBatch({UsageCounter{u"bob"_s, u"billing"_s, u"2025-01"_s, 1, 0.5}});
                if (!s.ok()) {
                    ++failures;
                    QMutexLocker lock(&errorsMutex);
                    errors << s.error().message();
                }
                // Reads interleave with the other thread's writes.
                if (i % 50 == 0 && !usage.get(u"bob"_s, u"billing"_s, u"2025-01"_s).ok())
                    ++failures;
            }
        };
        QThread *a = QThread::create(writer);
        QThread *b = QThread::create(writer);
        a->start();
        b->start();
        QVERIFY(a->wait(60000));
        QVERIFY(b->wait(60000));
        delete a;
        delete b;
        QVERIFY2(failures == 0, qPrintable(errors.join(u"\n"_s)));
        auto total = UsageRepository(*db).get(u"bob"_s, u"billing"_s, u"2025-01"_s);
        GH_VERIFY_OK(total);
        QCOMPARE(total->calls, qint64(2 * perThread));
        QCOMPARE(total->cost, 0.5 * 2 * perThread);
        QCOMPARE(db->openConnectionCount(), 1);
    }

    void twoDatabaseObjectsOnOneFile()
    {
        // Two instances on one file behave like two processes: writes of one are seen by the
        // other, and they do not share connections.
        QTemporaryDir dir;
        auto first = test::openStore(dir);
        auto second = test::openStore(dir);
        QVERIFY(first && second);
        QVERIFY(connectionName(*first) != connectionName(*second));
        GH_VERIFY_OK(UsageRepository(*first).addBatch({{u"a"_s, u"s"_s, u"2025-02"_s, 3, 0}}));
        auto seen = UsageRepository(*second).get(u"a"_s, u"s"_s, u"2025-02"_s);
        GH_VERIFY_OK(seen);
        QCOMPARE(seen->calls, qint64(3));
    }
};

QTEST_GUILESS_MAIN(TestStoreDatabase)
#include "TestStoreDatabase.moc"
