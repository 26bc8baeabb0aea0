#include "StoreTestSupport.h"
#include "store/Database.h"
#include "store/Migrator.h"
#include "store/UsageRepository.h"

#include <QSqlError>
#include <QSqlQuery>
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

    void openRefusesUnusablePath()
    {
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
