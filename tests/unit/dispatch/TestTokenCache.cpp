// The upstream token cache going away while a fetch is in flight: the fetch's answer arrives later
// (an HTTP response on a worker's event loop) and must find nothing of the cache to touch, and the
// calls waiting for it must hear that the gateway stops instead of waiting for ever.
#include "dispatch/TokenCache.h"

#include <QThread>
#include <QtTest>

#include <atomic>
#include <chrono>
#include <cstring>
#include <future>
#include <memory>
#include <new>
#include <thread>

using namespace gatehouse;
using gatehouse::dispatch::TokenCache;
using namespace std::chrono_literals;

namespace {

using Finished = std::function<void(Result<TokenCache::Token>)>;

// A fetch that never answers by itself: the test answers it through `finished` when it wants.
TokenCache::Fetch heldFetch(std::shared_ptr<Finished> finished)
{
    return [finished](Finished done) { *finished = std::move(done); };
}

TokenCache::Token freshToken()
{
    return TokenCache::token("access-token-1", 3600s, TokenCache::Clock::now());
}

// Runs `work` on a thread of its own and waits for it at most 5 s: code that locks a destroyed
// mutex may block for ever instead of crashing, and the test must end either way.
bool finishesInTime(std::function<void()> work)
{
    std::promise<void> done;
    std::future<void> finished = done.get_future();
    std::thread thread([work = std::move(work), done = std::move(done)]() mutable {
        work();
        done.set_value();
    });
    if (finished.wait_for(5s) != std::future_status::ready) {
        thread.detach();
        return false;
    }
    thread.join();
    return true;
}

} // namespace

class TestTokenCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void destroyedWithAFetchInFlightIgnoresItsAnswer()
    {
        // The cache lives in storage the test controls, so that what a late answer would touch
        // is garbage, as freed memory reused by something else would be.
        alignas(TokenCache) unsigned char storage[sizeof(TokenCache)];
        auto *cache = new (storage) TokenCache;
        QObject context;
        QList<Result<QByteArray>> answers;
        auto finished = std::make_shared<Finished>();
        cache->acquire(QStringLiteral("crm\nalice"), &context, heldFetch(finished),
                       [&answers](Result<QByteArray> token) { answers.append(token); });
        QVERIFY(*finished);
        QCOMPARE(cache->fetchesStarted(), 1);

        cache->~TokenCache();
        std::memset(storage, 0xa5, sizeof storage);
        QVERIFY2(finishesInTime([finished] { (*finished)(freshToken()); }),
                 "the late answer of the fetch blocked on the destroyed cache");

        // The waiting call heard that the gateway stops, once, and never got the late token.
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 1, 5000);
        QVERIFY(!answers.constFirst().ok());
        QCOMPARE(answers.constFirst().error().code(), ErrorCode::Unavailable);
        QVERIFY2(answers.constFirst().error().message().contains(QLatin1String("stopping")),
                 qPrintable(answers.constFirst().error().message()));
        QTest::qWait(50);
        QCOMPARE(answers.size(), 1);
    }

    void shutdownFailsWaitersAndLaterCalls()
    {
        TokenCache cache;
        QObject context;
        QList<Result<QByteArray>> answers;
        auto finished = std::make_shared<Finished>();
        const auto record = [&answers](Result<QByteArray> token) { answers.append(token); };
        cache.acquire(QStringLiteral("crm\n"), &context, heldFetch(finished), record);
        cache.shutdown();
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 1, 5000);
        QCOMPARE(answers.constFirst().error().code(), ErrorCode::Unavailable);

        // A call after the shutdown fails at once and starts no fetch.
        auto another = std::make_shared<Finished>();
        cache.acquire(QStringLiteral("crm\n"), &context, heldFetch(another), record);
        QVERIFY(!*another);
        QCOMPARE(cache.fetchesStarted(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 2, 5000);
        QCOMPARE(answers.at(1).error().code(), ErrorCode::Unavailable);

        // The fetch that was in flight answers into a closed cache: nobody hears of it.
        (*finished)(freshToken());
        QTest::qWait(50);
        QCOMPARE(answers.size(), 2);
    }

    // As in the gateway: the call and its fetch run on a worker thread, the cache goes on
    // another, and the upstream's answer reaches the worker's event loop afterwards.
    void destroyedWhileAWorkerThreadFetches()
    {
        auto cache = std::make_unique<TokenCache>();
        QThread worker;
        worker.start();
        auto context = std::make_unique<QObject>();
        context->moveToThread(&worker);

        auto finished = std::make_shared<Finished>();
        std::atomic<int> answers = 0;
        std::atomic<bool> failed = false;
        std::atomic<bool> onWorker = false;
        QMetaObject::invokeMethod(
            context.get(),
            [&] {
                cache->acquire(QStringLiteral("crm\nbob"), context.get(), heldFetch(finished),
                               [&](Result<QByteArray> token) {
                                   onWorker = QThread::currentThread() == &worker;
                                   failed = !token.ok();
                                   ++answers;
                               });
            },
            Qt::BlockingQueuedConnection);
        QVERIFY(*finished);

        cache.reset();
        // Queued, not blocking: should the answer block the worker, the waits below time out.
        std::atomic<bool> answered = false;
        QMetaObject::invokeMethod(
            context.get(),
            [finished, &answered] {
                (*finished)(freshToken());
                answered = true;
            },
            Qt::QueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(answered.load(), 5000);

        QTRY_COMPARE_WITH_TIMEOUT(answers.load(), 1, 5000);
        QVERIFY(failed);
        QVERIFY(onWorker);
        context.release()->deleteLater();
        worker.quit();
        QVERIFY(worker.wait(5000));
        QCOMPARE(answers.load(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTokenCache)
#include "TestTokenCache.moc"
