#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QPair>

struct sockaddr;

namespace gatehouse::http {

// Which peer addresses an upstream request may connect to (SSRF defence, SECURITY-CASES "CIMD
// SSRF"). UpstreamClient applies it to every address it is about to connect to, after DNS
// resolution (CURLOPT_OPENSOCKETFUNCTION), so DNS rebinding cannot bypass it.
//
// The same check runs again before each request is sent on a kept-alive connection
// (CURLOPT_PREREQFUNCTION), so a connection opened under a laxer policy is never reused.
//
// AllowAll: owner-configured upstreams (LAN hosts are legitimate); optionally restricted to a
// list of networks. PublicOnly: for URLs a client supplied (Client ID Metadata Documents):
// only globally routable unicast addresses; IPv4 embedded in IPv6 (mapped, translated,
// compatible, NAT64 64:ff9b::/96, 6to4) is judged by the embedded IPv4 address.
class AddressPolicy
{
    Q_DECLARE_TR_FUNCTIONS(AddressPolicy)

public:
    enum class Mode
    {
        AllowAll,
        PublicOnly,
    };

    enum class AddressClass
    {
        Public,
        Unspecified, // 0.0.0.0/8, ::
        Loopback,    // 127/8, ::1
        Private,     // 10/8, 172.16/12, 192.168/16, fec0::/10
        SharedCgnat, // 100.64/10 (RFC 6598)
        LinkLocal,   // 169.254/16, fe80::/10
        UniqueLocal, // fc00::/7 (RFC 4193)
        Multicast,   // 224/4, ff00::/8, 255.255.255.255
        Reserved,    // documentation, benchmarking, 240/4, Teredo, NAT64 local-use, non-2000::/3
        Invalid,     // not an IP address
    };

    using Network = QPair<QHostAddress, int>; // as returned by QHostAddress::parseSubnet

    AddressPolicy() = default; // AllowAll
    static AddressPolicy allowAll() { return AddressPolicy(Mode::AllowAll); }
    static AddressPolicy publicOnly() { return AddressPolicy(Mode::PublicOnly); }

    Mode mode() const { return m_mode; }
    // False for plain AllowAll, which needs no check at all.
    bool restricts() const { return m_mode == Mode::PublicOnly || !m_networks.isEmpty(); }

    // AllowAll only: when non-empty, connections go only to addresses inside these networks.
    AddressPolicy &restrictTo(QList<Network> networks);
    // PublicOnly only: exact addresses that bypass the check. For tests that serve documents on
    // 127.0.0.1; empty by default, filled only for the origins of the test-only setting
    // gateway.auth.insecure_test_document_origins.
    AddressPolicy &exemptForTesting(QList<QHostAddress> addresses);

    static AddressClass classify(const QHostAddress &address);
    static QString className(AddressClass addressClass);

    // `host` is the URL's host, for the message only.
    Status check(const QHostAddress &address, const QString &host = QString()) const;
    Status check(const sockaddr *address, const QString &host = QString()) const;

private:
    explicit AddressPolicy(Mode mode)
        : m_mode(mode)
    {}

    Mode m_mode = Mode::AllowAll;
    QList<Network> m_networks;
    QList<QHostAddress> m_exempt;
};

} // namespace gatehouse::http
