#include "StoreTestSupport.h"
#include "store/CredentialRepository.h"
#include "store/ServerRepository.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::store;
using namespace Qt::StringLiterals;

class TestStoreCredentialRepository : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

private Q_SLOTS:
    void init()
    {
        QFile::remove(m_dir.filePath(u"store.db"_s));
        m_db = test::openStore(m_dir);
        QVERIFY(m_db);
    }
    void cleanup() { m_db.reset(); }

    void roundTrip_data()
    {
        QTest::addColumn<Credential>("credential");
        QTest::newRow("api key in a header")
            << Credential{u"billing-read"_s,
                          u"api_key"_s,
                          u"header"_s,
                          u"X-API-Key"_s,
                          {},
                          false,
                          SecretReference{u"keychain"_s, u"billing-read"_s},
                          {},
                          {},
                          {},
                          {},
                          Origin::Config};
        QTest::newRow("per-user bearer with scopes")
            << Credential{u"billing-write"_s,
                          u"bearer"_s,
                          {},
                          {},
                          QStringList{u"invoices:write"_s},
                          true,
                          SecretReference{u"env"_s, u"BILLING_TOKEN"_s},
                          {},
                          {},
                          {},
                          {},
                          Origin::Local};
        QTest::newRow("no secret yet, empty scopes") << Credential{u"refresh"_s,
                                                                   u"oauth2_refresh_token"_s,
                                                                   {},
                                                                   {},
                                                                   QStringList{},
                                                                   true,
                                                                   {},
                                                                   {},
                                                                   {},
                                                                   {},
                                                                   {},
                                                                   Origin::Local};
        QTest::newRow("sealed, used before")
            << Credential{u"cc"_s,
                          u"oauth2_client_credentials"_s,
                          {},
                          {},
                          {},
                          false,
                          SecretReference{u"sealed"_s, u"QUJD"_s},
                          {},
                          {},
                          {},
                          QDateTime::fromMSecsSinceEpoch(1700000000123, QTimeZone::utc()),
                          Origin::Config};
    }
    void oauthClientCredentialFields()
    {
        CredentialRepository repo(*m_db);
        Credential c;
        c.name = u"cc2"_s;
        c.type = u"oauth2_client_credentials"_s;
        c.tokenUrl = u"https://auth.example.com/token"_s;
        c.clientId = u"gatehouse"_s;
        c.resource = u"https://api.example.com"_s;
        c.secret = SecretReference{u"file"_s, u"/run/secrets/cc2"_s};
        GH_VERIFY_OK(repo.create(c));
        QVERIFY(*repo.get(u"cc2"_s) == c);
        c.resource.reset();
        GH_VERIFY_OK(repo.upsert(c));
        QVERIFY(!repo.get(u"cc2"_s)->resource.has_value());
        QCOMPARE(repo.get(u"cc2"_s)->tokenUrl, std::optional(u"https://auth.example.com/token"_s));
    }

    void roundTrip()
    {
        QFETCH(Credential, credential);
        CredentialRepository repo(*m_db);
        GH_VERIFY_OK(repo.create(credential));
        auto read = repo.get(credential.name);
        GH_VERIFY_OK(read);
        QVERIFY(*read == credential);
        QCOMPARE(read->scopes.has_value(), credential.scopes.has_value());
    }

    void noSecretMaterialColumns()
    {
        // Only references: the table has no column that could hold a secret value.
        const QStringList columns = test::columnsOf(*m_db, u"credentials"_s);
        QVERIFY(columns.contains(u"secret_ref"_s));
        for (const QString &c : columns)
            QVERIFY2(c == "secret_kind"_L1 || c == "secret_ref"_L1 || !c.contains(u"secret"_s),
                     qPrintable(c));
    }

    void markUsedAndUpsertKeepsIt()
    {
        CredentialRepository repo(*m_db);
        Credential c{u"k"_s, u"basic"_s, {}, {}, {}, false, {}, {}, {}, {}, {}, Origin::Config};
        GH_VERIFY_OK(repo.create(c));
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(1710000000000, QTimeZone::utc());
        GH_VERIFY_OK(repo.markUsed(u"k"_s, when));
        c.type = u"bearer"_s;
        GH_VERIFY_OK(repo.upsert(c)); // a config sync must not forget when it was used
        auto read = repo.get(u"k"_s);
        GH_VERIFY_OK(read);
        QCOMPARE(read->type, u"bearer"_s);
        QCOMPARE(read->lastUsedAt, std::optional(when));
        QCOMPARE(repo.markUsed(u"nope"_s, when).error().code(), ErrorCode::NotFound);
    }

    void validation_data()
    {
        QTest::addColumn<Credential>("credential");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("type") << Credential{u"a"_s, u"magic"_s, {}, {}, {}, false,
                                            {},     {},         {}, {}, {}, Origin::Local}
                              << u"magic"_s;
        QTest::newRow("in") << Credential{u"a"_s, u"api_key"_s, u"body"_s, {}, {}, false,
                                          {},     {},           {},        {}, {}, Origin::Local}
                            << u"body"_s;
        QTest::newRow("secret kind") << Credential{u"a"_s,
                                                   u"api_key"_s,
                                                   {},
                                                   {},
                                                   {},
                                                   false,
                                                   SecretReference{u"plaintext"_s, u"x"_s},
                                                   {},
                                                   {},
                                                   {},
                                                   {},
                                                   Origin::Local}
                                     << u"plaintext"_s;
    }
    void validation()
    {
        QFETCH(Credential, credential);
        QFETCH(QString, mentions);
        const Status s = CredentialRepository(*m_db).create(credential);
        QCOMPARE(s.error().code(), ErrorCode::InvalidArgument);
        QVERIFY2(s.error().message().contains(mentions), qPrintable(s.error().message()));
    }

    void duplicateAndInUse()
    {
        CredentialRepository repo(*m_db);
        const Credential c{u"billing-read"_s, u"api_key"_s, {}, {}, {}, false, {}, {}, {}, {}, {},
                           Origin::Local};
        GH_VERIFY_OK(repo.create(c));
        const Status dup = repo.create(c);
        QCOMPARE(dup.error().code(), ErrorCode::AlreadyExists);
        QVERIFY(dup.error().message().contains(u"credential named 'billing-read'"_s));

        Server s;
        s.name = u"billing"_s;
        s.credential = u"billing-read"_s;
        GH_VERIFY_OK(ServerRepository(*m_db).create(s));
        const Status inUse = repo.remove(u"billing-read"_s);
        QCOMPARE(inUse.error().code(), ErrorCode::Conflict);
        QVERIFY2(inUse.error().message().contains(u"server 'billing'"_s),
                 qPrintable(inUse.error().message()));
        GH_VERIFY_OK(ServerRepository(*m_db).remove(u"billing"_s));
        GH_VERIFY_OK(repo.remove(u"billing-read"_s));
        QCOMPARE(repo.remove(u"billing-read"_s).error().code(), ErrorCode::NotFound);
    }

    void listByOrigin()
    {
        CredentialRepository repo(*m_db);
        GH_VERIFY_OK(repo.create(Credential{
            u"a"_s, u"bearer"_s, {}, {}, {}, false, {}, {}, {}, {}, {}, Origin::Config}));
        GH_VERIFY_OK(repo.create(
            Credential{u"b"_s, u"bearer"_s, {}, {}, {}, false, {}, {}, {}, {}, {}, Origin::Local}));
        QCOMPARE(repo.listByOrigin(Origin::Config)->size(), 1);
        QCOMPARE(repo.listByOrigin(Origin::Config)->first().name, u"a"_s);
        QCOMPARE(repo.listByOrigin(Origin::Local)->first().name, u"b"_s);
        QCOMPARE(repo.list()->size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestStoreCredentialRepository)
#include "TestStoreCredentialRepository.moc"
