// PageStore, what the editing pages share: reads and writes run in order on a thread that is not
// the GUI's, their results come back on the GUI thread (failures too), a burst of writes reaches
// the running gateway as one background reload once the last of them landed, nothing is asked of
// a stopped gateway, only the page that asked takes the gateway's answer as its own, and the
// destructor waits for the work in flight.
#include "../unit/store/StoreTestSupport.h"
#include "PageStore.h"
#include "gateway/Gateway.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <thread>

using namespace gatehouse;
using namespace Qt::StringLiterals;
using gateway::Gateway;
using ui::PageStore;

namespace {

constexpr int kWaitMs = 15000;
// How long to look for something that must not happen (a second reload, a late answer).
constexpr int kQuietMs = 300;

// What happened, in the order it happened on the GUI thread.
class Log
{
public:
    void add(const QString &event) { m_events.append(event); }
    QStringList events() const { return m_events; }
    int indexOf(const QString &event) const { return int(m_events.indexOf(event)); }

private:
    QStringList m_events;
};

} // namespace

class TestPageStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<Gateway> m_gateway;

    static gateway::ListenOptions listen()
    {
        gateway::ListenOptions options;
        options.port = 0;
        options.workerThreads = 1;
        options.authMode = gateway::AuthMode::None;
        return options;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = store::test::openStore(m_dir);
        QVERIFY(m_db);
        m_gateway = std::make_unique<Gateway>(m_db.get());
        GH_VERIFY_OK(m_gateway->start(listen()));
    }

    void init()
    {
        if (m_gateway->state() != Gateway::State::Running)
            GH_VERIFY_OK(m_gateway->start(listen()));
    }

    void cleanupTestCase()
    {
        m_gateway.reset();
        m_db.reset();
    }

    void writesRunInOrderOffTheGuiThread()
    {
        PageStore store(*m_gateway, *m_db);
        QThread *gui = QThread::currentThread();
        auto ran = std::make_shared<QList<std::pair<int, QThread *>>>();
        QList<int> landed;
        for (int i = 0; i < 5; ++i)
            store.write(
                [i, ran](store::Database &) {
                    // Only the one thread appends: the list needs no lock.
                    ran->append({i, QThread::currentThread()});
                    return Status();
                },
                [&landed, i, gui](const Status &status) {
                    QVERIFY(status.ok());
                    QCOMPARE(QThread::currentThread(), gui);
                    landed.append(i);
                });
        QCOMPARE(store.writesInFlight(), 5);
        QTRY_COMPARE_WITH_TIMEOUT(landed.size(), 5, kWaitMs);
        QCOMPARE(landed, (QList<int>{0, 1, 2, 3, 4}));
        QCOMPARE(store.writesInFlight(), 0);
        QCOMPARE(ran->size(), 5);
        for (int i = 0; i < ran->size(); ++i) {
            QCOMPARE(ran->at(i).first, i);
            QVERIFY(ran->at(i).second != gui);
            QCOMPARE(ran->at(i).second, ran->at(0).second);
        }

        // A read queued after the writes sees them, and a write's value comes back with it.
        QVariant value;
        store.write([](store::Database &) { return Result<int>(42); },
                    [&value](const Result<int> &result) { value = *result; });
        std::optional<int> read;
        store.load([ran](store::Database &) { return int(ran->size()); },
                   [&read](int size) { read = size; });
        QVERIFY(store.isLoading());
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), kWaitMs);
        QCOMPARE(*read, 5);
        QCOMPARE(value, QVariant(42));
        QVERIFY(!store.isLoading());
        QTRY_VERIFY_WITH_TIMEOUT(!store.isApplying(), kWaitMs);
    }

    void failuresAreDeliveredAndAskNothingOfTheGateway()
    {
        PageStore store(*m_gateway, *m_db);
        QSignalSpy reloaded(m_gateway.get(), &Gateway::reloaded);
        QSignalSpy applied(&store, &PageStore::applied);
        std::optional<Status> landed;
        store.write(
            [](store::Database &) { return Status(Error(ErrorCode::Conflict, u"Taken."_s)); },
            [&landed](const Status &status) { landed = status; });
        QTRY_VERIFY_WITH_TIMEOUT(landed.has_value(), kWaitMs);
        QVERIFY(!landed->ok());
        QCOMPARE(landed->error().code(), ErrorCode::Conflict);
        QCOMPARE(landed->error().message(), u"Taken."_s);
        QVERIFY(!store.isApplying());
        QTest::qWait(kQuietMs);
        QCOMPARE(reloaded.count(), 0);
        QCOMPARE(applied.count(), 0);

        // A success before a failure still goes to the gateway.
        int landedCount = 0;
        store.write([](store::Database &) { return Status(); },
                    [&landedCount](const Status &) { ++landedCount; });
        store.write([](store::Database &) { return Status(Error(ErrorCode::Database, u"No."_s)); },
                    [&landedCount](const Status &) { ++landedCount; });
        QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, kWaitMs);
        QCOMPARE(landedCount, 2);
        QVERIFY(applied.at(0).at(0).value<Status>().ok());
        QCOMPARE(reloaded.count(), 1);
    }

    // Five edits in a row: one background reload once the last has landed, not one per edit; the
    // page hears "applied" only after the gateway said it reloaded.
    void aBurstOfWritesIsOneBackgroundReload()
    {
        Log log;
        QObject context;
        // Connected before the store's own connection: it runs first when reloaded is emitted.
        connect(m_gateway.get(), &Gateway::reloaded, &context, [&log](const Status &status) {
            log.add(status.ok() ? u"reloaded"_s : u"failed"_s);
        });
        PageStore store(*m_gateway, *m_db);
        QSignalSpy reloaded(m_gateway.get(), &Gateway::reloaded);
        QSignalSpy stopped(&store, &PageStore::savedWhileStopped);
        connect(&store, &PageStore::applied, &context, [&log, &store](const Status &status) {
            QVERIFY(status.ok());
            QVERIFY(!store.isApplying());
            log.add(u"applied"_s);
        });
        for (int i = 0; i < 5; ++i)
            store.write([](store::Database &) { return Status(); },
                        [&log, &store, i](const Status &) {
                            // Nothing is asked of the gateway while writes are in flight.
                            QVERIFY(!store.isApplying());
                            log.add(u"landed %1"_s.arg(i));
                        });
        QTRY_VERIFY_WITH_TIMEOUT(log.indexOf(u"applied"_s) >= 0, kWaitMs);
        QTest::qWait(kQuietMs);
        QCOMPARE(log.events(),
                 (QStringList{u"landed 0"_s, u"landed 1"_s, u"landed 2"_s, u"landed 3"_s,
                              u"landed 4"_s, u"reloaded"_s, u"applied"_s}));
        QCOMPARE(reloaded.count(), 1);
        QCOMPARE(stopped.count(), 0);
        QVERIFY(!store.isApplying());
    }

    void aStoppedGatewayIsNotAskedToReload()
    {
        Gateway stoppedGateway(m_db.get());
        QCOMPARE(stoppedGateway.state(), Gateway::State::Stopped);
        PageStore store(stoppedGateway, *m_db);
        QSignalSpy reloaded(&stoppedGateway, &Gateway::reloaded);
        QSignalSpy saved(&store, &PageStore::savedWhileStopped);
        QSignalSpy applied(&store, &PageStore::applied);
        int landed = 0;
        for (int i = 0; i < 3; ++i)
            store.write([](store::Database &) { return Status(); },
                        [&landed](const Status &) { ++landed; });
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kWaitMs);
        QCOMPARE(landed, 3);
        QVERIFY(!store.isApplying());
        QTest::qWait(kQuietMs);
        QCOMPARE(reloaded.count(), 0);
        QCOMPARE(applied.count(), 0);
        QCOMPARE(saved.count(), 1);

        // Writes that change nothing the gateway serves are not announced at all.
        store.write([](store::Database &) { return Status(); },
                    [&landed](const Status &) { ++landed; }, PageStore::Reach::StoreOnly);
        QTRY_COMPARE_WITH_TIMEOUT(landed, 4, kWaitMs);
        QTest::qWait(kQuietMs);
        QCOMPARE(saved.count(), 1);
        QCOMPARE(reloaded.count(), 0);
    }

    // Several pages share one gateway, and reloaded() is emitted for everybody's request: a page
    // takes it as its answer only while it waits for one.
    void onlyThePageThatAskedTakesTheAnswer()
    {
        PageStore asking(*m_gateway, *m_db);
        PageStore other(*m_gateway, *m_db);
        QSignalSpy askingApplied(&asking, &PageStore::applied);
        QSignalSpy otherApplied(&other, &PageStore::applied);
        QSignalSpy reloaded(m_gateway.get(), &Gateway::reloaded);

        // Somebody else's reload.
        m_gateway->reloadInBackground();
        QTRY_COMPARE_WITH_TIMEOUT(reloaded.count(), 1, kWaitMs);
        QTest::qWait(kQuietMs);
        QCOMPARE(askingApplied.count(), 0);
        QCOMPARE(otherApplied.count(), 0);

        asking.write([](store::Database &) { return Status(); }, [](const Status &) {});
        QTRY_COMPARE_WITH_TIMEOUT(askingApplied.count(), 1, kWaitMs);
        QTest::qWait(kQuietMs);
        QCOMPARE(askingApplied.count(), 1);
        QCOMPARE(otherApplied.count(), 0);
        QVERIFY(!other.isApplying());
    }

    // A write queued while the reload for the one before runs is not in what that reload read:
    // "applied" waits until it has landed too.
    void aSuccessWaitsForTheWritesStillInFlight()
    {
        Log log;
        QObject context;
        QSemaphore heardReload;
        connect(m_gateway.get(), &Gateway::reloaded, &context, [&log, &heardReload] {
            log.add(u"reloaded"_s);
            heardReload.release();
        });
        PageStore store(*m_gateway, *m_db);
        connect(&store, &PageStore::applied, &context,
                [&log](const Status &status) { log.add(status.ok() ? u"applied"_s : u"?"_s); });
        const auto second = [&] {
            QVERIFY(store.isApplying());
            // Held on its thread until the gateway answered the first write's request.
            store.write(
                [&heardReload](store::Database &) {
                    return heardReload.tryAcquire(1, kWaitMs)
                               ? Status()
                               : Status(Error(ErrorCode::Internal, u"No reload."_s));
                },
                [&log](const Status &status) { log.add(status.ok() ? u"landed 2"_s : u"?"_s); },
                PageStore::Reach::StoreOnly);
        };
        store.write([](store::Database &) { return Status(); },
                    [&log, &context, second](const Status &) {
                        log.add(u"landed 1"_s);
                        // Queued now, it runs right after the store asked for the reload and
                        // before any answer can arrive.
                        QMetaObject::invokeMethod(&context, second, Qt::QueuedConnection);
                    });
        QTRY_VERIFY_WITH_TIMEOUT(log.indexOf(u"applied"_s) >= 0, kWaitMs);
        QTest::qWait(kQuietMs);
        QCOMPARE(log.events(),
                 (QStringList{u"landed 1"_s, u"reloaded"_s, u"landed 2"_s, u"applied"_s}));
    }

    // Stopped before it answered: what was saved is read when the gateway starts again.
    void aGatewayStoppedBeforeItAnsweredReadsTheChangeWhenItStarts()
    {
        PageStore store(*m_gateway, *m_db);
        QSignalSpy saved(&store, &PageStore::savedWhileStopped);
        QSignalSpy applied(&store, &PageStore::applied);
        store.reloadGateway();
        QVERIFY(store.isApplying());
        m_gateway->stop();
        QCOMPARE(saved.count(), 1);
        QVERIFY(!store.isApplying());
        QTest::qWait(kQuietMs);
        QCOMPARE(applied.count(), 0);
        QCOMPARE(saved.count(), 1);
        // Stopped, there is nothing to ask.
        store.reloadGateway();
        QVERIFY(!store.isApplying());
    }

    // A gateway still starting may have read the store before the edit: it is asked to reload,
    // and answers once it runs.
    void anEditWhileTheGatewayStartsIsReloadedOnceItRuns()
    {
        Gateway starting(m_db.get());
        PageStore store(starting, *m_db);
        QSignalSpy applied(&store, &PageStore::applied);
        QSignalSpy saved(&store, &PageStore::savedWhileStopped);
        starting.startInBackground(listen());
        QCOMPARE(starting.state(), Gateway::State::Starting);
        store.reloadGateway();
        QVERIFY(store.isApplying());
        QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, kWaitMs);
        QVERIFY(applied.first().first().value<Status>().ok());
        QCOMPARE(starting.state(), Gateway::State::Running);
        QCOMPARE(saved.count(), 0);
        starting.stop();
    }

    // A read asked for while one runs: that one's result is dropped, only the newest read runs
    // after it.
    void aReadAskedForWhileOneRunsReplacesIt()
    {
        PageStore store(*m_gateway, *m_db);
        QSemaphore release;
        std::atomic_int reads = 0;
        QStringList loaded;
        const auto read = [&release, &reads](const QString &name, bool hold) {
            return [&release, &reads, name, hold](store::Database &) {
                if (hold)
                    release.tryAcquire(1, kWaitMs);
                ++reads;
                return name;
            };
        };
        const auto show = [&loaded](const QString &name) { loaded.append(name); };
        store.load(read(u"first"_s, true), show);
        store.load(read(u"second"_s, false), show);
        store.load(read(u"third"_s, false), show);
        QVERIFY(store.isLoading());
        release.release();
        QTRY_COMPARE_WITH_TIMEOUT(loaded, QStringList{u"third"_s}, kWaitMs);
        QVERIFY(!store.isLoading());
        QTest::qWait(kQuietMs);
        QCOMPARE(loaded, QStringList{u"third"_s});
        QCOMPARE(reads.load(), 2); // the second never ran
    }

    // The page's tasks use what the page holds: the destructor waits for them, and their results
    // are not delivered to a page that is gone.
    void theDestructorWaitsForTheWorkInFlight()
    {
        auto store = std::make_unique<PageStore>(*m_gateway, *m_db);
        QSemaphore release;
        std::atomic_bool finished = false;
        bool landed = false;
        store->write(
            [&release, &finished](store::Database &) {
                release.tryAcquire(1, kWaitMs);
                QThread::msleep(50);
                finished = true;
                return Status();
            },
            [&landed](const Status &) { landed = true; });
        std::thread releaser([&release] {
            QThread::msleep(100);
            release.release();
        });
        store.reset();
        QVERIFY(finished);
        releaser.join();
        QCoreApplication::processEvents();
        QTest::qWait(kQuietMs);
        QVERIFY(!landed);
    }
};

QTEST_MAIN(TestPageStore)
#include "TestPageStore.moc"
