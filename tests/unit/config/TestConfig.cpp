#include "config/Config.h"
#include "config/Diagnostic.h"

#include <QtTest>

using namespace gatehouse::config;
using namespace Qt::StringLiterals;

class TestConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listen_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("ipv4 loopback")
            << u"127.0.0.1:8787"_s << true << u"127.0.0.1"_s << 8787 << true;
        QTest::newRow("other loopback") << u"127.0.0.2:1"_s << true << u"127.0.0.2"_s << 1 << true;
        QTest::newRow("localhost") << u"localhost:80"_s << true << u"localhost"_s << 80 << true;
        QTest::newRow("any") << u"0.0.0.0:8443"_s << true << u"0.0.0.0"_s << 8443 << false;
        QTest::newRow("ipv6 loopback") << u"[::1]:8787"_s << true << u"::1"_s << 8787 << true;
        QTest::newRow("ipv6 any") << u"[::]:65535"_s << true << u"::"_s << 65535 << false;
        QTest::newRow("host name")
            << u"gatehouse.lan:443"_s << true << u"gatehouse.lan"_s << 443 << false;
        QTest::newRow("port 0") << u"127.0.0.1:0"_s << false << QString() << 0 << false;
        QTest::newRow("port too big") << u"127.0.0.1:65536"_s << false << QString() << 0 << false;
        QTest::newRow("no port") << u"127.0.0.1"_s << false << QString() << 0 << false;
        QTest::newRow("no host") << u":8787"_s << false << QString() << 0 << false;
        QTest::newRow("bare ipv6") << u"::1:8787"_s << false << QString() << 0 << false;
        QTest::newRow("bad port") << u"localhost:http"_s << false << QString() << 0 << false;
        QTest::newRow("url") << u"http://localhost:8787"_s << false << QString() << 0 << false;
        QTest::newRow("bracketed ipv4") << u"[127.0.0.1]:80"_s << false << QString() << 0 << false;
    }
    void listen()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const std::optional<ListenAddress> address = ListenAddress::parse(text);
        QCOMPARE(address.has_value(), valid);
        if (!valid)
            return;
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(bool, loopback);
        QCOMPARE(address->host, host);
        QCOMPARE(int(address->port), port);
        QCOMPARE(address->isLoopback(), loopback);
        QCOMPARE(address->toString(), text);
    }

    void target_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("name");
        QTest::newRow("resource") << u"billing/invoices"_s << true << int(TargetKind::Resource)
                                  << u"billing"_s << u"invoices"_s;
        QTest::newRow("tool") << u"billing.void_invoice"_s << true << int(TargetKind::Tool)
                              << u"billing"_s << u"void_invoice"_s;
        QTest::newRow("resource with a dot")
            << u"billing/v2.invoices"_s << true << int(TargetKind::Resource) << u"billing"_s
            << u"v2.invoices"_s;
        QTest::newRow("server only") << u"billing"_s << false << 0 << QString() << QString();
        QTest::newRow("empty server") << u"/invoices"_s << false << 0 << QString() << QString();
        QTest::newRow("empty tool") << u"billing."_s << false << 0 << QString() << QString();
    }
    void target()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const std::optional<Target> target = Target::parse(text);
        QCOMPARE(target.has_value(), valid);
        if (!valid)
            return;
        QFETCH(int, kind);
        QFETCH(QString, server);
        QFETCH(QString, name);
        QCOMPARE(int(target->kind), kind);
        QCOMPARE(target->server, server);
        QCOMPARE(target->name, name);
        QCOMPARE(target->toString(), text);
    }

    void enums()
    {
        QCOMPARE(toString(CredentialType::OAuth2RefreshToken), u"oauth2_refresh_token"_s);
        QCOMPARE(fromString<CredentialType>(u"api_key"), CredentialType::ApiKey);
        QVERIFY(!fromString<CredentialType>(u"API_KEY"));
        QCOMPARE(enumNames<Action>(),
                 (QStringList{u"read"_s, u"create"_s, u"update"_s, u"delete"_s}));
        QCOMPARE(enumNames<Discovery>().join(u", "), u"flat, hierarchical, search"_s);
        QCOMPARE(fromString<SecretSource>(u"sealed"), SecretSource::Sealed);
    }

    void defaults()
    {
        GatewayConfig gateway;
        QCOMPARE(gateway.effectiveListen().toString(), u"127.0.0.1:8787"_s);
        QCOMPARE(gateway.effectiveAuthMode(), AuthMode::OAuth);
        gateway.auth = AuthConfig();
        gateway.auth->mode = AuthMode::None;
        QCOMPARE(gateway.effectiveAuthMode(), AuthMode::None);
    }

    void diagnosticFormat_data()
    {
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("full") << 41 << u"servers[0].tools.overrides.createInvoice.cost"_s
                              << u"config.yaml:41 servers[0].tools.overrides.createInvoice.cost: "
                                 "expected a number, got \"abc\""_s;
        QTest::newRow("no path") << 3 << QString()
                                 << u"config.yaml:3: expected a number, got \"abc\""_s;
        QTest::newRow("no line") << 0 << QString()
                                 << u"config.yaml: expected a number, got \"abc\""_s;
    }
    void diagnosticFormat()
    {
        QFETCH(int, line);
        QFETCH(QString, path);
        QFETCH(QString, expected);
        const Diagnostic d{Diagnostic::Severity::Error, u"config.yaml"_s, line, path,
                           u"expected a number, got \"abc\""_s};
        QCOMPARE(d.toString(), expected);
        QVERIFY(hasErrors({d}));
        QVERIFY(!hasErrors({Diagnostic{Diagnostic::Severity::Warning, {}, 0, {}, {}}}));
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "TestConfig.moc"
