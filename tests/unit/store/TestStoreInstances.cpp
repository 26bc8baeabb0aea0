#include "StoreTestSupport.h"
#include "store/ClientRepository.h"
#include "store/SpendRepository.h"
#include "store/TokenRepository.h"
#include "store/UsageRepository.h"
#include "store/UserRepository.h"

#include <QThread>
#include <QtTest>

#include <array>
#include <atomic>
#include <barrier>
#include <functional>

using namespace gatehouse;
using namespace gatehouse::store;
using namespace Qt::StringLiterals;

namespace {

constexpr int kThreadsPerInstance = 4;
constexpr int kThreads = 2 * kThreadsPerInstance;

// Runs body(thread, instance) on kThreads threads, half of them on each instance. False when a
// thread did not finish within the bound.
bool runOnBothInstances(const std::function<void(int, Database &)> &body, Database &first,
                        Database &second)
{
    std::array<QThread *, kThreads> threads{};
    for (int t = 0; t < kThreads; ++t) {
        Database &instance = t % 2 == 0 ? first : second;
        threads[t] = QThread::create([&body, &instance, t] { body(t, instance); });
        threads[t]->start();
    }
    bool finished = true;
    for (QThread *thread : threads) {
        finished = thread->wait(90000) && finished;
        delete thread;
    }
    return finished;
}

} // namespace

// Two Database objects on one store stand for two gateway instances sharing a PostgreSQL database
// (or two processes on one SQLite file): what one writes the other sees, and conflicting writes
// from both come out as if made one after the other.
class TestStoreInstances : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_first;
    std::unique_ptr<Database> m_second;

private Q_SLOTS:
    void init()
    {
        QFile::remove(m_dir.filePath(u"store.db"_s));
        m_first = test::openStore(m_dir);
        m_second = test::openStore(m_dir);
        QVERIFY(m_first && m_second);
        User bob;
        bob.name = u"bob"_s;
        GH_VERIFY_OK(UserRepository(*m_first).create(bob));
        Client client;
        client.clientId = u"c"_s;
        client.user = u"bob"_s;
        GH_VERIFY_OK(ClientRepository(*m_first).create(client));
    }
    void cleanup()
    {
        m_first.reset();
        m_second.reset();
    }

    void aCodeIsConsumedOnceAcrossInstances()
    {
        // Every thread of both instances tries to redeem each authorization code at the same
        // moment: exactly one gets it unused, all others see the replay.
        constexpr int codes = 25;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < codes; ++i) {
            Token code;
            code.tokenHash = u"code%1"_s.arg(i);
            code.kind = u"code"_s;
            code.clientId = u"c"_s;
            code.user = u"bob"_s;
            code.expiresAt = now.addSecs(600);
            GH_VERIFY_OK(TokenRepository(*m_first).insert(code));
        }
        std::array<std::atomic<int>, codes> unused{};
        std::array<std::atomic<int>, codes> replays{};
        QStringList errors;
        QMutex errorsMutex;
        std::barrier start(kThreads);
        const bool finished = runOnBothInstances(
            [&](int, Database &instance) {
                TokenRepository tokens(instance);
                for (int i = 0; i < codes; ++i) {
                    start.arrive_and_wait();
                    const auto consumed = tokens.consume(u"code%1"_s.arg(i));
                    if (!consumed.ok()) {
                        QMutexLocker lock(&errorsMutex);
                        errors << consumed.error().message();
                    } else if (consumed->revoked) {
                        ++replays[i];
                    } else {
                        ++unused[i];
                    }
                }
            },
            *m_first, *m_second);
        QVERIFY(finished);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"\n"_s)));
        for (int i = 0; i < codes; ++i) {
            QCOMPARE(unused[i].load(), 1);
            QCOMPARE(replays[i].load(), kThreads - 1);
            QVERIFY(TokenRepository(*m_second).get(u"code%1"_s.arg(i))->revoked);
        }
    }

    void usageBatchesFromBothInstancesAddUp()
    {
        // Batches that touch the same counters in different orders, as the group commits of two
        // instances do: none may fail (no deadlock) and none may be lost.
        constexpr int batches = 60;
        const QStringList servers = {u"billing"_s, u"crm"_s, u"files"_s};
        std::atomic<int> failures{0};
        QStringList errors;
        QMutex errorsMutex;
        const bool finished = runOnBothInstances(
            [&](int thread, Database &instance) {
                UsageRepository usage(instance);
                for (int b = 0; b < batches; ++b) {
                    QList<UsageCounter> batch;
                    for (int s = 0; s < servers.size(); ++s) {
                        const QString &server = servers.at((thread + b + s) % servers.size());
                        batch.append({u"bob"_s, server, u"2025-06"_s, 1, 0.25});
                    }
                    batch.append({u"user%1"_s.arg(thread), u"billing"_s, u"2025-06"_s, 2, 0.5});
                    if (const Status s = usage.addBatch(batch); !s.ok()) {
                        ++failures;
                        QMutexLocker lock(&errorsMutex);
                        errors << s.error().message();
                    }
                }
            },
            *m_first, *m_second);
        QVERIFY(finished);
        QVERIFY2(failures == 0, qPrintable(errors.join(u"\n"_s)));
        UsageRepository usage(*m_second);
        for (const QString &server : servers) {
            auto counter = usage.get(u"bob"_s, server, u"2025-06"_s);
            GH_VERIFY_OK(counter);
            QCOMPARE(counter->calls, qint64(kThreads * batches));
            QCOMPARE(counter->cost, 0.25 * kThreads * batches);
        }
        for (int t = 0; t < kThreads; ++t) {
            auto own = usage.get(u"user%1"_s.arg(t), u"billing"_s, u"2025-06"_s);
            GH_VERIFY_OK(own);
            QCOMPARE(own->calls, qint64(2 * batches));
            QCOMPARE(own->cost, 0.5 * batches);
        }
    }

    void spendCapsHoldAcrossInstances()
    {
        // Both instances reserve against one token's cap and one user's monthly cap at once: the
        // caps admit exactly as many calls as fit, never one more.
        Token capped;
        capped.tokenHash = u"capped"_s;
        capped.clientId = u"c"_s;
        capped.user = u"bob"_s;
        capped.expiresAt = QDateTime::currentDateTimeUtc().addSecs(600);
        capped.spendCap = 10.0;
        GH_VERIFY_OK(TokenRepository(*m_first).insert(capped));
        constexpr int attempts = 12;
        std::atomic<int> reservedByToken{0};
        std::atomic<int> refusedByToken{0};
        std::atomic<int> reservedMonthly{0};
        std::atomic<int> refusedMonthly{0};
        QStringList errors;
        QMutex errorsMutex;
        const bool finished = runOnBothInstances(
            [&](int thread, Database &instance) {
                SpendRepository spend(instance);
                for (int i = 0; i < attempts; ++i) {
                    // Half the threads of each instance spend against the token (0.5 per call,
                    // cap 10: 20 calls), the others against carol's monthly cap on crm (0.25,
                    // cap 3: 12 calls).
                    const bool onToken = (thread / 2) % 2 == 0;
                    SpendRequest request;
                    request.server = u"crm"_s;
                    request.period = u"2025-06"_s;
                    if (onToken) {
                        request.cost = 0.5;
                        request.tokenHash = u"capped"_s;
                    } else {
                        request.cost = 0.25;
                        request.user = u"carol"_s;
                        request.monthly = 3.0;
                    }
                    const auto outcome = spend.reserve(request);
                    if (!outcome.ok()) {
                        QMutexLocker lock(&errorsMutex);
                        errors << outcome.error().message();
                        continue;
                    }
                    if (onToken)
                        ++(outcome->reserved() ? reservedByToken : refusedByToken);
                    else
                        ++(outcome->reserved() ? reservedMonthly : refusedMonthly);
                }
            },
            *m_first, *m_second);
        QVERIFY(finished);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"\n"_s)));
        QCOMPARE(reservedByToken.load(), 20);
        QCOMPARE(refusedByToken.load(), kThreadsPerInstance * attempts - 20);
        QCOMPARE(*SpendRepository(*m_second).spentByToken(u"capped"_s), 10.0);
        QCOMPARE(reservedMonthly.load(), 12);
        QCOMPARE(refusedMonthly.load(), kThreadsPerInstance * attempts - 12);
        QCOMPARE(UsageRepository(*m_second).get(u"carol"_s, u"crm"_s, u"2025-06"_s)->cost, 3.0);
    }
};

QTEST_GUILESS_MAIN(TestStoreInstances)
#include "TestStoreInstances.moc"
