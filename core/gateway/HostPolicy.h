#pragma once

#include <QByteArray>
#include <QStringList>
#include <QUrl>

namespace gatehouse::gateway {

// DNS-rebinding defence (MCP transports, "Security Warning"; SECURITY-CASES.md): the Host of every
// request and the Origin of browser requests must name this gateway. Allowed: the public_url's
// host, the loopback names, and gateway.allowed_hosts.
class HostPolicy
{
public:
    HostPolicy() = default;
    HostPolicy(const QUrl &publicUrl, const QStringList &allowedHosts);

    // The Host header value, with or without a port.
    bool allowsHost(QByteArrayView host) const;
    // An absent Origin passes (non-browser clients send none); "null" and foreign origins do not.
    bool allowsOrigin(QByteArrayView origin) const;

    // "example.com:8787" -> "example.com", "[::1]:80" -> "::1"; lower-cased.
    static QString hostName(QByteArrayView host);

private:
    QStringList m_hosts;
};

} // namespace gatehouse::gateway
