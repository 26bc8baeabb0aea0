// Where the desktop gateway listens: kept in the data directory, the LAN only with TLS, and a
// URL that names an address clients can reach.
#include "gateway/ListenSettings.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using gatehouse::ErrorCode;
using gatehouse::gateway::ListenSettings;
using namespace Qt::StringLiterals;

class TestListenSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void missingFileMeansLoopback()
    {
        QTemporaryDir dir;
        const auto settings = ListenSettings::load(dir.path());
        QVERIFY(settings.ok());
        QCOMPARE(settings->reach, ListenSettings::Reach::Loopback);
        QCOMPARE(settings->port, quint16(8787));
        const auto options = settings->listenOptions();
        QCOMPARE(options.address, QHostAddress(QHostAddress::LocalHost));
        QVERIFY(!options.tls());
    }

    void savedSettingsLoadAgain()
    {
        QTemporaryDir dir;
        ListenSettings settings;
        settings.reach = ListenSettings::Reach::Interface;
        settings.interfaceAddress = QHostAddress(u"192.0.2.7"_s);
        settings.port = 9443;
        settings.certificateFile = dir.filePath(u"c.pem"_s);
        settings.keyFile = dir.filePath(u"k.pem"_s);
        QVERIFY(settings.save(dir.path()).ok());
        const auto loaded = ListenSettings::load(dir.path());
        QVERIFY(loaded.ok());
        QVERIFY(*loaded == settings);

        const auto options = loaded->listenOptions();
        QCOMPARE(options.address, QHostAddress(u"192.0.2.7"_s));
        QCOMPARE(options.port, quint16(9443));
        QVERIFY(options.tls());
        QCOMPARE(options.publicUrl, QUrl(u"https://192.0.2.7:9443"_s));
    }

    void lanNeedsTls()
    {
        ListenSettings settings;
        settings.reach = ListenSettings::Reach::AllInterfaces;
        const auto refused = settings.validate();
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message().contains(u"TLS"_s));
        settings.certificateFile = u"/c.pem"_s;
        QVERIFY(!settings.validate().ok()); // half a pair
        settings.keyFile = u"/k.pem"_s;
        QVERIFY(settings.validate().ok());
        // Every interface: the URL clients get names an address, never 0.0.0.0.
        const auto options = settings.listenOptions();
        QCOMPARE(options.address, QHostAddress(QHostAddress::Any));
        QVERIFY(options.publicUrl.host() != u"0.0.0.0"_s);
        if (!ListenSettings::lanAddresses().isEmpty())
            QCOMPARE(options.publicUrl.scheme(), u"https"_s);
    }

    void brokenFileSaysWhatToDo()
    {
        QTemporaryDir dir;
        QFile file(QDir(dir.path()).filePath(ListenSettings::fileName()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ not json");
        file.close();
        const auto loaded = ListenSettings::load(dir.path());
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code(), ErrorCode::Parse);
        QVERIFY(loaded.error().message().contains(ListenSettings::fileName()));
    }
};

QTEST_GUILESS_MAIN(TestListenSettings)
#include "TestListenSettings.moc"
