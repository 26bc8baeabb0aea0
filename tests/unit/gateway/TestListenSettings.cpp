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
        if (!ListenSettings::defaultAdvertisedHost(ListenSettings::lanInterfaces()).isEmpty())
            QCOMPARE(options.publicUrl.scheme(), u"https"_s);
    }

    void defaultAdvertisedAddressSkipsVirtualAndPointToPointInterfaces()
    {
        using Lan = ListenSettings::LanInterface;
        const QList<Lan> interfaces{
            {u"docker0"_s, QHostAddress(u"172.17.0.1"_s), false},
            {u"br-1a2b3c"_s, QHostAddress(u"172.18.0.1"_s), false},
            {u"veth12ab"_s, QHostAddress(u"10.200.0.1"_s), false},
            {u"virbr0"_s, QHostAddress(u"192.168.122.1"_s), false},
            {u"tun0"_s, QHostAddress(u"10.8.0.2"_s), true},
            {u"eth0"_s, QHostAddress(u"2001:db8::20"_s), false},
            {u"wlan0"_s, QHostAddress(u"192.168.1.20"_s), false},
        };
        QCOMPARE(ListenSettings::defaultAdvertisedHost(interfaces), u"192.168.1.20"_s);
        // Without an IPv4 address of a real interface, its IPv6 address.
        QCOMPARE(ListenSettings::defaultAdvertisedHost(interfaces.mid(0, 6)), u"2001:db8::20"_s);
        // Only virtual ones: none (the page then says the LAN cannot reach this computer).
        QCOMPARE(ListenSettings::defaultAdvertisedHost(interfaces.mid(0, 5)), QString());
        QVERIFY(ListenSettings::isVirtualInterface(u"docker0"_s));
        QVERIFY(!ListenSettings::isVirtualInterface(u"enp3s0"_s));
        // What this computer reports is never loopback or link-local.
        for (const Lan &lan : ListenSettings::lanInterfaces()) {
            QVERIFY(!lan.address.isLoopback());
            QVERIFY(!lan.address.isLinkLocal());
        }
    }

    void chosenAdvertisedHostIsKeptAndNamesTheUrl()
    {
        QTemporaryDir dir;
        ListenSettings settings;
        settings.reach = ListenSettings::Reach::AllInterfaces;
        settings.certificateFile = dir.filePath(u"c.pem"_s);
        settings.keyFile = dir.filePath(u"k.pem"_s);
        settings.port = 9443;
        settings.advertisedHost = u"gatehouse-box.lan"_s;
        QVERIFY(settings.save(dir.path()).ok());
        const auto loaded = ListenSettings::load(dir.path());
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->advertisedHost, u"gatehouse-box.lan"_s);
        const auto options = loaded->listenOptions();
        QCOMPARE(options.address, QHostAddress(QHostAddress::Any));
        QCOMPARE(options.publicUrl, QUrl(u"https://gatehouse-box.lan:9443"_s));
        QVERIFY(options.allowedHosts.contains(u"gatehouse-box.lan"_s));
        QVERIFY(loaded->certificateHostNames().contains(u"gatehouse-box.lan"_s));
        // A host name is never "gone"; an address this computer no longer has is.
        QCOMPARE(loaded->advertisedHostProblem({}), QString());
        using Lan = ListenSettings::LanInterface;

        ListenSettings address = *loaded;
        address.advertisedHost = u"192.0.2.44"_s;
        QCOMPARE(address.listenOptions().publicUrl, QUrl(u"https://192.0.2.44:9443"_s));
        QVERIFY(address.certificateAddresses().contains(QHostAddress(u"192.0.2.44"_s)));
        const QString problem =
            address.advertisedHostProblem({Lan{u"eth0"_s, QHostAddress(u"192.0.2.45"_s), false}});
        QVERIFY2(problem.contains(u"192.0.2.44"_s), qPrintable(problem));
        QCOMPARE(
            address.advertisedHostProblem({Lan{u"eth0"_s, QHostAddress(u"192.0.2.44"_s), false}}),
            QString());
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
