#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <utility>

namespace gatehouse::dispatch {

// The HTTP proxy for upstream requests, as the conventional environment variables say (the
// curl and wget rules): https_proxy / HTTPS_PROXY for https URLs, http_proxy / HTTP_PROXY for
// http URLs, all_proxy / ALL_PROXY for both; lower case wins. no_proxy / NO_PROXY lists hosts
// reached directly: `*` (everything), a domain (matches it and its subdomains; a leading `.`
// or `*.` means the same), an IP address or CIDR block, each optionally with `:port`. Loopback
// (localhost, *.localhost, 127.0.0.0/8, ::1) is never proxied.
class ProxySettings
{
public:
    static ProxySettings fromEnvironment(
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

    // The proxy URL for a request to `url` ("http://proxy:3128"), or empty for a direct
    // connection; the value for http::UpstreamRequest::proxy.
    QByteArray proxyFor(const QUrl &url) const;

    bool isEmpty() const { return m_httpProxy.isEmpty() && m_httpsProxy.isEmpty(); }

private:
    struct Exclusion
    {
        QString domain; // lower case, without a leading "." or "*."
        std::pair<QHostAddress, int> subnet{QHostAddress(), -1};
        int port = -1; // -1: any port
    };

    bool excluded(const QUrl &url) const;

    QByteArray m_httpProxy;
    QByteArray m_httpsProxy;
    QList<Exclusion> m_exclusions;
    bool m_excludeAll = false;
};

} // namespace gatehouse::dispatch
