#include "secrets/KeychainKeyProvider.h"
#include "secrets/MasterKey.h"

#include <QAbstractEventDispatcher>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

using gatehouse::ErrorCode;
using gatehouse::Result;
using gatehouse::Status;
using gatehouse::secrets::KeychainKeyProvider;
using gatehouse::secrets::MasterKey;

namespace {
MasterKey newKey()
{
    auto key = MasterKey::generate();
    if (!key)
        qFatal("cannot generate a master key");
    return *key;
}

// Every file under `dir` that contains the key in any of the forms it could be written in.
QStringList filesHoldingKey(const QString &dir, const MasterKey &key)
{
    const QByteArray raw = key.bytes().toByteArray();
    const QList<QByteArray> forms{
        raw, raw.toBase64(), raw.toHex(),
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)};
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = file.readAll();
        for (const QByteArray &form : forms) {
            if (content.contains(form))
                found.append(file.fileName());
        }
    }
    return found;
}

constexpr char kRunThroughScript[] =
    "run through tests/unit/secrets/with-gnome-keyring.sh (CTest does)";

const MasterKey::Claim alone = [](const MasterKey &) { return Status(); };

// A service name of its own per run, so runs never see each other's entries.
QString uniqueService()
{
    return QStringLiteral("gatehouse-test-%1").arg(QCoreApplication::applicationPid());
}
} // namespace

// CTest runs this binary in two settings (tests/unit/secrets/CMakeLists.txt): inside
// with-gnome-keyring.sh (a private D-Bus session and an unlocked gnome-keyring) for the real*
// functions, and with DBUS_SESSION_BUS_ADDRESS pointing nowhere for the unreachable* ones.
class TestKeychainKeyProvider : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The two gnome-keyring runs differ only in the event dispatcher: make sure they do.
    void realDispatcherIsTheOneThisRunTests()
    {
        QCOMPARE(QAbstractEventDispatcher::instance()->inherits("QEventDispatcherGlib"),
                 qEnvironmentVariableIsEmpty("QT_NO_GLIB"));
    }

    void realStoreLoadRemove()
    {
        QVERIFY2(qEnvironmentVariableIsSet("GATEHOUSE_IN_KEYRING_SESSION"), kRunThroughScript);
        KeychainKeyProvider provider(uniqueService(), QStringLiteral("master-key"));
        const Status removedNothing = provider.remove(); // nothing there: still fine
        QVERIFY2(removedNothing.ok(),
                 qPrintable(removedNothing.ok() ? QString() : removedNothing.error().message()));

        const auto empty = provider.load();
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error().code(), ErrorCode::NotFound); // reachable but empty: may generate

        const MasterKey key = newKey();
        const Status stored = provider.store(key);
        QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().message()));
        const auto loaded = provider.load();
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message()));
        QVERIFY(*loaded == key);

        // Another entry of the same service is another key.
        QCOMPARE(
            KeychainKeyProvider(uniqueService(), QStringLiteral("other")).load().error().code(),
            ErrorCode::NotFound);

        // gnome-keyring encrypts its files: the key is nowhere in the clear under HOME.
        QCOMPARE(filesHoldingKey(qEnvironmentVariable("HOME"), key), QStringList());

        QVERIFY(provider.remove().ok());
        QCOMPARE(provider.load().error().code(), ErrorCode::NotFound);
    }

    void realAsyncApi()
    {
        QVERIFY2(qEnvironmentVariableIsSet("GATEHOUSE_IN_KEYRING_SESSION"), kRunThroughScript);
        const KeychainKeyProvider provider(uniqueService(), QStringLiteral("async"));
        const MasterKey key = newKey();
        QObject context;

        std::optional<Status> stored;
        provider.storeAsync(&context, key, [&](Status status) { stored = status; });
        QVERIFY(!stored); // the answer comes from the event loop, never from within the call
        QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 20000);
        QVERIFY2(stored->ok(), qPrintable(stored->ok() ? QString() : stored->error().message()));

        std::optional<Result<MasterKey>> loaded;
        provider.loadAsync(&context, [&](Result<MasterKey> result) { loaded = result; });
        QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 20000);
        QVERIFY(loaded->ok());
        QVERIFY(loaded->value() == key);

        std::optional<Status> removed;
        provider.removeAsync(&context, [&](Status status) { removed = status; });
        QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 20000);
        QVERIFY(removed->ok());
    }

    void realObtainGeneratesOnceThenReuses()
    {
        QVERIFY2(qEnvironmentVariableIsSet("GATEHOUSE_IN_KEYRING_SESSION"), kRunThroughScript);
        KeychainKeyProvider provider(uniqueService(), QStringLiteral("obtain"));
        const auto first = MasterKey::obtain(provider, false, alone);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message()));
        QVERIFY(first->generated);
        const auto second = MasterKey::obtain(provider, true, alone);
        QVERIFY(second.ok());
        QVERIFY(!second->generated);
        QVERIFY(second->key == first->key);
        QVERIFY(provider.remove().ok());

        // Rows exist, the entry is gone: no new key.
        const auto lost = MasterKey::obtain(provider, true, alone);
        QVERIFY(!lost.ok());
        QVERIFY(lost.error().message().contains(QLatin1String("recovery key")));
        QCOMPARE(provider.load().error().code(), ErrorCode::NotFound);
    }

    void realStagedKeyIsPromoted()
    {
        QVERIFY2(qEnvironmentVariableIsSet("GATEHOUSE_IN_KEYRING_SESSION"), kRunThroughScript);
        const QString service = uniqueService();
        KeychainKeyProvider provider(service, QStringLiteral("rotating"));
        const MasterKey current = newKey();
        QVERIFY(provider.store(current).ok());
        QCOMPARE(provider.loadStaged().error().code(), ErrorCode::NotFound);

        const MasterKey next = newKey();
        const auto staged = provider.storeStaged(next);
        QVERIFY2(staged.ok(), qPrintable(staged.ok() ? QString() : staged.error().message()));
        // The staged key is the entry NAME.next, beside the key, which is untouched.
        QVERIFY(*KeychainKeyProvider(service, QStringLiteral("rotating.next")).load() == next);
        QVERIFY(*provider.load() == current);

        const auto promoted = provider.promoteStaged(next);
        QVERIFY2(promoted.ok(), qPrintable(promoted.ok() ? QString() : promoted.error().message()));
        QVERIFY(*provider.load() == next);
        QCOMPARE(provider.loadStaged().error().code(), ErrorCode::NotFound);
        QVERIFY(provider.removeStaged().ok());
        QVERIFY(provider.remove().ok());
    }

    void realTimeoutIsAnErrorAndTheLateAnswerIsDropped()
    {
        QVERIFY2(qEnvironmentVariableIsSet("GATEHOUSE_IN_KEYRING_SESSION"), kRunThroughScript);
        KeychainKeyProvider provider(uniqueService(), QStringLiteral("slow"));
        // No D-Bus round trip finishes within the first turn of the event loop.
        provider.setTimeout(std::chrono::milliseconds(0));
        const auto late = provider.load();
        QVERIFY(!late.ok());
        QCOMPARE(late.error().code(), ErrorCode::Unavailable);
        QVERIFY2(late.error().message().contains(QLatin1String("did not answer within 0 seconds")),
                 qPrintable(late.error().message()));
        // The abandoned job still finishes; its answer reaches nobody, and the next job runs.
        provider.setTimeout(std::chrono::seconds(20));
        QCOMPARE(provider.load().error().code(), ErrorCode::NotFound);
    }

    void unreachableKeychainSaysSoAndStoresNothing()
    {
        QVERIFY2(
            qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").contains(QLatin1String("nowhere")),
            "run through CTest, which points DBUS_SESSION_BUS_ADDRESS nowhere");
        expectUnreachable(QStringLiteral("no D-Bus session bus"));
    }

    void busWithoutSecretServiceSaysSoAndStoresNothing()
    {
        QVERIFY2(qEnvironmentVariableIsSet("GATEHOUSE_BUS_WITHOUT_SECRET_SERVICE"),
                 "run through CTest, under dbus-run-session with "
                 "session-without-secret-service.conf");
        expectUnreachable(QStringLiteral("org.freedesktop.secrets"));
    }

private:
    static void expectUnreachable(const QString &reason)
    {
        // QtKeychain's plaintext fallback would write under HOME / XDG_CONFIG_HOME.
        QTemporaryDir home;
        qputenv("HOME", QFile::encodeName(home.path()));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.filePath(QStringLiteral("config"))));
        qputenv("XDG_DATA_HOME", QFile::encodeName(home.filePath(QStringLiteral("data"))));

        KeychainKeyProvider provider(uniqueService(), QStringLiteral("master-key"));
        provider.setTimeout(std::chrono::seconds(20));
        const MasterKey key = newKey();
        const Status stored = provider.store(key);
        QVERIFY(!stored.ok());
        QCOMPARE(stored.error().code(), ErrorCode::Unavailable);
        const QString message = stored.error().message();
        QVERIFY2(message.contains(QLatin1String("no keychain is reachable")), qPrintable(message));
        QVERIFY2(message.contains(reason), qPrintable(message));
        QVERIFY(message.contains(QLatin1String("Start the secret service")));
        QVERIFY(message.contains(QLatin1String("gateway.key_file")));
        QVERIFY(message.contains(QLatin1String("GATEHOUSE_MASTER_KEY")));
        QVERIFY(message.contains(QLatin1String("not stored anywhere")));
        QCOMPARE(filesHoldingKey(home.path(), key), QStringList());

        // Unreachable is not empty: obtain must not generate a key over the real one.
        const auto loaded = provider.load();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code(), ErrorCode::Unavailable);
        const auto obtained = MasterKey::obtain(provider, false, alone);
        QVERIFY(!obtained.ok());
        QCOMPARE(obtained.error().code(), ErrorCode::Unavailable);
        QCOMPARE(filesHoldingKey(home.path(), key), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestKeychainKeyProvider)
#include "TestKeychainKeyProvider.moc"
