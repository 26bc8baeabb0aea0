#include "StoreTestSupport.h"
#include "store/CredentialRepository.h"
#include "store/SecretRepository.h"
#include "store/UserRepository.h"

#include <QSemaphore>
#include <QSqlQuery>
#include <QThread>
#include <QtTest>

#include <optional>

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

    // Creating the master key is compare-and-set: of two claims, the first lands, the second
    // changes nothing and says so.
    void claimingTheKeyCheckIsCompareAndSet()
    {
        SecretRepository secrets(*m_db);
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(1'750'000'000'000, Qt::UTC);
        GH_VERIFY_OK(secrets.claimKeyCheck(u"kcv1.first"_s, when));
        const Status second = secrets.claimKeyCheck(u"kcv1.second"_s, when.addSecs(1));
        QCOMPARE(second.error().code(), ErrorCode::AlreadyExists);
        const auto record = secrets.keyCheckRecord();
        GH_VERIFY_OK(record);
        QCOMPARE(record->value, u"kcv1.first"_s);
        QCOMPARE(record->updatedAt, when);

        // Inside a transaction that goes on: the lost claim does not spoil it.
        GH_VERIFY_OK(m_db->write([&](QSqlDatabase &) -> Status {
            if (secrets.claimKeyCheck(u"kcv1.third"_s, when).ok())
                return Error(ErrorCode::Internal, u"a second claim landed"_s);
            return secrets.insert(secret(u"shared"_s, QString(), u"v1.a"_s));
        }));
        QCOMPARE(*secrets.keyCheck(), u"kcv1.first"_s);
        QCOMPARE(secrets.list()->size(), 1);
    }

    void onlyAnUnusedKeyCheckIsReplacedOrReleased()
    {
        SecretRepository secrets(*m_db);
        const QDateTime when = QDateTime::currentDateTimeUtc();
        GH_VERIFY_OK(secrets.claimKeyCheck(u"kcv1.left"_s, when));
        QCOMPARE(secrets.replaceUnusedKeyCheck(u"kcv1.other"_s, u"kcv1.new"_s, when).error().code(),
                 ErrorCode::Conflict);
        GH_VERIFY_OK(secrets.replaceUnusedKeyCheck(u"kcv1.left"_s, u"kcv1.new"_s, when));
        QCOMPARE(*secrets.keyCheck(), u"kcv1.new"_s);

        // A release names the claim it drops: another's stays.
        GH_VERIFY_OK(secrets.releaseKeyCheck(u"kcv1.left"_s));
        QCOMPARE(*secrets.keyCheck(), u"kcv1.new"_s);

        // Once a secret depends on it, it is neither replaced nor released.
        GH_VERIFY_OK(secrets.insert(secret(u"shared"_s, QString(), u"v1.a"_s)));
        QCOMPARE(secrets.replaceUnusedKeyCheck(u"kcv1.new"_s, u"kcv1.newer"_s, when).error().code(),
                 ErrorCode::Conflict);
        GH_VERIFY_OK(secrets.releaseKeyCheck(u"kcv1.new"_s));
        QCOMPARE(*secrets.keyCheck(), u"kcv1.new"_s);

        GH_VERIFY_OK(secrets.remove(u"shared"_s, QString()));
        GH_VERIFY_OK(secrets.releaseKeyCheck(u"kcv1.new"_s));
        QCOMPARE(*secrets.keyCheck(), QString());
    }

    // The SQL that locks the key check's row (FOR SHARE / FOR UPDATE on PostgreSQL) runs on
    // SQLite too, inside a write transaction.
    void theKeyCheckIsReadLockedInsideAWrite()
    {
        SecretRepository secrets(*m_db);
        for (const auto lock : {SqlDialect::RowLock::Share, SqlDialect::RowLock::Update}) {
            QString seen = u"unset"_s;
            GH_VERIFY_OK(m_db->write([&](QSqlDatabase &) -> Status {
                auto check = secrets.lockKeyCheck(lock);
                if (!check)
                    return check.error();
                seen = *check;
                return {};
            }));
            QCOMPARE(seen, QString());
        }
        GH_VERIFY_OK(secrets.claimKeyCheck(u"kcv1.one"_s, QDateTime::currentDateTimeUtc()));
        QString seen;
        GH_VERIFY_OK(m_db->write([&](QSqlDatabase &) -> Status {
            auto check = secrets.lockKeyCheck(SqlDialect::RowLock::Update);
            if (!check)
                return check.error();
            seen = *check;
            return {};
        }));
        QCOMPARE(seen, u"kcv1.one"_s);

        const SqlDialect postgres(SqlDialect::Kind::Postgres);
        QCOMPARE(postgres.rowLockClause(SqlDialect::RowLock::Share), u" FOR SHARE"_s);
        QCOMPARE(postgres.rowLockClause(SqlDialect::RowLock::Update), u" FOR UPDATE"_s);
    }

    // Item by item what a rotation and an import do at the same time on two connections: the
    // rotation holds the key check's row until it commits, so an import that comes meanwhile
    // sees the new key check (and stops) instead of writing under the old key. On PostgreSQL the
    // row lock orders them; on SQLite BEGIN IMMEDIATE does.
    void anImportWaitsForARotationThatHoldsTheKeyCheck()
    {
        SecretRepository secrets(*m_db);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        GH_VERIFY_OK(secrets.claimKeyCheck(u"kcv1.old"_s, now));
        QSemaphore locked;
        std::optional<Status> rotated;
        std::unique_ptr<QThread> rotation(QThread::create([&] {
            rotated = m_db->write([&](QSqlDatabase &) -> Status {
                SecretRepository mine(*m_db);
                auto check = mine.lockKeyCheck(SqlDialect::RowLock::Update);
                if (!check)
                    return check.error();
                locked.release();
                QThread::msleep(400);
                return mine.setKeyCheck(u"kcv1.new"_s, now);
            });
            m_db->releaseThreadConnection();
        }));
        rotation->start();
        QVERIFY(locked.tryAcquire(1, 10000));
        QString seen;
        GH_VERIFY_OK(m_db->write([&](QSqlDatabase &) -> Status {
            auto check = secrets.lockKeyCheck(SqlDialect::RowLock::Share);
            if (!check)
                return check.error();
            seen = *check;
            return {};
        }));
        QVERIFY(rotation->wait(20000));
        QVERIFY(rotated && rotated->ok());
        QCOMPARE(seen, u"kcv1.new"_s);
    }

    // And the other way round: an import that holds the key check's row makes a rotation wait,
    // so the rotation re-encrypts the imported record too.
    void aRotationWaitsForAnImportThatHoldsTheKeyCheck()
    {
        SecretRepository secrets(*m_db);
        GH_VERIFY_OK(secrets.claimKeyCheck(u"kcv1.old"_s, QDateTime::currentDateTimeUtc()));
        QSemaphore locked;
        std::optional<Status> imported;
        std::unique_ptr<QThread> import(QThread::create([&] {
            imported = m_db->write([&](QSqlDatabase &) -> Status {
                SecretRepository mine(*m_db);
                auto check = mine.lockKeyCheck(SqlDialect::RowLock::Share);
                if (!check)
                    return check.error();
                locked.release();
                QThread::msleep(400);
                return mine.insert(secret(u"shared"_s, QString(), u"v1.a"_s));
            });
            m_db->releaseThreadConnection();
        }));
        import->start();
        QVERIFY(locked.tryAcquire(1, 10000));
        qsizetype seen = -1;
        GH_VERIFY_OK(m_db->write([&](QSqlDatabase &) -> Status {
            auto check = secrets.lockKeyCheck(SqlDialect::RowLock::Update);
            if (!check)
                return check.error();
            auto all = secrets.list();
            if (!all)
                return all.error();
            seen = all->size();
            return {};
        }));
        QVERIFY(import->wait(20000));
        QVERIFY(imported && imported->ok());
        QCOMPARE(seen, qsizetype(1));
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
