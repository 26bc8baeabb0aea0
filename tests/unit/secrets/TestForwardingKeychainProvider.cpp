// The keychain from worker threads: each job runs on the main thread's event loop while the worker
// waits, so tasks on pool threads that come and go keep reaching the keychain (QtKeychain's
// executor lives in the thread of the first job); a worker stops waiting when told the owner is
// going away.
#include "secrets/ForwardingKeychainProvider.h"
#include "secrets/KeychainKeyProvider.h"
#include "secrets/MasterKey.h"

#include <QThreadPool>
#include <QtTest>

#include <optional>

using gatehouse::ErrorCode;
using gatehouse::Result;
using gatehouse::Status;
using gatehouse::secrets::ForwardingKeychainProvider;
using gatehouse::secrets::KeychainKeyProvider;
using gatehouse::secrets::MasterKey;

namespace {

// A service of its own per run, so runs never see each other's entries.
QString uniqueService()
{
    return QStringLiteral("gatehouse-forwarding-test-%1").arg(QCoreApplication::applicationPid());
}

MasterKey newKey()
{
    auto key = MasterKey::generate();
    if (!key)
        qFatal("cannot generate a master key");
    return *key;
}

} // namespace

class TestForwardingKeychainProvider : public QObject
{
    Q_OBJECT

    // Runs `work` on a pool thread of its own (which ends with the pool) while this thread's event
    // loop keeps running, as a GUI's would.
    template <typename Work>
    void onFreshPoolThread(Work work)
    {
        QThreadPool pool;
        bool done = false;
        pool.start([&] {
            work();
            QMetaObject::invokeMethod(
                this, [&done] { done = true; }, Qt::QueuedConnection);
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 60000);
        pool.waitForDone();
    }

private Q_SLOTS:
    void realJobsFromSuccessivePoolThreads()
    {
        if (qEnvironmentVariableIsEmpty("GATEHOUSE_IN_KEYRING_SESSION"))
            QSKIP("run through tests/unit/secrets/with-gnome-keyring.sh (CTest does)");
        const QString service = uniqueService();
        const MasterKey key = newKey();
        const MasterKey next = newKey();
        std::optional<Result<MasterKey>> missing;
        std::optional<Status> stored;
        onFreshPoolThread([&] {
            ForwardingKeychainProvider provider(this, service, QStringLiteral("master-key"));
            missing.emplace(provider.load());
            stored.emplace(provider.store(key));
        });
        QCOMPARE(missing->error().code(), ErrorCode::NotFound);
        QVERIFY2(stored->ok(), stored->ok() ? "" : qPrintable(stored->error().message()));
        // The first pool thread has ended; a second one still gets answers.
        std::optional<Result<MasterKey>> loaded;
        std::optional<Status> staged;
        std::optional<Status> promoted;
        onFreshPoolThread([&] {
            ForwardingKeychainProvider provider(this, service, QStringLiteral("master-key"));
            provider.setTimeout(std::chrono::seconds(20));
            loaded.emplace(provider.load());
            staged.emplace(provider.storeStaged(next));
            promoted.emplace(provider.promoteStaged(next));
        });
        QVERIFY2(loaded->ok(), loaded->ok() ? "" : qPrintable(loaded->error().message()));
        QVERIFY(**loaded == key);
        QVERIFY(staged->ok() && promoted->ok());
        // What the keychain holds, read directly: the promoted key, and no staged one left.
        KeychainKeyProvider direct(service, QStringLiteral("master-key"));
        QVERIFY(*direct.load() == next);
        QCOMPARE(direct.loadStaged().error().code(), ErrorCode::NotFound);
        QVERIFY(direct.remove().ok());
    }

    // The main thread does not run its event loop (as when a window is being destroyed): the
    // worker stops waiting once told, instead of for the whole timeout.
    void abandonedWaitEndsEarly()
    {
        if (qEnvironmentVariableIsEmpty("GATEHOUSE_IN_KEYRING_SESSION"))
            QSKIP("run through tests/unit/secrets/with-gnome-keyring.sh (CTest does)");
        auto abandoned = std::make_shared<std::atomic_bool>(false);
        QThreadPool pool;
        std::optional<Result<MasterKey>> loaded;
        QElapsedTimer timer;
        timer.start();
        pool.start([&] {
            ForwardingKeychainProvider provider(this, uniqueService(), QStringLiteral("abandoned"),
                                                abandoned);
            loaded.emplace(provider.load());
        });
        QThread::msleep(300);
        abandoned->store(true);
        QVERIFY(pool.waitForDone(5000));
        QVERIFY(timer.elapsed() < 5000); // not the 25 s timeout
        QCOMPARE(loaded->error().code(), ErrorCode::Unavailable);
        QVERIFY2(loaded->error().message().contains(QStringLiteral("closing")),
                 qPrintable(loaded->error().message()));
        // The job posted meanwhile runs, and answers nobody, when the loop runs again.
        QTest::qWait(100);
    }
};

QTEST_GUILESS_MAIN(TestForwardingKeychainProvider)
#include "TestForwardingKeychainProvider.moc"
