#pragma once

#include "Result.h"
#include "http/AddressPolicy.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QUrl>

#include <chrono>

namespace gatehouse::http {

// Fetches one small document by URL (OpenAPI specs named by URL, remote $refs, Client ID
// Metadata Documents) with the SSRF defences of SECURITY-CASES.md: http(s) only, no user-info,
// same-origin redirects only, size and time limits, and the address policy applied to the
// address actually connected to (so DNS rebinding cannot bypass it).
//
// Error messages name the URL without its query, which may carry a key.
class DocumentFetcher
{
    Q_DECLARE_TR_FUNCTIONS(DocumentFetcher)

public:
    struct Options
    {
        AddressPolicy addressPolicy; // AllowAll: owner-configured URL; PublicOnly otherwise
        qint64 maxBytes = 64 * 1024 * 1024;
        std::chrono::milliseconds timeout{30'000}; // total, across same-origin redirects
        bool requireHttps = false;
        int maxRedirects = 5; // same-origin only; 0 refuses every redirect (CIMD)
    };

    struct Document
    {
        QByteArray body;
        QByteArray contentType; // as sent, parameters included; null when absent
        QUrl finalUrl;          // after same-origin redirects; without the fragment
    };

    // Blocking: spins a local QEventLoop until the answer arrives, so other events of this
    // thread run meanwhile. Call it from a thread that may block (config and catalog loading,
    // the CLI), never from a gateway worker's request handling. Needs a QCoreApplication.
    static Result<Document> fetch(const QUrl &url, const Options &options);

    // The URL as it appears in messages: no user-info, no fragment, the query shown as "?…".
    static QString displayUrl(const QUrl &url);
};

} // namespace gatehouse::http
