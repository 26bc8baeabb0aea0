#include "OAuthResponse.h"

#include "FormData.h"

namespace gatehouse::oauth {

namespace {
void noStore(http::Response &response)
{
    response.setHeader("cache-control", QByteArrayLiteral("no-store"));
    response.setHeader("pragma", QByteArrayLiteral("no-cache"));
}
} // namespace

http::Response OAuthResponse::error(int status, const QString &error, const QString &description)
{
    return json(status,
                {{"error", error.toStdString()}, {"error_description", description.toStdString()}});
}

http::Response OAuthResponse::tooManyRequests(const QString &description,
                                              std::chrono::seconds retryAfter)
{
    http::Response response = error(429, QStringLiteral("temporarily_unavailable"), description);
    response.setHeader("retry-after", QByteArray::number(qint64(retryAfter.count())));
    return response;
}

http::Response OAuthResponse::json(int status, const nlohmann::json &body)
{
    http::Response response = http::Response::json(
        status, QByteArray::fromStdString(
                    body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
    noStore(response);
    return response;
}

http::Response OAuthResponse::metadata(const nlohmann::json &body)
{
    http::Response response = http::Response::json(200, QByteArray::fromStdString(body.dump()));
    response.setHeader("cache-control", QByteArrayLiteral("public, max-age=300"));
    return response;
}

http::Response OAuthResponse::redirect(int status, const QString &uri, const Parameters &parameters)
{
    QByteArray location = uri.toUtf8();
    char separator = location.contains('?') ? '&' : '?';
    for (const auto &[name, value] : parameters) {
        if (value.isNull())
            continue;
        location += separator + FormData::encode(name) + '=' + FormData::encode(value);
        separator = '&';
    }
    http::Response response(status);
    response.setHeader("location", location);
    noStore(response);
    return response;
}

http::Response OAuthResponse::html(int status, const QByteArray &body)
{
    http::Response response(status, {}, body);
    response.setHeader("content-type", QByteArrayLiteral("text/html; charset=utf-8"));
    response.setHeader("content-security-policy",
                       // No form-action: browsers apply it to the redirect after the
                       // form, which goes to the client's redirect_uri.
                       QByteArrayLiteral("default-src 'none'; style-src 'unsafe-inline'; "
                                         "frame-ancestors 'none'; base-uri 'none'"));
    response.setHeader("x-frame-options", QByteArrayLiteral("DENY"));
    response.setHeader("x-content-type-options", QByteArrayLiteral("nosniff"));
    // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on the page's
    // own form POST, which the DNS rebinding check refuses; the redirect to the client still
    // carries no Referer.
    response.setHeader("referrer-policy", QByteArrayLiteral("same-origin"));
    noStore(response);
    return response;
}

} // namespace gatehouse::oauth
