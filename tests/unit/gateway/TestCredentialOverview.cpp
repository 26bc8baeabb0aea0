// The Credentials page's model on a real SQLite store, with the master key in a key file: imports
// create the master key once and declare new credentials as chosen, refusals say why and keep
// nothing, the overview lists who holds a secret and which tools use each credential, and
// replacing and removing secrets behave like `gatehouse credential rotate|delete`.
#include "../store/StoreTestSupport.h"
#include "TestSupport.h"
#include "gateway/CatalogLoader.h"
#include "gateway/CredentialOverview.h"
#include "secrets/CredentialManager.h"
#include "secrets/CredentialVault.h"
#include "secrets/KeyFileKeyProvider.h"
#include "store/CredentialRepository.h"
#include "store/SecretRepository.h"
#include "store/ServerRepository.h"
#include "store/ToolOverrideRepository.h"
#include "store/UserRepository.h"

#include <QFile>
#include <QtTest>

using namespace gatehouse;
using namespace Qt::StringLiterals;
using secrets::CredentialManager;

namespace {

const QByteArray kBillingSecret = "sk_billing_0a4d2e";
const QByteArray kAliceToken = "alice_tok_77c1b0";
const QByteArray kAdminKey = "sk_admin_9f3e51";

store::Credential configDeclared(const QString &name)
{
    store::Credential c;
    c.name = name;
    c.type = u"api_key"_s;
    c.location = u"header"_s;
    c.param = u"X-API-Key"_s;
    c.secret = store::SecretReference{u"keychain"_s, name};
    c.origin = store::Origin::Config;
    return c;
}

} // namespace

class TestCredentialOverview : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<secrets::KeyFileKeyProvider> m_keys;

    QString keyFile() const { return m_dir.filePath(u"master.key"_s); }

    QByteArray decrypted(const QString &credential, const QString &user)
    {
        auto vault = secrets::CredentialVault::openExisting(*m_db, *m_keys);
        if (!vault || !*vault)
            return {};
        auto secret = (*vault)->secret(credential, user);
        return secret ? *secret : QByteArray();
    }

    Result<gateway::CredentialOverview> overview()
    {
        gateway::CatalogLoader loader;
        auto catalogs = loader.load(*m_db);
        if (!catalogs)
            return catalogs.error();
        return gateway::CredentialOverview::load(*m_db, *catalogs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = store::test::openStore(m_dir);
        QVERIFY(m_db);
        m_keys = std::make_unique<secrets::KeyFileKeyProvider>(keyFile());
        GH_VERIFY_OK(store::CredentialRepository(*m_db).upsert(configDeclared(u"billing-key"_s)));
        for (const QString &name : {u"alice"_s, u"bob"_s}) {
            store::User user;
            user.name = name;
            GH_VERIFY_OK(store::UserRepository(*m_db).create(user));
        }
        for (const QString &name : {u"billing"_s, u"other"_s}) {
            store::Server server;
            server.name = name;
            server.openapi = test::sourceDir() + u"/examples/specs/billing.yaml"_s;
            server.baseUrl = u"https://billing.example/v1"_s;
            if (name == u"billing"_s)
                server.credential = u"billing-key"_s;
            GH_VERIFY_OK(store::ServerRepository(*m_db).create(server));
        }
    }

    // The first import creates the master key (its recovery key to show once); later imports use
    // it, and a new credential is declared as chosen.
    void importCreatesTheKeyOnceAndDeclaresAsChosen()
    {
        QVERIFY(!QFile::exists(keyFile()));
        auto first = CredentialManager::importSecret(
            *m_db, *m_keys, configDeclared(u"billing-key"_s), QString(), kBillingSecret);
        GH_VERIFY_OK(first);
        QVERIFY(!first->recoveryKey.isEmpty());
        QVERIFY(!first->declared);
        QFile file(keyFile());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray key = file.readAll();
        file.close();

        const store::Credential personal = CredentialManager::declaration(
            u"personal"_s, u"bearer"_s, std::nullopt, std::nullopt, true);
        auto second =
            CredentialManager::importSecret(*m_db, *m_keys, personal, u"alice"_s, kAliceToken);
        GH_VERIFY_OK(second);
        QVERIFY(second->recoveryKey.isEmpty());
        QVERIFY(second->declared);
        QCOMPARE(second->vault->keyId(), first->vault->keyId());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), key);

        const auto declared = store::CredentialRepository(*m_db).get(u"personal"_s);
        GH_VERIFY_OK(declared);
        QCOMPARE(declared->type, u"bearer"_s);
        QVERIFY(declared->perUser);
        QCOMPARE(declared->origin, store::Origin::Local);
        QCOMPARE(decrypted(u"billing-key"_s, QString()), kBillingSecret);
        QCOMPARE(decrypted(u"personal"_s, u"alice"_s), kAliceToken);
    }

    void refusalsSayWhyAndKeepNothing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("param");
        QTest::addColumn<bool>("perUser");
        QTest::addColumn<QString>("user");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("says");
        const int invalid = int(ErrorCode::InvalidArgument);
        QTest::newRow("api key without where") << u"new-key"_s << u"api_key"_s << QString() << false
                                               << QString() << invalid << u"header"_s;
        QTest::newRow("space in the name") << u"new key"_s << u"bearer"_s << QString() << false
                                           << QString() << invalid << u"new key"_s;
        QTest::newRow("oauth2 is the config's")
            << u"new-oauth"_s << u"oauth2_refresh_token"_s << QString() << false << QString()
            << invalid << u"configuration"_s;
        QTest::newRow("per user without a user") << u"new-mine"_s << u"bearer"_s << QString()
                                                 << true << QString() << invalid << u"per user"_s;
        QTest::newRow("owner-wide with a user") << u"billing-key"_s << u"api_key"_s << QString()
                                                << false << u"bob"_s << invalid << u"owner-wide"_s;
        QTest::newRow("unknown user") << u"personal"_s << u"bearer"_s << QString() << true
                                      << u"carol"_s << int(ErrorCode::NotFound) << u"carol"_s;
        QTest::newRow("secret already there")
            << u"personal"_s << u"bearer"_s << QString() << true << u"alice"_s
            << int(ErrorCode::AlreadyExists) << u"replace"_s;
    }
    void refusalsSayWhyAndKeepNothing()
    {
        QFETCH(QString, name);
        QFETCH(QString, type);
        QFETCH(QString, param);
        QFETCH(bool, perUser);
        QFETCH(QString, user);
        QFETCH(int, code);
        QFETCH(QString, says);
        const auto before = store::SecretRepository(*m_db).list();
        GH_VERIFY_OK(before);
        const store::Credential declaration = CredentialManager::declaration(
            name, type, param.isEmpty() ? std::nullopt : std::optional(u"header"_s),
            param.isEmpty() ? std::nullopt : std::optional(param), perUser);
        const auto refused =
            CredentialManager::importSecret(*m_db, *m_keys, declaration, user, "some-secret");
        QVERIFY(!refused);
        QCOMPARE(int(refused.error().code()), code);
        QVERIFY2(refused.error().message().contains(says), qPrintable(refused.error().message()));
        QCOMPARE(*store::SecretRepository(*m_db).list(), *before);
        if (name.startsWith(u"new"_s))
            QCOMPARE(store::CredentialRepository(*m_db).get(name).error().code(),
                     ErrorCode::NotFound);
    }

    // Who holds a secret, and the tools whose calls carry each credential: a server's default
    // for all its tools but the one whose override names another.
    void overviewListsHoldersAndTools()
    {
        const store::Credential admin = CredentialManager::declaration(
            u"admin-key"_s, u"api_key"_s, u"header"_s, u"X-Admin-Key"_s, false);
        GH_VERIFY_OK(CredentialManager::importSecret(*m_db, *m_keys, admin, QString(), kAdminKey));
        store::ToolOverride create;
        create.server = u"billing"_s;
        create.key = u"createInvoice"_s;
        create.credential = u"admin-key"_s;
        GH_VERIFY_OK(store::ToolOverrideRepository(*m_db).create(create));

        const auto loaded = overview();
        GH_VERIFY_OK(loaded);
        QCOMPARE(loaded->users(), (QStringList{u"alice"_s, u"bob"_s}));
        const auto billing = loaded->entry(u"billing-key"_s);
        QVERIFY(billing);
        QCOMPARE(billing->placement, u"header X-API-Key"_s);
        QVERIFY(billing->summary.hasOwnerWideSecret());
        QVERIFY(billing->tools.contains(u"get_invoice (billing)"_s));
        QVERIFY(billing->tools.contains(u"list_invoices (billing)"_s));
        QVERIFY(!billing->tools.contains(u"create_invoice (billing)"_s));
        for (const QString &tool : billing->tools)
            QVERIFY2(!tool.endsWith(u"(other)"_s), qPrintable(tool));
        const auto adminEntry = loaded->entry(u"admin-key"_s);
        QVERIFY(adminEntry);
        QCOMPARE(adminEntry->tools, QStringList{u"create_invoice (billing)"_s});
        QCOMPARE(adminEntry->namedBy,
                 QStringList{u"tool override createInvoice of server billing"_s});
        const auto personal = loaded->entry(u"personal"_s);
        QVERIFY(personal);
        QCOMPARE(personal->summary.users(), QStringList{u"alice"_s});
        QVERIFY(!personal->inUse());
        // Decrypted above, as a call would: its last use is recorded.
        QVERIFY(personal->summary.lastUsedAt);
        QVERIFY(personal->summary.holders.at(0).lastUsedAt);
        QVERIFY(!adminEntry->summary.lastUsedAt);
    }

    void replaceThenRemove()
    {
        auto replaced =
            CredentialManager::replaceSecret(*m_db, *m_keys, u"personal"_s, u"alice"_s, "rotated");
        GH_VERIFY_OK(replaced);
        QCOMPARE(decrypted(u"personal"_s, u"alice"_s), QByteArray("rotated"));
        QVERIFY(store::SecretRepository(*m_db).get(u"personal"_s, u"alice"_s)->rotatedAt);
        const auto none =
            CredentialManager::replaceSecret(*m_db, *m_keys, u"personal"_s, u"bob"_s, "x");
        QCOMPARE(none.error().code(), ErrorCode::NotFound);

        // A credential declared here goes with its last secret when nothing names it.
        auto removed = CredentialManager::removeSecret(*m_db, u"personal"_s, u"alice"_s);
        GH_VERIFY_OK(removed);
        QVERIFY(removed->credentialRemoved);
        QCOMPARE(store::CredentialRepository(*m_db).get(u"personal"_s).error().code(),
                 ErrorCode::NotFound);
        // One a tool override names stays declared; removing the declaration is refused, naming it.
        removed = CredentialManager::removeSecret(*m_db, u"admin-key"_s, QString());
        GH_VERIFY_OK(removed);
        QVERIFY(!removed->credentialRemoved);
        const Status refused = CredentialManager::removeCredential(*m_db, u"admin-key"_s);
        QCOMPARE(refused.error().code(), ErrorCode::Conflict);
        QVERIFY2(refused.error().message().contains(u"createInvoice"_s),
                 qPrintable(refused.error().message()));
        // The configuration's stays declared, and only the configuration removes it.
        removed = CredentialManager::removeSecret(*m_db, u"billing-key"_s, QString());
        GH_VERIFY_OK(removed);
        QVERIFY(!removed->credentialRemoved);
        QCOMPARE(CredentialManager::removeCredential(*m_db, u"billing-key"_s).error().code(),
                 ErrorCode::Validation);
        const auto loaded = overview();
        GH_VERIFY_OK(loaded);
        QVERIFY(loaded->entry(u"billing-key"_s)->summary.holders.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCredentialOverview)
#include "TestCredentialOverview.moc"
