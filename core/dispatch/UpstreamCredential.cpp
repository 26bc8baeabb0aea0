#include "UpstreamCredential.h"

#include "ParameterSerializer.h"
#include "SecretResolver.h"
#include "http/Headers.h"

#include <QUrl>

namespace gatehouse::dispatch {

using config::ParamLocation;

namespace {

void setHeader(http::UpstreamRequest &request, const QByteArray &name, const QByteArray &value)
{
    request.headers.removeIf(
        [&](const auto &field) { return http::Headers::equalNames(field.first, name); });
    request.headers.append({name, value});
}

void setQueryParameter(http::UpstreamRequest &request, const QString &name, const QByteArray &value)
{
    const QByteArray encodedName = ParameterSerializer::percentEncode(name.toUtf8());
    QList<QByteArray> kept;
    const QByteArray query = request.url.query(QUrl::FullyEncoded).toLatin1();
    for (const QByteArray &pair : query.split('&')) {
        if (pair.isEmpty())
            continue;
        const QByteArray pairName = pair.left(pair.indexOf('='));
        if (ParameterSerializer::percentDecode(pairName) != name.toUtf8())
            kept.append(pair);
    }
    kept.append(encodedName + '=' + ParameterSerializer::percentEncode(value));
    request.url.setQuery(QString::fromLatin1(kept.join('&')), QUrl::StrictMode);
}

void setCookie(http::UpstreamRequest &request, const QByteArray &name, const QByteArray &value)
{
    QList<QByteArray> pairs;
    for (const auto &[fieldName, fieldValue] : std::as_const(request.headers)) {
        if (!http::Headers::equalNames(fieldName, "Cookie"))
            continue;
        for (QByteArray pair : fieldValue.split(';')) {
            pair = pair.trimmed();
            if (!pair.isEmpty() && pair.left(pair.indexOf('=')) != name)
                pairs.append(pair);
        }
    }
    pairs.append(name + '=' + value);
    setHeader(request, "Cookie", pairs.join("; "));
}

bool allowsAnonymous(const openapi::SpecOperation &operation)
{
    if (!operation.securityInherited && operation.security.isEmpty())
        return true; // `security: []` on the operation
    for (const openapi::SecurityRequirement &requirement : operation.security)
        if (requirement.isEmpty())
            return true;
    return false;
}

std::optional<ParamLocation> locationFromScheme(const QString &in)
{
    if (in == u"header")
        return ParamLocation::Header;
    if (in == u"query")
        return ParamLocation::Query;
    if (in == u"cookie")
        return ParamLocation::Cookie;
    return std::nullopt;
}

struct Placement
{
    ParamLocation in = ParamLocation::Header;
    QString param;
};

std::optional<Placement> apiKeyPlacement(const UpstreamCredential &c,
                                         const openapi::SpecOperation &operation,
                                         const QMap<QString, openapi::SecurityScheme> &schemes)
{
    if (c.in && !c.param.isEmpty())
        return Placement{*c.in, c.param};
    for (const openapi::SecurityRequirement &requirement : operation.security) {
        for (auto it = requirement.cbegin(); it != requirement.cend(); ++it) {
            const auto scheme = schemes.constFind(it.key());
            if (scheme == schemes.cend() || scheme->type != u"apiKey")
                continue;
            const std::optional<ParamLocation> in = locationFromScheme(scheme->in);
            if (!in || scheme->parameterName.isEmpty())
                continue;
            if (c.in && *c.in != *in)
                continue;
            if (!c.param.isEmpty() && c.param != scheme->parameterName)
                continue;
            return Placement{*in, scheme->parameterName};
        }
    }
    if (!c.param.isEmpty())
        return Placement{c.in.value_or(ParamLocation::Header), c.param};
    return std::nullopt;
}

QString described(const UpstreamCredential &c)
{
    return c.name.isEmpty() ? UpstreamCredential::tr("the upstream credential")
                            : UpstreamCredential::tr("credential %1").arg(c.name);
}

} // namespace

Result<UpstreamCredential> UpstreamCredential::withoutSecret(const config::Credential &credential)
{
    UpstreamCredential c;
    c.name = credential.name;
    switch (credential.type) {
    case config::CredentialType::ApiKey:
        c.type = Type::ApiKey;
        c.in = credential.in;
        c.param = credential.param.value_or(QString());
        break;
    case config::CredentialType::Bearer:
        c.type = Type::Bearer;
        break;
    case config::CredentialType::Basic:
        c.type = Type::Basic;
        break;
    case config::CredentialType::OAuth2ClientCredentials:
    case config::CredentialType::OAuth2RefreshToken:
        c.type = credential.type == config::CredentialType::OAuth2ClientCredentials
                     ? Type::OAuth2ClientCredentials
                     : Type::OAuth2RefreshToken;
        c.tokenUrl = credential.tokenUrl.value_or(QUrl());
        c.clientId = credential.clientId.value_or(QString());
        c.scopes = credential.scopes.value_or(QStringList());
        c.resource = credential.resource.value_or(QString());
        if (!c.tokenUrl.isValid() ||
            (c.tokenUrl.scheme() != u"http" && c.tokenUrl.scheme() != u"https"))
            return Error(ErrorCode::Validation,
                         tr("Credential %1 needs token_url, the http(s) address of the upstream's "
                            "token endpoint.")
                             .arg(credential.name));
        if (c.clientId.isEmpty())
            return Error(ErrorCode::Validation,
                         tr("Credential %1 needs client_id, the client the upstream issued to the "
                            "gateway.")
                             .arg(credential.name));
        break;
    }
    return c;
}

Result<UpstreamCredential> UpstreamCredential::fromConfig(const config::Credential &credential)
{
    auto described = withoutSecret(credential);
    if (!described)
        return described;
    UpstreamCredential c = std::move(described).value();
    if (!credential.secret)
        return Error(ErrorCode::Validation,
                     tr("Credential %1 has no secret; add `secret: {env: NAME}` or "
                        "`secret: {file: PATH}` to it.")
                         .arg(credential.name));
    Result<QByteArray> secret = SecretResolver::resolve(*credential.secret);
    if (!secret)
        return secret.error().withContext(tr("credential %1").arg(credential.name));
    c.secret = std::move(secret).value();
    return c;
}

Status inject(http::UpstreamRequest &request, const UpstreamCredential &credential,
              const openapi::SpecOperation &operation,
              const QMap<QString, openapi::SecurityScheme> &schemes)
{
    using Type = UpstreamCredential::Type;
    // Only the name goes into messages, never the secret.
    if (credential.secret.isEmpty())
        return Error(ErrorCode::Validation,
                     UpstreamCredential::tr("The secret of %1 is empty; set it and reload.")
                         .arg(described(credential)));
    if (!ParameterSerializer::isFieldValue(credential.secret)) // CR, LF, NUL and other controls
        return Error(ErrorCode::Validation,
                     UpstreamCredential::tr("The secret of %1 contains a line break or another "
                                            "control character, which cannot be sent in a "
                                            "request; store it without them.")
                         .arg(described(credential)));

    switch (credential.type) {
    case Type::Bearer:
        setHeader(request, "Authorization", "Bearer " + credential.secret);
        return {};
    case Type::Basic:
        if (!credential.secret.contains(':'))
            return Error(ErrorCode::Validation,
                         UpstreamCredential::tr("The secret of %1 must be user:password for basic "
                                                "authentication (RFC 7617); write `user:` when "
                                                "there is no password.")
                             .arg(described(credential)));
        setHeader(request, "Authorization", "Basic " + credential.secret.toBase64());
        return {};
    case Type::OAuth2ClientCredentials:
    case Type::OAuth2RefreshToken:
        return Error(ErrorCode::Internal,
                     UpstreamCredential::tr("%1 is an OAuth 2 credential: its access token is "
                                            "sent, not its secret.")
                         .arg(described(credential)));
    case Type::ApiKey:
        break;
    }

    const std::optional<Placement> placement = apiKeyPlacement(credential, operation, schemes);
    if (!placement) {
        if (allowsAnonymous(operation))
            return {};
        return Error(ErrorCode::Validation,
                     UpstreamCredential::tr("Operation %1 declares no apiKey security scheme that "
                                            "says where %2 goes; add `in:` (header, query or "
                                            "cookie) and `param:` to the credential.")
                         .arg(operation.key(), described(credential)));
    }
    const QByteArray name = placement->param.toUtf8();
    switch (placement->in) {
    case ParamLocation::Header:
        if (!http::isToken(name))
            return Error(ErrorCode::Validation,
                         UpstreamCredential::tr("The header name %1 for %2 is not a valid header "
                                                "name; fix `param:` or the security scheme.")
                             .arg(placement->param, described(credential)));
        setHeader(request, name, credential.secret);
        return {};
    case ParamLocation::Query:
        setQueryParameter(request, placement->param, credential.secret);
        return {};
    case ParamLocation::Cookie:
        if (!http::isToken(name))
            return Error(ErrorCode::Validation,
                         UpstreamCredential::tr("The cookie name %1 for %2 is not a valid cookie "
                                                "name; fix `param:` or the security scheme.")
                             .arg(placement->param, described(credential)));
        if (!ParameterSerializer::isCookieValue(credential.secret))
            return Error(ErrorCode::Validation,
                         UpstreamCredential::tr("The secret of %1 contains characters a cookie "
                                                "cannot carry (RFC 6265: spaces, quotes, commas, "
                                                "semicolons or backslashes); send it in a header "
                                                "or query parameter instead.")
                             .arg(described(credential)));
        setCookie(request, name, credential.secret);
        return {};
    }
    return {};
}

} // namespace gatehouse::dispatch
