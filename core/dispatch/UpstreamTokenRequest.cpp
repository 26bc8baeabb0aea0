#include "UpstreamTokenRequest.h"

#include "ParameterSerializer.h"
#include "UpstreamCredential.h"

#include <nlohmann/json.hpp>

namespace gatehouse::dispatch {

namespace {

using nlohmann::json;

constexpr qsizetype kMaxQuoted = 300;

QByteArray formEncode(QByteArrayView utf8)
{
    return ParameterSerializer::percentEncode(utf8);
}

void addField(QByteArray &body, QByteArrayView name, QByteArrayView value)
{
    if (!body.isEmpty())
        body += '&';
    body += formEncode(name) + '=' + formEncode(value);
}

QString endpoint(const UpstreamCredential &c)
{
    return c.tokenUrl.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery |
                                      QUrl::RemoveFragment);
}

// What the endpoint said, as it said it but short, and never with the secret in it: an endpoint
// that echoes what it got must not put the secret into a tool result.
QString quoted(const std::string &text, QByteArrayView secret)
{
    QByteArray bytes = QByteArray::fromStdString(text);
    if (!secret.isEmpty())
        bytes.replace(secret, "[secret]");
    QString out = QString::fromUtf8(bytes).simplified();
    if (out.size() > kMaxQuoted)
        out = out.left(kMaxQuoted) + QChar(0x2026);
    return out;
}

std::string stringField(const json &object, const char *name)
{
    const auto it = object.find(name);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

http::UpstreamRequest UpstreamTokenRequest::build(const UpstreamCredential &credential,
                                                  QByteArrayView secret)
{
    http::UpstreamRequest request;
    request.method = QByteArrayLiteral("POST");
    request.url = credential.tokenUrl;
    request.maxResponseBytes = 256 * 1024;
    request.headers.append({QByteArrayLiteral("Content-Type"),
                            QByteArrayLiteral("application/x-www-form-urlencoded")});
    request.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    QByteArray body;
    if (credential.type == UpstreamCredential::Type::OAuth2RefreshToken) {
        addField(body, "grant_type", "refresh_token");
        addField(body, "refresh_token", secret);
        addField(body, "client_id", credential.clientId.toUtf8());
    } else {
        addField(body, "grant_type", "client_credentials");
        if (!credential.scopes.isEmpty())
            addField(body, "scope", credential.scopes.join(QLatin1Char(' ')).toUtf8());
        // RFC 6749 §2.3.1: each part form-encoded, then HTTP Basic.
        const QByteArray pair = formEncode(credential.clientId.toUtf8()) + ':' + formEncode(secret);
        request.headers.append({QByteArrayLiteral("Authorization"), "Basic " + pair.toBase64()});
    }
    if (!credential.resource.isEmpty())
        addField(body, "resource", credential.resource.toUtf8()); // RFC 8707 §2
    request.body = std::move(body);
    return request;
}

Result<UpstreamTokenRequest::Answer>
UpstreamTokenRequest::parse(const UpstreamCredential &credential,
                            const http::UpstreamResponse &response, QByteArrayView secret,
                            const QString &user)
{
    const json answer =
        json::parse(response.body.constData(), response.body.constData() + response.body.size(),
                    nullptr, false);
    if (response.status < 200 || response.status > 299) {
        const std::string error = answer.is_object() ? stringField(answer, "error") : std::string();
        if (error.empty())
            return Error(ErrorCode::Unavailable,
                         tr("The token endpoint %1 of credential %2 answered HTTP %3 without an "
                            "OAuth error (RFC 6749 §5.2); check token_url, or whether the "
                            "endpoint is down.")
                             .arg(endpoint(credential), credential.name)
                             .arg(response.status));
        const QString description = quoted(stringField(answer, "error_description"), secret);
        const QString said = description.isEmpty()
                                 ? quoted(error, secret)
                                 : tr("%1 (%2)").arg(quoted(error, secret), description);
        if (error == "invalid_grant" &&
            credential.type == UpstreamCredential::Type::OAuth2RefreshToken) {
            const QString command =
                user.isEmpty()
                    ? QStringLiteral("gatehouse credential rotate %1 --from-stdin")
                          .arg(credential.name)
                    : QStringLiteral("gatehouse credential rotate %1 --user %2 --from-stdin")
                          .arg(credential.name, user);
            return Error(ErrorCode::PermissionDenied,
                         tr("The upstream no longer accepts the refresh token stored for "
                            "credential %1: its token endpoint answered %2. Sign in to the "
                            "upstream again and import the new refresh token with: %3")
                             .arg(credential.name, said, command));
        }
        return Error(ErrorCode::PermissionDenied,
                     tr("The token endpoint %1 refused credential %2: it answered %3. Check the "
                        "credential's client_id, secret, scopes and resource.")
                         .arg(endpoint(credential), credential.name, said));
    }
    if (!answer.is_object())
        return Error(ErrorCode::Validation,
                     tr("The token endpoint %1 of credential %2 did not answer with a JSON "
                        "object (RFC 6749 §5.1); check token_url.")
                         .arg(endpoint(credential), credential.name));
    Answer out;
    out.accessToken = QByteArray::fromStdString(stringField(answer, "access_token"));
    if (out.accessToken.isEmpty())
        return Error(ErrorCode::Validation,
                     tr("The token endpoint %1 of credential %2 answered without an access_token; "
                        "check token_url.")
                         .arg(endpoint(credential), credential.name));
    if (!ParameterSerializer::isFieldValue(out.accessToken))
        return Error(ErrorCode::Validation,
                     tr("The token endpoint %1 of credential %2 issued an access token with "
                        "control characters, which cannot be sent in a header.")
                         .arg(endpoint(credential), credential.name));
    // token_type is required (§5.1); a server that leaves it out is taken to mean Bearer.
    const std::string type = stringField(answer, "token_type");
    if (!type.empty() && QString::fromStdString(type).compare(u"bearer", Qt::CaseInsensitive) != 0)
        return Error(ErrorCode::Validation,
                     tr("The token endpoint %1 of credential %2 issued a %3 token; the gateway "
                        "sends Bearer tokens only (RFC 6750).")
                         .arg(endpoint(credential), credential.name, quoted(type, secret)));
    if (const auto expires = answer.find("expires_in"); expires != answer.end()) {
        double seconds = -1;
        if (expires->is_number())
            seconds = expires->get<double>();
        else if (expires->is_string())
            seconds = QString::fromStdString(expires->get<std::string>()).toDouble();
        if (seconds > 0)
            out.lifetime = std::chrono::seconds(qint64(std::min(seconds, 366.0 * 86400)));
        else if (seconds == 0)
            out.lifetime = std::chrono::seconds(0);
    }
    out.refreshToken = QByteArray::fromStdString(stringField(answer, "refresh_token"));
    if (out.refreshToken == secret)
        out.refreshToken.clear();
    return out;
}

Error UpstreamTokenRequest::unreachable(const UpstreamCredential &credential, const Error &error)
{
    return Error(error.code(), tr("The token endpoint %1 of credential %2 could not be reached: "
                                  "%3")
                                   .arg(endpoint(credential), credential.name, error.message()));
}

} // namespace gatehouse::dispatch
