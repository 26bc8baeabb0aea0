#include "http/AddressPolicy.h"

#include <QtTest>

#include <netinet/in.h>

using gatehouse::http::AddressPolicy;
using Class = AddressPolicy::AddressClass;

Q_DECLARE_METATYPE(AddressPolicy::AddressClass)

class TestAddressPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classify_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<Class>("expected");
        const auto row = [](const char *address, Class expected) {
            QTest::newRow(address) << QString::fromLatin1(address) << expected;
        };
        // IPv4
        row("8.8.8.8", Class::Public);
        row("1.1.1.1", Class::Public);
        row("93.184.216.34", Class::Public);
        row("0.0.0.0", Class::Unspecified);
        row("0.1.2.3", Class::Unspecified);
        row("127.0.0.1", Class::Loopback);
        row("127.255.255.254", Class::Loopback);
        row("10.0.0.1", Class::Private);
        row("10.255.255.255", Class::Private);
        row("172.16.0.1", Class::Private);
        row("172.31.255.255", Class::Private);
        row("172.15.255.255", Class::Public);
        row("172.32.0.0", Class::Public);
        row("192.168.1.1", Class::Private);
        row("100.64.0.1", Class::SharedCgnat);
        row("100.127.255.255", Class::SharedCgnat);
        row("100.128.0.0", Class::Public);
        row("169.254.169.254", Class::LinkLocal); // cloud metadata
        row("224.0.0.1", Class::Multicast);
        row("239.255.255.250", Class::Multicast);
        row("255.255.255.255", Class::Multicast);
        row("240.0.0.1", Class::Reserved);
        row("192.0.2.1", Class::Reserved);
        row("198.18.0.1", Class::Reserved);
        row("198.51.100.1", Class::Reserved);
        row("203.0.113.1", Class::Reserved);
        // IPv6
        row("2606:4700:4700::1111", Class::Public);
        row("2001:4860:4860::8888", Class::Public);
        row("::", Class::Unspecified);
        row("::1", Class::Loopback);
        row("fe80::1", Class::LinkLocal);
        row("febf::1", Class::LinkLocal);
        row("fec0::1", Class::Private);
        row("fc00::1", Class::UniqueLocal);
        row("fd12:3456::1", Class::UniqueLocal);
        row("ff02::1", Class::Multicast);
        row("2001:db8::1", Class::Reserved);
        row("2001:0:4136:e378:8000:63bf:3fff:fdd2", Class::Reserved); // Teredo
        row("100::1", Class::Reserved);                               // discard-only
        row("3fff::1", Class::Public);
        row("4000::1", Class::Reserved); // outside 2000::/3
        // IPv4 inside IPv6
        row("::ffff:127.0.0.1", Class::Loopback);
        row("::ffff:7f00:1", Class::Loopback);
        row("::ffff:10.1.2.3", Class::Private);
        row("::ffff:169.254.169.254", Class::LinkLocal);
        row("::ffff:8.8.8.8", Class::Public);
        row("::ffff:0:127.0.0.1", Class::Loopback); // IPv4-translated (RFC 2765)
        row("::127.0.0.1", Class::Loopback);        // IPv4-compatible (deprecated)
        row("::8.8.8.8", Class::Reserved);
        row("64:ff9b::127.0.0.1", Class::Loopback); // NAT64 (RFC 6052)
        row("64:ff9b::a00:1", Class::Private);
        row("64:ff9b::169.254.169.254", Class::LinkLocal);
        row("64:ff9b::8.8.8.8", Class::Public);
        row("64:ff9b:1::8.8.8.8", Class::Reserved); // local-use NAT64 (RFC 8215)
        row("2002:7f00:1::1", Class::Loopback);     // 6to4 of 127.0.0.1
        row("2002:c0a8:101::1", Class::Private);    // 6to4 of 192.168.1.1
        row("2002:808:808::1", Class::Public);
    }
    void classify()
    {
        QFETCH(QString, address);
        QFETCH(Class, expected);
        const QHostAddress parsed(address);
        QVERIFY2(!parsed.isNull(), qPrintable(address));
        QCOMPARE(AddressPolicy::classify(parsed), expected);

        const Status publicOnly = AddressPolicy::publicOnly().check(parsed);
        QCOMPARE(publicOnly.ok(), expected == Class::Public);
        if (!publicOnly.ok()) {
            QCOMPARE(publicOnly.error().code(), gatehouse::ErrorCode::PermissionDenied);
            QVERIFY(publicOnly.error().message().contains(AddressPolicy::className(expected)));
            QVERIFY(publicOnly.error().message().contains(QLatin1String("SSRF")));
        }
        QVERIFY(AddressPolicy::allowAll().check(parsed).ok());
        QVERIFY(AddressPolicy().check(parsed).ok());
    }

    void checkSockaddr()
    {
        sockaddr_in v4{};
        v4.sin_family = AF_INET;
        v4.sin_addr.s_addr = htonl(0x7f000001);
        QVERIFY(!AddressPolicy::publicOnly().check(reinterpret_cast<sockaddr *>(&v4)).ok());
        v4.sin_addr.s_addr = htonl(0x08080808);
        QVERIFY(AddressPolicy::publicOnly().check(reinterpret_cast<sockaddr *>(&v4)).ok());

        sockaddr_in6 v6{};
        v6.sin6_family = AF_INET6;
        const QHostAddress mapped(QStringLiteral("::ffff:127.0.0.1"));
        const Q_IPV6ADDR bytes = mapped.toIPv6Address();
        memcpy(&v6.sin6_addr, bytes.c, 16);
        const Status refused = AddressPolicy::publicOnly().check(reinterpret_cast<sockaddr *>(&v6),
                                                                 QStringLiteral("rebind.example"));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message().contains(QLatin1String("rebind.example")),
                 qPrintable(refused.error().message()));
        QVERIFY2(refused.error().message().contains(QLatin1String("loopback address")),
                 qPrintable(refused.error().message()));

        sockaddr local{};
        local.sa_family = AF_UNIX;
        QVERIFY(!AddressPolicy::allowAll().check(&local).ok());
    }

    void testExemption()
    {
        const auto policy = AddressPolicy::publicOnly().exemptForTesting(
            {QHostAddress(QStringLiteral("127.0.0.1"))});
        QVERIFY(policy.check(QHostAddress(QStringLiteral("127.0.0.1"))).ok());
        QVERIFY(policy.check(QHostAddress(QStringLiteral("::ffff:127.0.0.1"))).ok());
        QVERIFY(!policy.check(QHostAddress(QStringLiteral("127.0.0.2"))).ok());
        QVERIFY(!policy.check(QHostAddress(QStringLiteral("::1"))).ok());
        QVERIFY(AddressPolicy::publicOnly().restricts());
        QVERIFY(!AddressPolicy::allowAll().restricts());
    }

    void allowAllRestrictedToNetworks()
    {
        const auto policy = AddressPolicy::allowAll().restrictTo(
            {QHostAddress::parseSubnet(QStringLiteral("10.0.0.0/8")),
             QHostAddress::parseSubnet(QStringLiteral("fd00::/8"))});
        QVERIFY(policy.restricts());
        QVERIFY(policy.check(QHostAddress(QStringLiteral("10.1.2.3"))).ok());
        QVERIFY(policy.check(QHostAddress(QStringLiteral("fd00::5"))).ok());
        QVERIFY(!policy.check(QHostAddress(QStringLiteral("127.0.0.1"))).ok());
        QVERIFY(!policy.check(QHostAddress(QStringLiteral("8.8.8.8"))).ok());
    }

private:
    using Status = gatehouse::Status;
};

QTEST_GUILESS_MAIN(TestAddressPolicy)
#include "TestAddressPolicy.moc"
