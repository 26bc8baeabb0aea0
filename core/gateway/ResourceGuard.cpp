#include "ResourceGuard.h"

#include "Logging.h"
#include "http/Request.h"
#include "oauth/TokenService.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace gatehouse::gateway {

namespace {

// RFC 6750 section 2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
bool isB64Token(QByteArrayView token)
{
    qsizetype i = 0;
    for (; i < token.size(); ++i) {
        const char c = token[i];
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' ||
                        c == '+' || c == '/';
        if (!ok)
            break;
    }
    if (i == 0)
        return false;
    for (; i < token.size(); ++i) {
        if (token[i] != '=')
            return false;
    }
    return true;
}

bool queryCarriesToken(const QByteArray &query)
{
    if (query.isEmpty())
        return false;
    for (QByteArrayView item : query.split('&')) {
        const qsizetype eq = item.indexOf('=');
        if ((eq < 0 ? item : item.first(eq)) == "access_token")
            return true;
    }
    return false;
}

// RFC 6750 section 3: error_description is %x20-21 / %x23-5B / %x5D-7E inside the quotes.
QByteArray quotable(const QString &text)
{
    QByteArray out;
    out.reserve(text.size());
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'"')
            out += '\'';
        else if (u < 0x20 || u > 0x7e || u == u'\\')
            out += '?';
        else
            out += char(u);
    }
    return out;
}

struct Challenge
{
    int status = 401;
    QByteArray error; // empty: no credentials, so no error code (RFC 6750 section 3.1)
    QString description;
    QString scope;
};

http::Response respond(const Challenge &c, const QByteArray &metadataUrl)
{
    QByteArray header = "Bearer ";
    if (!c.error.isEmpty()) {
        header += "error=\"" + c.error + "\", ";
        if (!c.scope.isEmpty())
            header += "scope=\"" + quotable(c.scope) + "\", ";
        header += "error_description=\"" + quotable(c.description) + "\", ";
    }
    header += "resource_metadata=\"" + metadataUrl + '"';

    QJsonObject body;
    if (!c.error.isEmpty())
        body.insert(u"error"_s, QString::fromLatin1(c.error));
    body.insert(u"error_description"_s, c.description);
    if (!c.scope.isEmpty())
        body.insert(u"scope"_s, c.scope);
    http::Response response(c.status,
                            {{"WWW-Authenticate", header},
                             {"Content-Type", "application/json"},
                             {"Cache-Control", "no-store"}},
                            QJsonDocument(body).toJson(QJsonDocument::Compact));
    return response;
}

} // namespace

ResourceGuard::Credentials ResourceGuard::readCredentials(const http::Request &request)
{
    Credentials result;
    const http::Headers &headers = request.headers();
    const qsizetype fields = headers.count("authorization");
    if (fields == 0) {
        if (queryCarriesToken(request.query()))
            result.problem = tr("a token in the query string is not accepted: send it in the "
                                "Authorization header as Bearer TOKEN");
        return result;
    }
    if (fields > 1) {
        result.kind = Credentials::Kind::Malformed;
        result.problem = tr("the request has more than one Authorization header: send one");
        return result;
    }
    // RFC 6750 section 2: one method per request.
    if (queryCarriesToken(request.query())) {
        result.kind = Credentials::Kind::Malformed;
        result.problem = tr("the request carries a token in both the Authorization header and "
                            "the query string: send it only in the header");
        return result;
    }
    const QByteArray value = headers.value("authorization").trimmed();
    const qsizetype space = value.indexOf(' ');
    const QByteArrayView scheme = QByteArrayView(value).first(space < 0 ? value.size() : space);
    if (scheme.compare("Bearer", Qt::CaseInsensitive) != 0) {
        result.problem =
            tr("the Authorization header uses the %1 scheme; this endpoint takes Bearer TOKEN")
                .arg(QString::fromLatin1(quotable(
                    QString::fromLatin1(scheme.first(qMin<qsizetype>(scheme.size(), 20))))));
        return result;
    }
    QByteArrayView token = space < 0 ? QByteArrayView() : QByteArrayView(value).sliced(space);
    while (!token.isEmpty() && token.front() == ' ')
        token = token.sliced(1);
    if (token.isEmpty()) {
        result.kind = Credentials::Kind::Malformed;
        result.problem = tr("the Authorization header names the Bearer scheme but no token");
        return result;
    }
    if (token.contains(' ') || token.contains('\t')) {
        result.kind = Credentials::Kind::Malformed;
        result.problem = tr("the Authorization header holds more than one token: send exactly one");
        return result;
    }
    if (token.size() > oauth::TokenService::maxTokenLength) {
        result.kind = Credentials::Kind::MalformedToken;
        result.problem = tr("the bearer token is longer than %1 bytes, so it is not one this "
                            "gateway issued")
                             .arg(oauth::TokenService::maxTokenLength);
        return result;
    }
    if (!isB64Token(token)) {
        result.kind = Credentials::Kind::MalformedToken;
        result.problem = tr("the bearer token holds characters a token cannot have "
                            "(RFC 6750 section 2.1)");
        return result;
    }
    result.kind = Credentials::Kind::Bearer;
    result.token = QString::fromLatin1(token);
    return result;
}

QByteArray ResourceGuard::metadataUrl(const QUrl &publicUrl, const QString &server)
{
    // RFC 9728 section 3.1: the well-known segment goes between the host and the resource's
    // path, so https://gw.example/base/mcp/S has its metadata at
    // https://gw.example/.well-known/oauth-protected-resource/base/mcp/S.
    QString path = publicUrl.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    const QUrl origin = publicUrl.adjusted(QUrl::RemovePath | QUrl::RemoveQuery |
                                           QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    return origin.toString(QUrl::FullyEncoded).toUtf8() + "/.well-known/oauth-protected-resource" +
           QUrl::toPercentEncoding(path, "/") + "/mcp/" + QUrl::toPercentEncoding(server);
}

http::Response ResourceGuard::insufficientScope(const QUrl &publicUrl, const QString &server,
                                                const QString &description, const QString &scope)
{
    return respond({403, "insufficient_scope", description, scope}, metadataUrl(publicUrl, server));
}

ResourceGuard::Outcome ResourceGuard::check(const http::Request &request, const QString &server,
                                            const QUrl &publicUrl,
                                            const oauth::TokenService *tokens, const QDateTime &now)
{
    const auto refuse = [&](const Challenge &c) {
        const QString where =
            u"%1 %2 from %3"_s.arg(QString::fromLatin1(request.method()), request.path(),
                                   request.clientAddress().toString());
        if (c.error.isEmpty())
            qCDebug(lcOAuth).noquote() << "no bearer token:" << where << ":" << c.description;
        else
            qCInfo(lcOAuth).noquote() << u"refused %1 (%2 %3): %4"_s.arg(
                where, QString::number(c.status), QString::fromLatin1(c.error), c.description);
        // RFC 9728 section 5.1: tell the client where the resource's metadata is (built only for
        // a refusal: an accepted request does not pay for it).
        return Outcome{std::nullopt, respond(c, metadataUrl(publicUrl, server))};
    };

    const Credentials credentials = readCredentials(request);
    switch (credentials.kind) {
    case Credentials::Kind::None: {
        QString how = tr("this MCP endpoint needs a bearer token: sign in through your MCP client "
                         "(it finds the sign-in page from resource_metadata), or ask the "
                         "gateway's owner for a token (gatehouse token mint --user NAME --server "
                         "%1) and send it as Authorization: Bearer TOKEN")
                          .arg(server);
        if (!credentials.problem.isEmpty())
            how = credentials.problem + u"; "_s + how;
        return refuse({401, {}, how, {}});
    }
    case Credentials::Kind::Malformed:
        return refuse({400, "invalid_request", credentials.problem, {}});
    case Credentials::Kind::MalformedToken:
        return refuse({401, "invalid_token", credentials.problem, {}});
    case Credentials::Kind::Bearer:
        break;
    }
    if (!tokens)
        return refuse({401,
                       "invalid_token",
                       tr("this gateway runs without a store, so it cannot check tokens"),
                       {}});

    const auto verdict = tokens->verify(credentials.token, server, now);
    if (verdict.ok()) {
        const oauth::TokenService::Caller &c = *verdict.caller;
        qCDebug(lcOAuth).noquote() << "token" << c.tokenId << "of user" << c.user << "on" << server;
        return Outcome{
            mcp::Caller{c.user, c.clientId, c.scopes, c.tokenHash, c.spendCap, c.everyAction},
            http::Response()};
    }
    const oauth::TokenService::Rejection &r = verdict.rejection;
    switch (r.failure) {
    case oauth::TokenService::Failure::MissingScope:
        return refuse({403, "insufficient_scope", r.description, r.neededScope});
    case oauth::TokenService::Failure::StoreUnavailable: {
        // Not the client's fault, so no Bearer challenge.
        http::Response response = http::Response::error(503, r.description);
        response.setHeader("Retry-After", "5");
        return Outcome{std::nullopt, std::move(response)};
    }
    default:
        return refuse({401, "invalid_token", r.description, {}});
    }
}

} // namespace gatehouse::gateway
