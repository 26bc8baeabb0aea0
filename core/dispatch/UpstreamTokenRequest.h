#pragma once

#include "Result.h"
#include "http/UpstreamRequest.h"
#include "http/UpstreamResponse.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <chrono>

namespace gatehouse::dispatch {

struct UpstreamCredential;

// The request an OAuth 2 credential sends to its upstream token endpoint, and what the answer
// means. client_credentials (RFC 6749 §4.4): the client authenticates with client_secret_basic
// (§2.3.1, the method every server must support) and asks for the credential's scopes.
// refresh_token (§6): the stored refresh token, with client_id in the body as a public client
// (§3.2.1). Both send the RFC 8707 resource when one is configured. Messages name the credential
// and quote what the endpoint answered, never the secret.
class UpstreamTokenRequest
{
    Q_DECLARE_TR_FUNCTIONS(UpstreamTokenRequest)

public:
    // Used when the endpoint gives no expires_in (RFC 6749 §5.1 leaves the default to it); a 401
    // from the upstream API drops the token earlier.
    static constexpr std::chrono::seconds DefaultLifetime{3600};

    struct Answer
    {
        QByteArray accessToken;
        std::chrono::seconds lifetime{DefaultLifetime};
        QByteArray refreshToken; // set when the endpoint issued a new one (rotation, §6)
    };

    // `secret`: the client secret, or the refresh token.
    static http::UpstreamRequest build(const UpstreamCredential &credential, QByteArrayView secret);
    // `user`: whose credential (empty: the owner's), for the command a refused refresh token
    // needs.
    static Result<Answer> parse(const UpstreamCredential &credential,
                                const http::UpstreamResponse &response, QByteArrayView secret,
                                const QString &user);
    // The endpoint could not be reached.
    static Error unreachable(const UpstreamCredential &credential, const Error &error);
};

} // namespace gatehouse::dispatch
