#pragma once

#include <QList>
#include <QString>

#include <chrono>

namespace gatehouse::http {

// Limits of the HTTP server. The defaults are those of SECURITY-CASES.md ("HTTP limits").
struct ServerLimits
{
    struct BodyLimit
    {
        QString pathPrefix; // e.g. "/oauth/"
        qint64 maxBytes = 0;
    };

    qsizetype maxRequestLine = 8 * 1024;  // over it: 414
    qsizetype maxHeaderLine = 8 * 1024;   // one field line; over it: 431
    qsizetype maxHeaderBlock = 16 * 1024; // all field lines together; over it: 431
    int maxHeaderCount = 100;             // over it: 431
    qint64 maxBody = 1024 * 1024;         // over it: 413 (chunked: decoded size)
    // Per-route overrides; the longest matching prefix wins (the OAuth endpoints use 64 KiB).
    QList<BodyLimit> bodyLimits;

    std::chrono::milliseconds headersTimeout{10'000}; // first byte to end of headers: 408, close
    std::chrono::milliseconds bodyTimeout{30'000};    // end of headers to end of body: 408, close
    std::chrono::milliseconds idleTimeout{75'000};    // keep-alive with nothing to do: close
    int maxRequestsPerConnection = 1000;              // the last response carries Connection: close

    int maxConnections = 256;          // over it: 503 and close
    int maxConnectionsPerAddress = 32; // per non-loopback peer address; over it: 503 and close
    int maxPipelined = 16;             // unanswered requests per connection before reading pauses

    qint64 bodyLimitFor(QStringView path) const;
};

} // namespace gatehouse::http
