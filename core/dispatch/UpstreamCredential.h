#pragma once

#include "Result.h"
#include "config/Config.h"
#include "http/UpstreamRequest.h"
#include "openapi/Spec.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace gatehouse::dispatch {

// A credential the gateway sends to an upstream on the caller's behalf: a static secret, or an
// OAuth 2 client whose access tokens the dispatcher obtains (TokenCache). The secret never appears
// in a message or a log line.
struct UpstreamCredential
{
    enum class Type
    {
        ApiKey,
        Bearer, // Authorization: Bearer <secret> (RFC 6750 §2.1)
        Basic,  // Authorization: Basic base64(<secret>), secret "user:password" (RFC 7617)
        // The secret is the client secret; access tokens come from tokenUrl (RFC 6749 §4.4).
        OAuth2ClientCredentials,
        // The secret is a refresh token, exchanged at tokenUrl (RFC 6749 §6).
        OAuth2RefreshToken,
    };

    QString name; // for messages: the credential's name in the config
    Type type = Type::ApiKey;
    // ApiKey: where the key goes. Absent (or param empty): from the operation's apiKey scheme.
    std::optional<config::ParamLocation> in;
    QString param;
    QByteArray secret;
    // OAuth2 types: the token endpoint and what is sent to it.
    QUrl tokenUrl;
    QString clientId;
    QStringList scopes;
    QString resource; // RFC 8707 resource indicator; empty: none

    bool isOAuth2() const
    {
        return type == Type::OAuth2ClientCredentials || type == Type::OAuth2RefreshToken;
    }

    // A config credential with its secret resolved (SecretResolver).
    static Result<UpstreamCredential> fromConfig(const config::Credential &credential);
    // The same without the secret, for one the vault decrypts at each call.
    static Result<UpstreamCredential> withoutSecret(const config::Credential &credential);

    Q_DECLARE_TR_FUNCTIONS(UpstreamCredential)
};

// Puts the credential into the request, replacing any header, query parameter or cookie of the
// same name. A Bearer or Basic credential always goes into Authorization; an OAuth2 credential
// cannot be injected as it is (the dispatcher sends the access token as a Bearer credential). An
// ApiKey goes where the credential says (in + param); otherwise where the first apiKey scheme of
// the operation's security requirements says (in order, matching `in` or `param` when only one is
// given). An operation that allows anonymous access gets no key when nothing says where it goes.
Status inject(http::UpstreamRequest &request, const UpstreamCredential &credential,
              const openapi::SpecOperation &operation,
              const QMap<QString, openapi::SecurityScheme> &schemes);

} // namespace gatehouse::dispatch
