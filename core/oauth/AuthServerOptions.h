#pragma once

#include <QList>
#include <QString>
#include <QUrl>

#include <chrono>

namespace gatehouse::oauth {

// The owner's settings for the authorization server (gateway.auth in the configuration).
struct AuthServerOptions
{
    // Who may register clients at /oauth/register (RFC 7591 section 3).
    enum class Registration
    {
        Loopback, // callers on this machine (the default: desktop MCP clients register themselves)
        Open,     // anyone who reaches the gateway
        Token,    // callers presenting the initial access token (RFC 7591 section 3.1)
        Off,      // nobody: clients are issued by the owner or named by metadata documents
    };

    Registration registration = Registration::Loopback;
    QString registrationTokenHash; // SHA-256 hex of the initial access token (Registration::Token)
    std::chrono::seconds accessTokenTtl{3600};
    std::chrono::seconds refreshTokenTtl{30 * 24 * 3600};
    std::chrono::seconds codeTtl{600}; // at most 10 minutes (OAuth 2.1 section 4.1.2)
    bool clientMetadataDocuments = true;
    // Test-only: origins (scheme://host:port) whose client metadata documents may be fetched over
    // plain http from a loopback address. Empty unless a test sets it; never set it in production.
    QList<QUrl> insecureDocumentOrigins;

    bool operator==(const AuthServerOptions &) const = default;
};

} // namespace gatehouse::oauth
