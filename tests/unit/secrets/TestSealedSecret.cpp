// Secrets sealed into an exported configuration (`secret: {sealed: BASE64}`): they open only with
// the deployment key they were sealed for and only for their own credential, they survive the
// configuration file, and no error message carries the secret.
#include "config/Config.h"
#include "config/ConfigLoader.h"
#include "config/ConfigWriter.h"
#include "secrets/CredentialVault.h"
#include "secrets/KeyFileKeyProvider.h"
#include "secrets/MasterKey.h"
#include "secrets/SealedSecret.h"
#include "secrets/Vault.h"
#include "store/CredentialRepository.h"
#include "store/Database.h"
#include "store/Migrator.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::secrets;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kSecret = "sk_live_sealed_5e0c1d9a";

MasterKey newKey()
{
    auto key = MasterKey::generate();
    if (!key)
        qFatal("cannot generate a key");
    return *key;
}

Vault newVault(const MasterKey &key)
{
    auto vault = Vault::create(key);
    if (!vault)
        qFatal("cannot create a vault");
    return *vault;
}

QString sealed(const Vault &vault, QByteArrayView plaintext, const QString &credential)
{
    auto value = SealedSecret::seal(vault, plaintext, credential);
    if (!value)
        qFatal("%s", qPrintable(value.error().message()));
    return *value;
}

QString messageOf(const Result<QByteArray> &result)
{
    return result.ok() ? QString() : result.error().message();
}

std::unique_ptr<store::Database> openStore(const QString &path)
{
    store::DatabaseOptions options;
    options.sqlitePath = path;
    auto database = store::Database::open(options);
    if (!database || !store::Migrator(**database).migrate())
        return nullptr;
    return std::move(database).value();
}

} // namespace

class TestSealedSecret : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("plaintext");
        QTest::newRow("api key") << kSecret;
        QTest::newRow("user:password") << QByteArray("svc:p@ss/word+=");
        QTest::newRow("binary") << QByteArray("\x00\x01\xfe\xff", 4);
        QTest::newRow("8 KiB") << QByteArray(8 * 1024, 'k');
    }
    void roundTrip()
    {
        QFETCH(QByteArray, plaintext);
        const Vault deployment = newVault(newKey());
        const QString value = sealed(deployment, plaintext, u"billing"_s);
        // What the config's `sealed:` accepts: standard base64, nothing of the plaintext.
        const auto decoded = QByteArray::fromBase64Encoding(
            value.toLatin1(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
        QVERIFY(decoded);
        QVERIFY(!value.toLatin1().contains(plaintext.left(12)));
        QVERIFY(!decoded.decoded.contains(plaintext.left(12)));
        const auto opened = SealedSecret::unseal(deployment, value, u"billing"_s);
        QVERIFY2(opened.ok(), qPrintable(messageOf(opened)));
        QCOMPARE(*opened, plaintext);
    }

    void eachSealIsFresh()
    {
        const Vault deployment = newVault(newKey());
        QVERIFY(sealed(deployment, kSecret, u"billing"_s) !=
                sealed(deployment, kSecret, u"billing"_s));
    }

    // The server holds the deployment key only: a vault opened afresh from the same key bytes,
    // as the gateway does from the installed key file, unseals.
    void theSameKeyElsewhereUnseals()
    {
        const MasterKey key = newKey();
        const QString value = sealed(newVault(key), kSecret, u"billing"_s);
        auto copy = MasterKey::fromEncoded(key.toBase64(), u"the installed key"_s);
        QVERIFY(copy.ok());
        const auto opened = SealedSecret::unseal(newVault(*copy), value, u"billing"_s);
        QVERIFY2(opened.ok(), qPrintable(messageOf(opened)));
        QCOMPARE(*opened, kSecret);
    }

    void wrongKeyNamesBothKeysAndWhatToDo()
    {
        const Vault deployment = newVault(newKey());
        const Vault other = newVault(newKey());
        const QString value = sealed(deployment, kSecret, u"billing"_s);
        const auto opened = SealedSecret::unseal(other, value, u"billing"_s);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), ErrorCode::PermissionDenied);
        const QString message = opened.error().message();
        QVERIFY2(message.contains(u"credential billing"_s), qPrintable(message));
        QVERIFY2(message.contains(deployment.keyId()), qPrintable(message));
        QVERIFY2(message.contains(other.keyId()), qPrintable(message));
        QVERIFY2(message.contains(u"gateway.master_key"_s), qPrintable(message));
        QVERIFY(!message.toUtf8().contains(kSecret));
    }

    void tampering_data()
    {
        QTest::addColumn<int>("offset"); // into the decoded value; negative counts from the end
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("code");
        QTest::newRow("version") << 0 << u"format version"_s << int(ErrorCode::Validation);
        QTest::newRow("key id") << 3 << u"sealed for deployment key"_s
                                << int(ErrorCode::PermissionDenied);
        QTest::newRow("nonce") << 6 << u"does not decrypt"_s << int(ErrorCode::Validation);
        QTest::newRow("ciphertext") << 18 << u"does not decrypt"_s << int(ErrorCode::Validation);
        QTest::newRow("tag") << -1 << u"does not decrypt"_s << int(ErrorCode::Validation);
    }
    void tampering()
    {
        QFETCH(int, offset);
        QFETCH(QString, expected);
        QFETCH(int, code);
        const Vault deployment = newVault(newKey());
        QByteArray raw =
            QByteArray::fromBase64(sealed(deployment, kSecret, u"billing"_s).toLatin1());
        const qsizetype at = offset >= 0 ? offset : raw.size() + offset;
        raw[at] = char(raw.at(at) ^ 0x01);
        const auto opened =
            SealedSecret::unseal(deployment, QString::fromLatin1(raw.toBase64()), u"billing"_s);
        QVERIFY(!opened.ok());
        QCOMPARE(int(opened.error().code()), code);
        QVERIFY2(opened.error().message().contains(expected), qPrintable(messageOf(opened)));
        QVERIFY(opened.error().message().contains(u"credential billing"_s));
        QVERIFY(!opened.error().message().toUtf8().contains(kSecret));
    }

    void copiedToAnotherCredentialDoesNotDecrypt()
    {
        const Vault deployment = newVault(newKey());
        const QString value = sealed(deployment, kSecret, u"billing"_s);
        const auto opened = SealedSecret::unseal(deployment, value, u"crm"_s);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), ErrorCode::Validation);
        QVERIFY2(opened.error().message().contains(u"sealed for another credential"_s),
                 qPrintable(messageOf(opened)));
        QVERIFY(opened.error().message().contains(u"credential crm"_s));
        QVERIFY(!opened.error().message().toUtf8().contains(kSecret));
    }

    // Sealed values and the store's vault records are bound differently: with the same key, a
    // sealed value is no record of credential_secrets, nor the other way round.
    void sealedValuesAreNotStoreRecords()
    {
        const Vault vault = newVault(newKey());
        const QString value = sealed(vault, kSecret, u"billing"_s);
        const QString asRecord =
            u"v1."_s + QString::fromLatin1(QByteArray::fromBase64(value.toLatin1())
                                               .toBase64(QByteArray::Base64UrlEncoding |
                                                         QByteArray::OmitTrailingEquals));
        QVERIFY(!vault.decrypt(asRecord, CredentialVault::binding(u"billing"_s, QString())).ok());
        const QString record =
            vault.encrypt(kSecret, CredentialVault::binding(u"billing"_s, QString())).value();
        const QString asSealed = QString::fromLatin1(
            QByteArray::fromBase64(record.mid(3).toLatin1(),
                                   QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
                .toBase64());
        QVERIFY(!SealedSecret::unseal(vault, asSealed, u"billing"_s).ok());
    }

    void malformedValues_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("not base64") << u"@@not base64@@"_s;
        QTest::newRow("base64url") << u"AQID-_8"_s;
        QTest::newRow("cut short") << u"AQIDBAUGBwgJ"_s;
        QTest::newRow("empty") << QString();
    }
    void malformedValues()
    {
        QFETCH(QString, value);
        const auto opened = SealedSecret::unseal(newVault(newKey()), value, u"billing"_s);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), ErrorCode::Parse);
        QVERIFY2(opened.error().message().contains(u"damaged"_s), qPrintable(messageOf(opened)));
        QVERIFY(opened.error().message().contains(u"credential billing"_s));
    }

    // The value goes through gatehouse.yaml as `export` writes it and `serve` reads it.
    void survivesTheConfigFile()
    {
        const Vault deployment = newVault(newKey());
        config::Config config;
        config::Credential credential;
        credential.name = u"billing"_s;
        credential.type = config::CredentialType::Bearer;
        credential.secret = config::SecretRef{
            config::SecretSource::Sealed, sealed(deployment, kSecret, u"billing"_s), {}};
        config.credentials << credential;
        const QByteArray yaml = config::ConfigWriter::toYaml(config);
        QVERIFY(!yaml.contains(kSecret));
        const config::LoadResult loaded = config::ConfigLoader(config::ConfigLoader::Options{false})
                                              .loadString(yaml, u"gatehouse.yaml"_s);
        QVERIFY2(loaded.ok(), yaml.constData());
        QCOMPARE(loaded.config->credentials.size(), 1);
        const auto &secret = loaded.config->credentials.constFirst().secret;
        QVERIFY(secret && secret->source == config::SecretSource::Sealed);
        const auto opened = SealedSecret::unseal(deployment, secret->value, u"billing"_s);
        QVERIFY2(opened.ok(), qPrintable(messageOf(opened)));
        QCOMPARE(*opened, kSecret);
    }

    // Export seals the owner's imported secret without handing out the plaintext; the server,
    // whose store holds no secret, unseals with the deployment key from its key file.
    void fromTheOwnersVaultToTheServer()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto owner = openStore(dir.filePath(u"owner.db"_s));
        QVERIFY(owner);
        store::Credential billing;
        billing.name = u"billing"_s;
        billing.type = u"bearer"_s;
        billing.secret = store::SecretReference{u"keychain"_s, u"billing"_s};
        QVERIFY(store::CredentialRepository(*owner).upsert(billing).ok());
        KeyFileKeyProvider ownerKey(dir.filePath(u"owner.key"_s));
        auto opened = CredentialVault::open(*owner, ownerKey);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message()));
        QVERIFY(opened->vault->add(u"billing"_s, QString(), kSecret).ok());

        const MasterKey deploymentKey = newKey();
        const Vault deployment = newVault(deploymentKey);
        auto value = opened->vault->seal(u"billing"_s, deployment);
        QVERIFY2(value.ok(), value.ok() ? "" : qPrintable(value.error().message()));
        QCOMPARE(opened->vault->seal(u"crm"_s, deployment).error().code(), ErrorCode::NotFound);

        auto server = openStore(dir.filePath(u"server.db"_s));
        QVERIFY(server);
        KeyFileKeyProvider installed(dir.filePath(u"deployment.key"_s));
        // No key installed yet: an error that says which key to install, and none is created.
        auto missing = CredentialVault::forSealedSecrets(*server, installed);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code(), ErrorCode::NotFound);
        QVERIFY2(missing.error().message().contains(u"--seal-secrets"_s),
                 qPrintable(missing.error().message()));
        QVERIFY(!QFile::exists(installed.path()));

        QVERIFY(installed.store(deploymentKey).ok());
        auto vault = CredentialVault::forSealedSecrets(*server, installed);
        QVERIFY2(vault.ok(), vault.ok() ? "" : qPrintable(vault.error().message()));
        QCOMPARE((*vault)->keyId(), deployment.keyId());
        const auto plaintext = (*vault)->unseal(u"billing"_s, *value);
        QVERIFY2(plaintext.ok(), qPrintable(messageOf(plaintext)));
        QCOMPARE(*plaintext, kSecret);
        // Nothing was recorded in the server's store: a later import there may claim the key.
        QVERIFY(!CredentialVault::inUse(*server).value());
        // The owner's key does not unseal it.
        QCOMPARE(opened->vault->unseal(u"billing"_s, *value).error().code(),
                 ErrorCode::PermissionDenied);
    }

    void aDeploymentKeyFileIsReplacedOnlyOnRequest()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        KeyFileKeyProvider file(dir.filePath(u"bundle.deployment-key"_s));
        const MasterKey first = newKey();
        const MasterKey second = newKey();
        QVERIFY(file.store(first).ok());
        QCOMPARE(file.store(second).error().code(), ErrorCode::AlreadyExists);
        QVERIFY(file.load().value() == first);
        QVERIFY(file.replace(second).ok());
        QVERIFY(file.load().value() == second);
        QCOMPARE(QFile::permissions(file.path()) &
                     ~(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser),
                 QFile::Permissions());
        QVERIFY(file.remove().ok());
        QVERIFY(!QFile::exists(file.path()));
        QVERIFY(file.remove().ok());
    }
};

QTEST_GUILESS_MAIN(TestSealedSecret)
#include "TestSealedSecret.moc"
