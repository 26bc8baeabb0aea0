#include "secrets/CredentialVault.h"
#include "secrets/KeyFileKeyProvider.h"
#include "secrets/KeychainKeyProvider.h"
#include "secrets/MasterKey.h"
#include "secrets/RecoveryKey.h"
#include "store/CredentialRepository.h"
#include "store/Database.h"
#include "store/Migrator.h"
#include "store/SecretRepository.h"
#include "store/UserRepository.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::secrets;
using namespace Qt::StringLiterals;

#define GH_VERIFY_OK(expr)                                                                         \
    do {                                                                                           \
        const auto &result_ = (expr);                                                              \
        QVERIFY2(result_.ok(), result_.ok() ? "" : qPrintable(result_.error().message()));         \
    } while (false)

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

        const MasterKey next = *MasterKey::generate();
        GH_VERIFY_OK(opened->vault->rotate(next));
        QVERIFY(opened->vault->keyId() != oldId);
        QVERIFY(store::SecretRepository(*m_db).get(u"shared"_s, QString())->ciphertext != before);
        QCOMPARE(*opened->vault->secret(u"own"_s, u"alice"_s), QByteArray("alice-secret"));

        // The old key no longer opens the store; the new one does.
        QVERIFY(!CredentialVault::openExisting(*m_db, provider).ok());
        QVERIFY(QFile::remove(keyPath()));
        GH_VERIFY_OK(provider.store(next));
        auto reopened = CredentialVault::openExisting(*m_db, provider);
        GH_VERIFY_OK(reopened);
        QCOMPARE(*(*reopened)->secret(u"shared"_s, QString()), QByteArray("owner-secret"));
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
};

QTEST_GUILESS_MAIN(TestCredentialVault)
#include "TestCredentialVault.moc"
