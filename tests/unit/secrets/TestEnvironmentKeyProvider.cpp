#include "secrets/EnvironmentKeyProvider.h"
#include "secrets/MasterKey.h"

#include <QRegularExpression>
#include <QtTest>

using gatehouse::ErrorCode;
using gatehouse::secrets::EnvironmentKeyProvider;
using gatehouse::secrets::MasterKey;

class TestEnvironmentKeyProvider : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { qunsetenv("GATEHOUSE_MASTER_KEY"); }

    void readsBase64OrHexAndWarns_data()
    {
        QTest::addColumn<bool>("hex");
        QTest::newRow("base64") << false;
        QTest::newRow("hex") << true;
    }
    void readsBase64OrHexAndWarns()
    {
        QFETCH(bool, hex);
        const auto key = MasterKey::generate();
        qputenv("GATEHOUSE_MASTER_KEY", hex ? key->bytes().toByteArray().toHex() : key->toBase64());
        QTest::ignoreMessage(
            QtWarningMsg,
            QRegularExpression(QStringLiteral("GATEHOUSE_MASTER_KEY.*leak into process listings")));
        const auto loaded = EnvironmentKeyProvider().load();
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message()));
        QVERIFY(*loaded == *key);
    }

    void unsetIsNotFound()
    {
        qunsetenv("GATEHOUSE_MASTER_KEY");
        const auto loaded = EnvironmentKeyProvider().load();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code(), ErrorCode::NotFound);
    }

    void malformedValueIsRefusedWithoutEchoingIt()
    {
        qputenv("GATEHOUSE_MASTER_KEY", "hunter2hunter2");
        const auto loaded = EnvironmentKeyProvider().load();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code(), ErrorCode::Parse);
        QVERIFY(loaded.error().message().contains(QLatin1String("GATEHOUSE_MASTER_KEY")));
        QVERIFY(!loaded.error().message().contains(QLatin1String("hunter2")));
    }

    void otherVariableName()
    {
        const auto key = MasterKey::generate();
        qputenv("MY_KEY", key->toBase64());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("MY_KEY")));
        const auto loaded = EnvironmentKeyProvider(QStringLiteral("MY_KEY")).load();
        qunsetenv("MY_KEY");
        QVERIFY(loaded.ok());
        QVERIFY(*loaded == *key);
    }

    void isReadOnlySoObtainCannotInventAKey()
    {
        qunsetenv("GATEHOUSE_MASTER_KEY");
        EnvironmentKeyProvider provider;
        const auto obtained = MasterKey::obtain(
            provider, false, [](const MasterKey &) { return gatehouse::Status(); });
        QVERIFY(!obtained.ok());
        QCOMPARE(obtained.error().code(), ErrorCode::PermissionDenied);
        QVERIFY(obtained.error().message().contains(QLatin1String("set GATEHOUSE_MASTER_KEY")));
        QVERIFY(qgetenv("GATEHOUSE_MASTER_KEY").isEmpty());
    }

    void rotationIsRefusedWithHowToRotate()
    {
        const auto key = MasterKey::generate();
        qputenv("MY_KEY", key->toBase64());
        EnvironmentKeyProvider provider(QStringLiteral("MY_KEY"));
        const auto refused = provider.rotatable();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), ErrorCode::PermissionDenied);
        const QString message = refused.error().message();
        QVERIFY2(message.contains(QLatin1String("rotate-master-key")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("{file: master.key}")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("set MY_KEY")), qPrintable(message));
        // Nothing can be staged, and there never is a staged key to find.
        QCOMPARE(provider.storeStaged(*MasterKey::generate()).error().message(), message);
        QCOMPARE(provider.loadStaged().error().code(), ErrorCode::NotFound);
        QVERIFY(provider.removeStaged().ok());
        QCOMPARE(qgetenv("MY_KEY"), key->toBase64());
        qunsetenv("MY_KEY");
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentKeyProvider)
#include "TestEnvironmentKeyProvider.moc"
