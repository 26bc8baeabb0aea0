#include "AddressPolicy.h"

#include <QCoreApplication>

#include <sys/socket.h>

namespace gatehouse::http {

namespace {

bool inV4(quint32 address, quint32 network, int prefix)
{
    const quint32 mask = prefix == 0 ? 0 : ~quint32(0) << (32 - prefix);
    return (address & mask) == (network & mask);
}

constexpr quint32 v4(quint8 a, quint8 b, quint8 c, quint8 d)
{
    return quint32(a) << 24 | quint32(b) << 16 | quint32(c) << 8 | d;
}

// IANA IPv4 Special-Purpose Address Registry (RFC 6890 and updates).
AddressPolicy::AddressClass classifyV4(quint32 a)
{
    using C = AddressPolicy::AddressClass;
    if (inV4(a, v4(0, 0, 0, 0), 8))
        return C::Unspecified;
    if (inV4(a, v4(127, 0, 0, 0), 8))
        return C::Loopback;
    if (inV4(a, v4(10, 0, 0, 0), 8) || inV4(a, v4(172, 16, 0, 0), 12) ||
        inV4(a, v4(192, 168, 0, 0), 16))
        return C::Private;
    if (inV4(a, v4(100, 64, 0, 0), 10))
        return C::SharedCgnat;
    if (inV4(a, v4(169, 254, 0, 0), 16))
        return C::LinkLocal;
    if (inV4(a, v4(224, 0, 0, 0), 4) || a == v4(255, 255, 255, 255))
        return C::Multicast;
    if (inV4(a, v4(192, 0, 0, 0), 24) ||    // IETF protocol assignments
        inV4(a, v4(192, 0, 2, 0), 24) ||    // TEST-NET-1
        inV4(a, v4(192, 88, 99, 0), 24) ||  // 6to4 relay anycast
        inV4(a, v4(198, 18, 0, 0), 15) ||   // benchmarking
        inV4(a, v4(198, 51, 100, 0), 24) || // TEST-NET-2
        inV4(a, v4(203, 0, 113, 0), 24) ||  // TEST-NET-3
        inV4(a, v4(240, 0, 0, 0), 4))       // reserved
        return C::Reserved;
    return C::Public;
}

quint32 v4At(const Q_IPV6ADDR &b, int offset)
{
    return quint32(b[offset]) << 24 | quint32(b[offset + 1]) << 16 | quint32(b[offset + 2]) << 8 |
           b[offset + 3];
}

bool zero(const Q_IPV6ADDR &b, int from, int to)
{
    for (int i = from; i < to; ++i)
        if (b[i] != 0)
            return false;
    return true;
}

// IANA IPv6 Special-Purpose Address Registry; forms that carry an IPv4 address are judged by it.
AddressPolicy::AddressClass classifyV6(const Q_IPV6ADDR &b)
{
    using C = AddressPolicy::AddressClass;
    if (zero(b, 0, 10) && b[10] == 0xff && b[11] == 0xff) // ::ffff:0:0/96 mapped (RFC 4291)
        return classifyV4(v4At(b, 12));
    if (zero(b, 0, 8) && b[8] == 0xff && b[9] == 0xff && zero(b, 10, 12)) // ::ffff:0:0:0/96
        return classifyV4(v4At(b, 12));                                   // (RFC 2765)
    if (zero(b, 0, 12)) {
        if (zero(b, 12, 15) && b[15] <= 1)
            return b[15] == 0 ? C::Unspecified : C::Loopback;
        // ::a.b.c.d, the deprecated IPv4-compatible form: never a usable public address.
        const auto embedded = classifyV4(v4At(b, 12));
        return embedded == C::Public ? C::Reserved : embedded;
    }
    // 64:ff9b::/96, the NAT64 well-known prefix (RFC 6052).
    if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && zero(b, 4, 12))
        return classifyV4(v4At(b, 12));
    if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) // 64:ff9b:1::/48 local-use
        return C::Reserved;                                           // (RFC 8215)
    if (b[0] == 0x20 && b[1] == 0x02) // 2002::/16 6to4 (RFC 3056) embeds an IPv4 address
        return classifyV4(v4At(b, 2));
    if (b[0] == 0xff)
        return C::Multicast;
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
        return C::LinkLocal;
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) // fec0::/10 site-local (deprecated)
        return C::Private;
    if ((b[0] & 0xfe) == 0xfc)
        return C::UniqueLocal;
    if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00) // Teredo 2001::/32
        return C::Reserved;
    if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) // documentation
        return C::Reserved;
    if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && (b[3] & 0xf0) == 0x10) // ORCHID
        return C::Reserved;
    if ((b[0] & 0xe0) != 0x20) // outside 2000::/3 global unicast
        return C::Reserved;
    return C::Public;
}

} // namespace

AddressPolicy &AddressPolicy::restrictTo(QList<Network> networks)
{
    m_networks = std::move(networks);
    return *this;
}

AddressPolicy &AddressPolicy::exemptForTesting(QList<QHostAddress> addresses)
{
    m_exempt = std::move(addresses);
    return *this;
}

AddressPolicy::AddressClass AddressPolicy::classify(const QHostAddress &address)
{
    switch (address.protocol()) {
    case QAbstractSocket::IPv4Protocol:
        return classifyV4(address.toIPv4Address());
    case QAbstractSocket::IPv6Protocol:
        return classifyV6(address.toIPv6Address());
    default:
        return AddressClass::Invalid;
    }
}

QString AddressPolicy::className(AddressClass addressClass)
{
    switch (addressClass) {
    case AddressClass::Public:
        return AddressPolicy::tr("public address");
    case AddressClass::Unspecified:
        return AddressPolicy::tr("unspecified address");
    case AddressClass::Loopback:
        return AddressPolicy::tr("loopback address");
    case AddressClass::Private:
        return AddressPolicy::tr("private network address");
    case AddressClass::SharedCgnat:
        return AddressPolicy::tr("shared (carrier-grade NAT) address");
    case AddressClass::LinkLocal:
        return AddressPolicy::tr("link-local address");
    case AddressClass::UniqueLocal:
        return AddressPolicy::tr("unique-local address");
    case AddressClass::Multicast:
        return AddressPolicy::tr("multicast or broadcast address");
    case AddressClass::Reserved:
        return AddressPolicy::tr("reserved or special-purpose address");
    case AddressClass::Invalid:
        break;
    }
    return AddressPolicy::tr("invalid address");
}

Status AddressPolicy::check(const QHostAddress &address, const QString &host) const
{
    const QString shown = host.isEmpty() || host == address.toString()
                              ? address.toString()
                              : host + QStringLiteral(" (") + address.toString() + u')';
    if (m_mode == Mode::AllowAll) {
        if (m_networks.isEmpty())
            return {};
        for (const auto &network : m_networks)
            if (address.isInSubnet(network))
                return {};
        return Error(ErrorCode::PermissionDenied,
                     AddressPolicy::tr(
                         "connection to %1 refused: the address is outside the networks allowed "
                         "for this upstream")
                         .arg(shown));
    }
    for (const auto &exempt : m_exempt)
        if (exempt.isEqual(address, QHostAddress::ConvertV4MappedToIPv4))
            return {};
    const AddressClass addressClass = classify(address);
    if (addressClass == AddressClass::Public)
        return {};
    return Error(ErrorCode::PermissionDenied,
                 AddressPolicy::tr(
                     "connection to %1 refused for SSRF protection: it is a %2, and this request "
                     "may only reach public addresses")
                     .arg(shown, className(addressClass)));
}

Status AddressPolicy::check(const sockaddr *address, const QString &host) const
{
    if (!address || (address->sa_family != AF_INET && address->sa_family != AF_INET6))
        return Error(
            ErrorCode::PermissionDenied,
            AddressPolicy::tr("connection refused: only IPv4 and IPv6 addresses are allowed"));
    return check(QHostAddress(address), host);
}

} // namespace gatehouse::http
