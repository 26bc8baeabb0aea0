#include "secrets/MasterKey.h"
#include "secrets/SystemdCredentialKeyProvider.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using gatehouse::ErrorCode;
using gatehouse::secrets::MasterKey;
using gatehouse::secrets::SystemdCredentialKeyProvider;

class TestSystemdCredentialKeyProvider : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsTheCredentialFromCredentialsDirectory_data()
    {
        QTest::addColumn<bool>("base64");
        QTest::newRow("raw bytes") << false; // LoadCredentialEncrypted of a raw key file
        QTest::newRow("base64") << true;
    }
    void readsTheCredentialFromCredentialsDirectory()
    {
        QFETCH(bool, base64);
        QTemporaryDir dir;
        const auto key = MasterKey::generate();
        QFile file(dir.filePath(QStringLiteral("gatehouse-master-key")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(base64 ? key->toBase64() : key->bytes().toByteArray());
        file.close();

        qputenv("CREDENTIALS_DIRECTORY", QFile::encodeName(dir.path()));
        SystemdCredentialKeyProvider provider; // $CREDENTIALS_DIRECTORY/gatehouse-master-key
        qunsetenv("CREDENTIALS_DIRECTORY");
        const auto loaded = provider.load();
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message()));
        QVERIFY(*loaded == *key);
    }

    void missingCredentialIsNotFound()
    {
        QTemporaryDir dir;
        SystemdCredentialKeyProvider provider(QStringLiteral("other"), dir.path());
        const auto loaded = provider.load();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code(), ErrorCode::NotFound);
        QVERIFY(loaded.error().message().contains(QLatin1String("LoadCredentialEncrypted=other")));
    }

    void outsideSystemdSaysSo()
    {
        qunsetenv("CREDENTIALS_DIRECTORY");
        SystemdCredentialKeyProvider provider;
        const auto loaded = provider.load();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code(), ErrorCode::Unavailable);
        QVERIFY(
            loaded.error().message().contains(QLatin1String("CREDENTIALS_DIRECTORY is not set")));
    }

    void isReadOnlySoObtainCannotInventAKey()
    {
        QTemporaryDir dir;
        SystemdCredentialKeyProvider provider(SystemdCredentialKeyProvider::defaultName(),
                                              dir.path());
        const auto obtained = MasterKey::obtain(
            provider, false, [](const MasterKey &) { return gatehouse::Status(); });
        QVERIFY(!obtained.ok());
        QCOMPARE(obtained.error().code(), ErrorCode::PermissionDenied);
        QVERIFY(obtained.error().message().contains(QLatin1String("systemd-creds encrypt")));
        QVERIFY(QDir(dir.path()).isEmpty());
    }

    void rotationIsRefusedWithHowToRotate()
    {
        QTemporaryDir dir;
        SystemdCredentialKeyProvider provider(QStringLiteral("gh-key"), dir.path());
        const auto refused = provider.rotatable();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), ErrorCode::PermissionDenied);
        const QString message = refused.error().message();
        QVERIFY2(message.contains(QLatin1String("systemd-creds decrypt --name=gh-key")),
                 qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("rotate-master-key")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("systemd-creds encrypt --name=gh-key")),
                 qPrintable(message));
        QCOMPARE(provider.storeStaged(*MasterKey::generate()).error().message(), message);
        QCOMPARE(provider.promoteStaged(*MasterKey::generate()).error().message(), message);
        QCOMPARE(provider.loadStaged().error().code(), ErrorCode::NotFound);
        QVERIFY(QDir(dir.path()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSystemdCredentialKeyProvider)
#include "TestSystemdCredentialKeyProvider.moc"
