#include "secrets/CredentialVault.h"
#include "secrets/EnvironmentKeyProvider.h"
#include "secrets/KeyFileKeyProvider.h"
#include "secrets/KeychainKeyProvider.h"
#include "secrets/MasterKey.h"
#include "secrets/MasterKeyProvider.h"
#include "secrets/RecoveryKey.h"
#include "secrets/Vault.h"
#include "store/CredentialRepository.h"
#include "store/Database.h"
#include "store/Migrator.h"
#include "store/SecretRepository.h"
#include "store/UserRepository.h"

#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QTemporaryDir>
#include <QThread>
#include <QWaitCondition>
#include <QtTest>

#include <atomic>
#include <optional>

using namespace gatehouse;
using namespace gatehouse::secrets;
using namespace Qt::StringLiterals;

#define GH_VERIFY_OK(expr)                                                                         \
    do {                                                                                           \
        const auto &result_ = (expr);                                                              \
        QVERIFY2(result_.ok(), result_.ok() ? "" : qPrintable(result_.error().message()));         \
    } while (false)

namespace {

QString errorOf(const Status &status)
{
    return status.ok() ? QString() : status.error().message();
}

// A real provider whose steps fail on demand, as a keychain that stops answering would, or as a
// crash at that point would leave things (nothing after the failed step runs).
class FaultyProvider : public MasterKeyProvider
{
public:
    explicit FaultyProvider(MasterKeyProvider &real)
        : m_real(real)
    {}

    bool failStore = false;
    bool failStoreStaged = false;
    bool failPromote = false;

    Result<MasterKey> load() override { return m_real.load(); }
    Status store(const MasterKey &key) override { return failStore ? fault() : m_real.store(key); }
    QString describe() const override { return m_real.describe(); }
    Status rotatable() const override { return m_real.rotatable(); }
    Result<MasterKey> loadStaged() override { return m_real.loadStaged(); }
    Status storeStaged(const MasterKey &key) override
    {
        return failStoreStaged ? fault() : m_real.storeStaged(key);
    }
    Status promoteStaged(const MasterKey &key) override
    {
        return failPromote ? fault() : m_real.promoteStaged(key);
    }
    Status removeStaged() override { return m_real.removeStaged(); }

private:
    static Status fault()
    {
        return Error(ErrorCode::Unavailable, u"the keychain stopped answering"_s);
    }

    MasterKeyProvider &m_real;
};

// Holds the parties until all have arrived, at most 10 s.
class Rendezvous
{
public:
    explicit Rendezvous(int parties)
        : m_left(parties)
    {}
    bool arriveAndWait()
    {
        QMutexLocker lock(&m_mutex);
        if (--m_left == 0) {
            m_all.wakeAll();
            return true;
        }
        QDeadlineTimer deadline(10000);
        while (m_left > 0) {
            if (!m_all.wait(&m_mutex, deadline))
                return false;
        }
        return true;
    }

private:
    QMutex m_mutex;
    QWaitCondition m_all;
    int m_left;
};

// One of two commands that start on an empty store at once, each with its own provider for the
// same place: neither finds a key, because neither looks again until both have looked once. Its
// store is slow, as a keychain's is, so the other command comes looking before the key is there.
class RacingProvider : public MasterKeyProvider
{
public:
    RacingProvider(MasterKeyProvider &real, Rendezvous &start, std::atomic<int> &stores)
        : m_real(real)
        , m_start(start)
        , m_stores(stores)
    {}

    bool met = true;

    Result<MasterKey> load() override
    {
        Result<MasterKey> key = m_real.load();
        if (!m_looked) {
            m_looked = true;
            met = m_start.arriveAndWait();
        }
        return key;
    }
    Status store(const MasterKey &key) override
    {
        ++m_stores;
        QThread::msleep(300);
        return m_real.store(key);
    }
    QString describe() const override { return m_real.describe(); }
    Status rotatable() const override { return m_real.rotatable(); }
    Result<MasterKey> loadStaged() override { return m_real.loadStaged(); }
    Status storeStaged(const MasterKey &key) override { return m_real.storeStaged(key); }
    Status promoteStaged(const MasterKey &key) override { return m_real.promoteStaged(key); }
    Status removeStaged() override { return m_real.removeStaged(); }

private:
    MasterKeyProvider &m_real;
    Rendezvous &m_start;
    std::atomic<int> &m_stores;
    bool m_looked = false;
};

QString checkOf(const MasterKey &key)
{
    return Vault::create(key)->keyCheck();
}

} // namespace

class TestCredentialVault : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Database> m_db;

    QString keyPath() const { return m_dir->filePath(u"master.key"_s); }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        store::DatabaseOptions options;
        options.sqlitePath = m_dir->filePath(u"store.db"_s);
        auto db = store::Database::open(options);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        GH_VERIFY_OK(store::Migrator(*m_db).migrate());
        for (const auto &[name, perUser] : {std::pair{u"shared"_s, false}, {u"own"_s, true}}) {
            store::Credential c;
            c.name = name;
            c.type = u"bearer"_s;
            c.perUser = perUser;
            GH_VERIFY_OK(store::CredentialRepository(*m_db).create(c));
        }
        for (const QString &name : {u"alice"_s, u"bob"_s}) {
            store::User user;
            user.name = name;
            GH_VERIFY_OK(store::UserRepository(*m_db).create(user));
        }
    }
    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void unusedStoreNeedsNoKey()
    {
        KeyFileKeyProvider provider(keyPath());
        QCOMPARE(*CredentialVault::inUse(*m_db), false);
        auto existing = CredentialVault::openExisting(*m_db, provider);
        GH_VERIFY_OK(existing);
        QVERIFY(!*existing);
        QVERIFY(!QFile::exists(keyPath())); // serving never creates a key
    }

    void roundTripAndRecoveryKey()
    {
        KeyFileKeyProvider provider(keyPath());
        auto opened = CredentialVault::open(*m_db, provider);
        GH_VERIFY_OK(opened);
        QVERIFY(QFile::exists(keyPath()));
        auto recovered = RecoveryKey::parse(opened->recoveryKey);
        GH_VERIFY_OK(recovered);
        QVERIFY(*recovered == *provider.load());
        GH_VERIFY_OK(opened->vault->add(u"shared"_s, QString(), "owner-secret"));
        GH_VERIFY_OK(opened->vault->add(u"own"_s, u"alice"_s, "alice-secret"));
        QCOMPARE(*opened->vault->secret(u"shared"_s, QString()), QByteArray("owner-secret"));
        QCOMPARE(*opened->vault->secret(u"own"_s, u"alice"_s), QByteArray("alice-secret"));
        QCOMPARE(opened->vault->secret(u"own"_s, u"bob"_s).error().code(), ErrorCode::NotFound);
        QVERIFY(store::SecretRepository(*m_db).get(u"own"_s, u"alice"_s)->lastUsedAt);

        // The second open loads the same key and shows no recovery key.
        auto again = CredentialVault::open(*m_db, provider);
        GH_VERIFY_OK(again);
        QVERIFY(again->recoveryKey.isEmpty());
        QCOMPARE(again->vault->keyId(), opened->vault->keyId());
        GH_VERIFY_OK(opened->vault->replace(u"shared"_s, QString(), "rotated"));
        QCOMPARE(*again->vault->secret(u"shared"_s, QString()), QByteArray("rotated"));
    }

    void wrongKeyAtStartSaysSo()
    {
        {
            KeyFileKeyProvider provider(keyPath());
            auto opened = CredentialVault::open(*m_db, provider);
            GH_VERIFY_OK(opened);
            GH_VERIFY_OK(opened->vault->add(u"shared"_s, QString(), "owner-secret"));
        }
        QVERIFY(QFile::remove(keyPath()));
        KeyFileKeyProvider other(keyPath());
        GH_VERIFY_OK(other.store(*MasterKey::generate()));
        const auto existing = CredentialVault::openExisting(*m_db, other);
        QVERIFY(!existing.ok());
        QVERIFY2(existing.error().message().contains(u"does not match"_s),
                 qPrintable(existing.error().message()));
        const auto opened = CredentialVault::open(*m_db, other);
        QVERIFY(!opened.ok());

        // No key at all: the store's secrets are not orphaned by a new one.
        QVERIFY(QFile::remove(keyPath()));
        const auto missing = CredentialVault::open(*m_db, other);
        QVERIFY(!missing.ok());
        QVERIFY(!QFile::exists(keyPath()));
        const auto serving = CredentialVault::openExisting(*m_db, other);
        QVERIFY(!serving.ok());
        QVERIFY2(serving.error().message().contains(u"restore-master-key"_s),
                 qPrintable(serving.error().message()));
    }

    void ciphertextCopiedToAnotherUserFails()
    {
        KeyFileKeyProvider provider(keyPath());
        auto opened = CredentialVault::open(*m_db, provider);
        GH_VERIFY_OK(opened);
        GH_VERIFY_OK(opened->vault->add(u"own"_s, u"alice"_s, "alice-secret"));
        GH_VERIFY_OK(opened->vault->add(u"own"_s, u"bob"_s, "bob-secret"));
        store::SecretRepository secrets(*m_db);
        const QString alices = secrets.get(u"own"_s, u"alice"_s)->ciphertext;
        GH_VERIFY_OK(secrets.replace(u"own"_s, u"bob"_s, alices, QDateTime::currentDateTimeUtc()));
        const auto swapped = opened->vault->secret(u"own"_s, u"bob"_s);
        QVERIFY(!swapped.ok());
        QVERIFY(swapped.error().code() != ErrorCode::NotFound);
        QCOMPARE(*opened->vault->secret(u"own"_s, u"alice"_s), QByteArray("alice-secret"));
    }

    void rotationReencryptsEverything()
    {
        KeyFileKeyProvider provider(keyPath());
        auto opened = CredentialVault::open(*m_db, provider);
        GH_VERIFY_OK(opened);
        GH_VERIFY_OK(opened->vault->add(u"shared"_s, QString(), "owner-secret"));
        GH_VERIFY_OK(opened->vault->add(u"own"_s, u"alice"_s, "alice-secret"));
        const QString before =
            store::SecretRepository(*m_db).get(u"shared"_s, QString())->ciphertext;
        const QString oldId = opened->vault->keyId();
        const MasterKey old = *provider.load();

        const MasterKey next = *MasterKey::generate();
        GH_VERIFY_OK(opened->vault->rotate(next, provider));
        QVERIFY(opened->vault->keyId() != oldId);
        QVERIFY(store::SecretRepository(*m_db).get(u"shared"_s, QString())->ciphertext != before);
        QCOMPARE(*opened->vault->secret(u"own"_s, u"alice"_s), QByteArray("alice-secret"));

        // The provider holds the new key, and nothing is left staged.
        QVERIFY(*provider.load() == next);
        QVERIFY(!QFile::exists(provider.stagedPath()));
        auto reopened = CredentialVault::openExisting(*m_db, provider);
        GH_VERIFY_OK(reopened);
        QCOMPARE(*(*reopened)->secret(u"shared"_s, QString()), QByteArray("owner-secret"));

        // The old key no longer opens the store.
        QVERIFY(QFile::remove(keyPath()));
        GH_VERIFY_OK(provider.store(old));
        QVERIFY(!CredentialVault::openExisting(*m_db, provider).ok());
    }

    // A crash or a keychain failure after the store committed and before the new key replaced
    // the old one: the new key is the staged one, and the next start uses and promotes it.
    void rotationInterruptedAfterTheCommitIsFinishedAtOpen_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("gateway start (openExisting)") << u"openExisting"_s;
        QTest::newRow("next import (open)") << u"open"_s;
        QTest::newRow("recovery-key (currentKey)") << u"currentKey"_s;
    }
    void rotationInterruptedAfterTheCommitIsFinishedAtOpen()
    {
        QFETCH(QString, how);
        KeyFileKeyProvider provider(keyPath());
        auto opened = CredentialVault::open(*m_db, provider);
        GH_VERIFY_OK(opened);
        GH_VERIFY_OK(opened->vault->add(u"shared"_s, QString(), "owner-secret"));
        GH_VERIFY_OK(opened->vault->add(u"own"_s, u"alice"_s, "alice-secret"));
        const MasterKey old = *provider.load();

        FaultyProvider faulty(provider);
        faulty.failPromote = true;
        const MasterKey next = *MasterKey::generate();
        const Status rotated = opened->vault->rotate(next, faulty);
        QVERIFY(!rotated.ok());
        QVERIFY2(rotated.error().message().contains(u"staged"_s), qPrintable(errorOf(rotated)));
        QVERIFY2(rotated.error().message().contains(opened->vault->keyId()),
                 qPrintable(errorOf(rotated)));
        // The store is under the new key, which is kept beside the old one.
        QVERIFY(*provider.load() == old);
        QVERIFY(*provider.loadStaged() == next);
        QCOMPARE(*opened->vault->secret(u"shared"_s, QString()), QByteArray("owner-secret"));

        if (how == u"openExisting"_s) {
            auto existing = CredentialVault::openExisting(*m_db, provider);
            GH_VERIFY_OK(existing);
            QVERIFY(*existing);
            QCOMPARE(*(*existing)->secret(u"own"_s, u"alice"_s), QByteArray("alice-secret"));
        } else if (how == u"open"_s) {
            auto again = CredentialVault::open(*m_db, provider);
            GH_VERIFY_OK(again);
            QVERIFY(again->recoveryKey.isEmpty()); // no new key was made
            QCOMPARE(*again->vault->secret(u"own"_s, u"alice"_s), QByteArray("alice-secret"));
        } else {
            auto key = CredentialVault::currentKey(*m_db, provider);
            GH_VERIFY_OK(key);
            QVERIFY(*key == next);
        }
        // The promotion is finished: the key file holds the new key, nothing is staged.
        QVERIFY(*provider.load() == next);
        QCOMPARE(provider.loadStaged().error().code(), ErrorCode::NotFound);
        QVERIFY(!QFile::exists(provider.stagedPath()));
    }

    void rotationFailingBeforeTheCommitKeepsTheOldKey_data()
    {
        QTest::addColumn<bool>("failStaging");
        QTest::newRow("the new key cannot be staged") << true;
        QTest::newRow("a secret cannot be re-encrypted") << false;
    }
    void rotationFailingBeforeTheCommitKeepsTheOldKey()
    {
        QFETCH(bool, failStaging);
        KeyFileKeyProvider provider(keyPath());
        auto opened = CredentialVault::open(*m_db, provider);
        GH_VERIFY_OK(opened);
        GH_VERIFY_OK(opened->vault->add(u"shared"_s, QString(), "owner-secret"));
        GH_VERIFY_OK(opened->vault->add(u"own"_s, u"alice"_s, "alice-secret"));
        store::SecretRepository secrets(*m_db);
        if (!failStaging) {
            // A record that does not decrypt fails the rotation as a whole.
            GH_VERIFY_OK(secrets.replace(u"own"_s, u"alice"_s,
                                         secrets.get(u"shared"_s, QString())->ciphertext,
                                         QDateTime::currentDateTimeUtc()));
        }
        const auto before = *secrets.list();
        const QString check = *secrets.keyCheck();
        const MasterKey old = *provider.load();

        FaultyProvider faulty(provider);
        faulty.failStoreStaged = failStaging;
        QVERIFY(!opened->vault->rotate(*MasterKey::generate(), faulty).ok());
        QCOMPARE(*secrets.list(), before);
        QCOMPARE(*secrets.keyCheck(), check);
        QVERIFY(*provider.load() == old);
        QVERIFY(!QFile::exists(provider.stagedPath()));
        auto existing = CredentialVault::openExisting(*m_db, provider);
        GH_VERIFY_OK(existing);
        QCOMPARE(*(*existing)->secret(u"shared"_s, QString()), QByteArray("owner-secret"));
    }

    void rotationIsRefusedWhereTheKeyCannotBeWritten()
    {
        KeyFileKeyProvider file(keyPath());
        auto opened = CredentialVault::open(*m_db, file);
        GH_VERIFY_OK(opened);
        GH_VERIFY_OK(opened->vault->add(u"shared"_s, QString(), "owner-secret"));
        const auto before = *store::SecretRepository(*m_db).list();
        qputenv("GATEHOUSE_TEST_VAULT_KEY", file.load()->toBase64());
        EnvironmentKeyProvider environment(u"GATEHOUSE_TEST_VAULT_KEY"_s);
        const Status rotated = opened->vault->rotate(*MasterKey::generate(), environment);
        qunsetenv("GATEHOUSE_TEST_VAULT_KEY");
        QVERIFY(!rotated.ok());
        QCOMPARE(rotated.error().code(), ErrorCode::PermissionDenied);
        QVERIFY2(rotated.error().message().contains(u"rotate-master-key"_s),
                 qPrintable(errorOf(rotated)));
        QCOMPARE(*store::SecretRepository(*m_db).list(), before);
        QCOMPARE(*opened->vault->secret(u"shared"_s, QString()), QByteArray("owner-secret"));
    }

    // A command that opened the vault before another rotated the master key must not write a
    // record under the old key: it would never decrypt again. (On PostgreSQL the key check's row
    // lock also orders the two when they overlap; on SQLite BEGIN IMMEDIATE does.)
    void nothingIsWrittenUnderAKeyTheStoreLeft()
    {
        KeyFileKeyProvider provider(keyPath());
        auto stale = CredentialVault::open(*m_db, provider);
        GH_VERIFY_OK(stale);
        GH_VERIFY_OK(stale->vault->add(u"shared"_s, QString(), "owner-secret"));
        auto rotating = CredentialVault::open(*m_db, provider);
        GH_VERIFY_OK(rotating);
        GH_VERIFY_OK(rotating->vault->rotate(*MasterKey::generate(), provider));

        QCOMPARE(stale->vault->replace(u"shared"_s, QString(), "replaced").error().code(),
                 ErrorCode::Conflict);
        QCOMPARE(stale->vault->storeRotated(u"shared"_s, QString(), "rotated").error().code(),
                 ErrorCode::Conflict);
        const Status added = stale->vault->add(u"own"_s, u"alice"_s, "alice-secret");
        QCOMPARE(added.error().code(), ErrorCode::Conflict);
        QVERIFY2(added.error().message().contains(u"run the command again"_s),
                 qPrintable(errorOf(added)));

        QCOMPARE(*rotating->vault->secret(u"shared"_s, QString()), QByteArray("owner-secret"));
        QCOMPARE(store::SecretRepository(*m_db).list()->size(), 1);
        GH_VERIFY_OK(rotating->vault->replace(u"shared"_s, QString(), "replaced"));
        QCOMPARE(*rotating->vault->secret(u"shared"_s, QString()), QByteArray("replaced"));
    }

    // Two commands that import the first secret at once: one key is created, both use it.
    void concurrentFirstOpensShareOneKey()
    {
        Rendezvous start(2);
        std::atomic<int> stores = 0;
        KeyFileKeyProvider fileA(keyPath());
        KeyFileKeyProvider fileB(keyPath());
        RacingProvider a(fileA, start, stores);
        RacingProvider b(fileB, start, stores);
        std::optional<Result<CredentialVault::Opened>> openedA;
        std::optional<Result<CredentialVault::Opened>> openedB;
        std::optional<Status> addedA;
        std::optional<Status> addedB;
        std::unique_ptr<QThread> threadA(QThread::create([&] {
            openedA = CredentialVault::open(*m_db, a);
            if (openedA->ok())
                addedA = (*openedA)->vault->add(u"shared"_s, QString(), "owner-secret");
        }));
        std::unique_ptr<QThread> threadB(QThread::create([&] {
            openedB = CredentialVault::open(*m_db, b);
            if (openedB->ok())
                addedB = (*openedB)->vault->add(u"own"_s, u"alice"_s, "alice-secret");
        }));
        threadA->start();
        threadB->start();
        QVERIFY(threadA->wait(30000));
        QVERIFY(threadB->wait(30000));
        QVERIFY2(a.met && b.met, "the two opens did not start together");

        QVERIFY2(openedA->ok(), qPrintable(openedA->ok() ? QString() : openedA->error().message()));
        QVERIFY2(openedB->ok(), qPrintable(openedB->ok() ? QString() : openedB->error().message()));
        QVERIFY2(addedA && addedA->ok(), qPrintable(addedA ? errorOf(*addedA) : QString()));
        QVERIFY2(addedB && addedB->ok(), qPrintable(addedB ? errorOf(*addedB) : QString()));
        QCOMPARE((*openedA)->vault->keyId(), (*openedB)->vault->keyId());
        QCOMPARE(stores.load(), 1);
        // Only the command that made the key shows its recovery key, and it is the stored key's.
        const QString recovery = (*openedA)->recoveryKey + (*openedB)->recoveryKey;
        QVERIFY((*openedA)->recoveryKey.isEmpty() != (*openedB)->recoveryKey.isEmpty());
        KeyFileKeyProvider provider(keyPath());
        QVERIFY(*RecoveryKey::parse(recovery) == *provider.load());

        auto existing = CredentialVault::openExisting(*m_db, provider);
        GH_VERIFY_OK(existing);
        QCOMPARE(*(*existing)->secret(u"shared"_s, QString()), QByteArray("owner-secret"));
        QCOMPARE(*(*existing)->secret(u"own"_s, u"alice"_s), QByteArray("alice-secret"));
    }

    // The command that lost the claim waits for the winner's key, and uses it.
    void theWinnersKeyIsWaitedFor()
    {
        const MasterKey winners = *MasterKey::generate();
        GH_VERIFY_OK(store::SecretRepository(*m_db).claimKeyCheck(checkOf(winners),
                                                                  QDateTime::currentDateTimeUtc()));
        std::optional<Status> stored;
        std::unique_ptr<QThread> winner(QThread::create([&] {
            QThread::msleep(400);
            stored = KeyFileKeyProvider(keyPath()).store(winners);
        }));
        winner->start();
        KeyFileKeyProvider provider(keyPath());
        auto opened = CredentialVault::open(*m_db, provider, std::chrono::seconds(20));
        QVERIFY(winner->wait(20000));
        QVERIFY(stored && stored->ok());
        GH_VERIFY_OK(opened);
        QVERIFY(opened->recoveryKey.isEmpty());
        QCOMPARE(opened->vault->keyId(), Vault::create(winners)->keyId());
        QVERIFY(*provider.load() == winners);
    }

    void aClaimWhoseKeyNeverComesIsWaitedForBoundedly()
    {
        GH_VERIFY_OK(store::SecretRepository(*m_db).claimKeyCheck(checkOf(*MasterKey::generate()),
                                                                  QDateTime::currentDateTimeUtc()));
        KeyFileKeyProvider provider(keyPath());
        QElapsedTimer timer;
        timer.start();
        const auto opened = CredentialVault::open(*m_db, provider, std::chrono::milliseconds(300));
        QVERIFY(!opened.ok());
        QVERIFY(timer.elapsed() >= 300);
        QVERIFY(timer.elapsed() < 10000);
        QCOMPARE(opened.error().code(), ErrorCode::Unavailable);
        QVERIFY2(opened.error().message().contains(u"run this one again after"_s),
                 qPrintable(opened.error().message()));
        QVERIFY(!QFile::exists(keyPath())); // the other command's key may still come
    }

    void aClaimLeftByADeadCommandIsTakenOver()
    {
        const QString abandoned = checkOf(*MasterKey::generate());
        GH_VERIFY_OK(store::SecretRepository(*m_db).setKeyCheck(
            abandoned, QDateTime::currentDateTimeUtc().addSecs(-600)));
        KeyFileKeyProvider provider(keyPath());
        auto opened = CredentialVault::open(*m_db, provider, std::chrono::milliseconds(0));
        GH_VERIFY_OK(opened);
        QVERIFY(!opened->recoveryKey.isEmpty());
        QCOMPARE(*store::SecretRepository(*m_db).keyCheck(), checkOf(*provider.load()));
        GH_VERIFY_OK(opened->vault->add(u"shared"_s, QString(), "owner-secret"));
    }

    void aClaimWhoseKeyCannotBeStoredIsReleased()
    {
        KeyFileKeyProvider file(keyPath());
        FaultyProvider provider(file);
        provider.failStore = true;
        const auto opened = CredentialVault::open(*m_db, provider);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), ErrorCode::Unavailable);
        // The next attempt claims afresh instead of waiting for a key that never comes.
        QCOMPARE(*store::SecretRepository(*m_db).keyCheck(), QString());
        provider.failStore = false;
        GH_VERIFY_OK(CredentialVault::open(*m_db, provider, std::chrono::milliseconds(0)));
    }

    // Through the real Secret Service (with-gnome-keyring.sh runs it; skipped elsewhere).
    void realKeychainRoundTrip()
    {
        if (qEnvironmentVariableIsEmpty("GATEHOUSE_IN_KEYRING_SESSION"))
            QSKIP("needs with-gnome-keyring.sh");
        KeychainKeyProvider provider(KeychainKeyProvider::defaultService(),
                                     u"credential-vault-test"_s);
        GH_VERIFY_OK(provider.remove());
        auto opened = CredentialVault::open(*m_db, provider);
        GH_VERIFY_OK(opened);
        QVERIFY(!opened->recoveryKey.isEmpty());
        GH_VERIFY_OK(opened->vault->add(u"shared"_s, QString(), "owner-secret"));
        auto existing = CredentialVault::openExisting(*m_db, provider);
        GH_VERIFY_OK(existing);
        QVERIFY(*existing);
        QCOMPARE(*(*existing)->secret(u"shared"_s, QString()), QByteArray("owner-secret"));
        GH_VERIFY_OK(provider.remove());
    }

    void realKeychainInterruptedRotationIsFinished()
    {
        if (qEnvironmentVariableIsEmpty("GATEHOUSE_IN_KEYRING_SESSION"))
            QSKIP("needs with-gnome-keyring.sh");
        KeychainKeyProvider provider(KeychainKeyProvider::defaultService(),
                                     u"credential-vault-rotation-test"_s);
        GH_VERIFY_OK(provider.remove());
        GH_VERIFY_OK(provider.removeStaged());
        auto opened = CredentialVault::open(*m_db, provider);
        GH_VERIFY_OK(opened);
        GH_VERIFY_OK(opened->vault->add(u"shared"_s, QString(), "owner-secret"));

        FaultyProvider faulty(provider);
        faulty.failPromote = true;
        const MasterKey next = *MasterKey::generate();
        QVERIFY(!opened->vault->rotate(next, faulty).ok());
        QVERIFY(*provider.loadStaged() == next);

        auto existing = CredentialVault::openExisting(*m_db, provider);
        GH_VERIFY_OK(existing);
        QCOMPARE(*(*existing)->secret(u"shared"_s, QString()), QByteArray("owner-secret"));
        QVERIFY(*provider.load() == next);
        QCOMPARE(provider.loadStaged().error().code(), ErrorCode::NotFound);
        GH_VERIFY_OK(provider.remove());
    }
};

QTEST_GUILESS_MAIN(TestCredentialVault)
#include "TestCredentialVault.moc"
