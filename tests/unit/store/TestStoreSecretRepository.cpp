#include "StoreTestSupport.h"
#include "store/CredentialRepository.h"
#include "store/SecretRepository.h"
#include "store/UserRepository.h"

#include <QSqlQuery>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::store;
using namespace Qt::StringLiterals;

namespace {

Credential credential(const QString &name, bool perUser)
{
    Credential c;
    c.name = name;
    c.type = u"bearer"_s;
    c.perUser = perUser;
    c.secret = SecretReference{u"keychain"_s, name};
    return c;
}

StoredSecret secret(const QString &credential, const QString &user, const QString &ciphertext)
{
    return StoredSecret{credential, user,
                        ciphertext, QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC),
                        {},         {}};
}

} // namespace

class TestStoreSecretRepository : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

    void seed()
    {
        QVERIFY(CredentialRepository(*m_db).create(credential(u"shared"_s, false)).ok());
        QVERIFY(CredentialRepository(*m_db).create(credential(u"own"_s, true)).ok());
        for (const QString &name : {u"alice"_s, u"bob"_s}) {
            User user;
            user.name = name;
            QVERIFY(UserRepository(*m_db).create(user).ok());
        }
    }

private Q_SLOTS:
    void init()
    {
        QFile::remove(m_dir.filePath(u"store.db"_s));
        m_db = test::openStore(m_dir);
        QVERIFY(m_db);
        seed();
    }
    void cleanup() { m_db.reset(); }

    void roundTripOwnerWideAndPerUser()
    {
        SecretRepository secrets(*m_db);
        QCOMPARE(*secrets.any(), false);
        GH_VERIFY_OK(secrets.insert(secret(u"shared"_s, QString(), u"v1.a"_s)));
        GH_VERIFY_OK(secrets.insert(secret(u"own"_s, u"bob"_s, u"v1.b"_s)));
        GH_VERIFY_OK(secrets.insert(secret(u"own"_s, u"alice"_s, u"v1.c"_s)));
        QCOMPARE(*secrets.any(), true);
        QCOMPARE(*secrets.get(u"shared"_s, QString()), secret(u"shared"_s, QString(), u"v1.a"_s));
        QCOMPARE(secrets.get(u"own"_s, u"bob"_s)->ciphertext, u"v1.b"_s);
        QCOMPARE(secrets.get(u"own"_s, QString()).error().code(), ErrorCode::NotFound);
        const auto all = secrets.list();
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(0).user, u"alice"_s); // "own" first, then by user
        QCOMPARE(all->at(2).credential, u"shared"_s);
        QCOMPARE(secrets.listForCredential(u"own"_s)->size(), 2);
    }

    void oneSecretPerCredentialAndUser()
    {
        SecretRepository secrets(*m_db);
        GH_VERIFY_OK(secrets.insert(secret(u"shared"_s, QString(), u"v1.a"_s)));
        QCOMPARE(secrets.insert(secret(u"shared"_s, QString(), u"v1.x"_s)).error().code(),
                 ErrorCode::AlreadyExists);
        GH_VERIFY_OK(secrets.insert(secret(u"own"_s, u"bob"_s, u"v1.b"_s)));
        QCOMPARE(secrets.insert(secret(u"own"_s, u"bob"_s, u"v1.y"_s)).error().code(),
                 ErrorCode::AlreadyExists);
        QCOMPARE(secrets.insert(secret(u"nope"_s, QString(), u"v1.z"_s)).error().code(),
                 ErrorCode::NotFound);
        QCOMPARE(secrets.insert(secret(u"own"_s, u"carol"_s, u"v1.z"_s)).error().code(),
                 ErrorCode::NotFound);
    }

    void replaceRemoveAndMarkUsed()
    {
        SecretRepository secrets(*m_db);
        GH_VERIFY_OK(secrets.insert(secret(u"own"_s, u"bob"_s, u"v1.b"_s)));
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(1'800'000'000'000, Qt::UTC);
        GH_VERIFY_OK(secrets.replace(u"own"_s, u"bob"_s, u"v1.new"_s, when));
        QCOMPARE(secrets.get(u"own"_s, u"bob"_s)->ciphertext, u"v1.new"_s);
        QCOMPARE(*secrets.get(u"own"_s, u"bob"_s)->rotatedAt, when);
        QCOMPARE(secrets.replace(u"own"_s, u"alice"_s, u"v1.x"_s, when).error().code(),
                 ErrorCode::NotFound);
        GH_VERIFY_OK(secrets.markUsed(u"own"_s, u"bob"_s, when));
        QCOMPARE(*secrets.get(u"own"_s, u"bob"_s)->lastUsedAt, when);
        GH_VERIFY_OK(secrets.remove(u"own"_s, u"bob"_s));
        QCOMPARE(secrets.remove(u"own"_s, u"bob"_s).error().code(), ErrorCode::NotFound);
    }

    void deletingTheCredentialOrUserDeletesTheirSecrets()
    {
        SecretRepository secrets(*m_db);
        GH_VERIFY_OK(secrets.insert(secret(u"shared"_s, QString(), u"v1.a"_s)));
        GH_VERIFY_OK(secrets.insert(secret(u"own"_s, u"bob"_s, u"v1.b"_s)));
        GH_VERIFY_OK(secrets.insert(secret(u"own"_s, u"alice"_s, u"v1.c"_s)));
        GH_VERIFY_OK(UserRepository(*m_db).remove(u"bob"_s));
        QCOMPARE(secrets.listForCredential(u"own"_s)->size(), 1);
        GH_VERIFY_OK(CredentialRepository(*m_db).remove(u"shared"_s));
        QCOMPARE(secrets.list()->size(), 1);
    }

    void keyCheckAndReplaceAll()
    {
        SecretRepository secrets(*m_db);
        QCOMPARE(*secrets.keyCheck(), QString());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        GH_VERIFY_OK(secrets.setKeyCheck(u"kcv1.one"_s, now));
        QCOMPARE(*secrets.keyCheck(), u"kcv1.one"_s);
        GH_VERIFY_OK(secrets.insert(secret(u"shared"_s, QString(), u"v1.a"_s)));
        GH_VERIFY_OK(secrets.insert(secret(u"own"_s, u"bob"_s, u"v1.b"_s)));
        auto all = *secrets.list();
        for (StoredSecret &s : all)
            s.ciphertext += u"-2"_s;
        GH_VERIFY_OK(secrets.replaceAll(all, u"kcv1.two"_s, now));
        QCOMPARE(*secrets.keyCheck(), u"kcv1.two"_s);
        QCOMPARE(secrets.get(u"own"_s, u"bob"_s)->ciphertext, u"v1.b-2"_s);

        // A record that vanished fails the whole replacement.
        all << secret(u"own"_s, u"alice"_s, u"v1.gone"_s);
        QCOMPARE(secrets.replaceAll(all, u"kcv1.three"_s, now).error().code(), ErrorCode::Conflict);
        QCOMPARE(*secrets.keyCheck(), u"kcv1.two"_s);
    }

    void migratesFromVersion8()
    {
        m_db.reset();
        QFile::remove(m_dir.filePath(u"store.db"_s));
        m_db = test::openStore(m_dir, 8);
        QVERIFY(m_db);
        QVERIFY(CredentialRepository(*m_db).create(credential(u"shared"_s, false)).ok());
        GH_VERIFY_OK(Migrator(*m_db).migrate());
        QCOMPARE(*Migrator(*m_db).currentVersion(), Migrator::latestVersion());
        SecretRepository secrets(*m_db);
        QCOMPARE(*secrets.any(), false);
        GH_VERIFY_OK(secrets.insert(secret(u"shared"_s, QString(), u"v1.a"_s)));
        QCOMPARE(CredentialRepository(*m_db).get(u"shared"_s)->name, u"shared"_s);
    }
};

QTEST_GUILESS_MAIN(TestStoreSecretRepository)
#include "TestStoreSecretRepository.moc"
