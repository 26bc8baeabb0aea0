#pragma once

#include "http/AddressPolicy.h"

#include <QByteArray>
#include <QList>
#include <QUrl>

#include <chrono>
#include <utility>

namespace gatehouse::http {

// Ordered header fields as they go on the wire; names are sent exactly as given.
using UpstreamHeaders = QList<std::pair<QByteArray, QByteArray>>;

// One request to an upstream (dispatch), an OAuth upstream token endpoint or a metadata/spec
// document. Only the headers listed here are sent, plus Host and, for a body, Content-Length:
// no User-Agent, no Accept, no Expect, no Accept-Encoding, no cookies, no environment proxy.
struct UpstreamRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url; // http or https; no user-info; the fragment is never sent
    UpstreamHeaders headers;
    QByteArray body;

    std::chrono::milliseconds connectTimeout{10'000};
    std::chrono::milliseconds totalTimeout{30'000}; // across redirects
    qint64 maxResponseBytes = 8 * 1024 * 1024;      // body; exceeding it fails the request
    qint64 maxHeaderBytes = 64 * 1024;              // all response header lines together

    // Off by default: a 3xx is returned as it is. When on, only same-origin redirects (scheme,
    // host and port equal, RFC 6454) are followed, at most maxRedirects; a redirect to another
    // origin is returned as the 3xx response, so headers carrying an injected credential never
    // reach another host (SECURITY-CASES "token passthrough").
    bool followRedirects = false;
    int maxRedirects = 5;

    bool requireHttps = false;
    AddressPolicy addressPolicy; // AllowAll by default

    // Explicit proxy URL ("http://proxy:3128"); empty means none. Environment variables are
    // ignored. A PublicOnly request refuses a proxy: its address check would see the proxy.
    QByteArray proxy;
};

} // namespace gatehouse::http
