#pragma once

#include "http/Response.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <chrono>
#include <nlohmann/json.hpp>

namespace gatehouse::oauth {

// The shapes of the authorization server's answers.
class OAuthResponse
{
public:
    using Parameters = QList<std::pair<QString, QString>>;

    // RFC 6749 section 5.2: {"error", "error_description"}; never cached. error_description is
    // required here: a bare error code tells nobody what to do.
    static http::Response error(int status, const QString &error, const QString &description);
    // 429 with Retry-After (RFC 6585 section 4); the error code is temporarily_unavailable.
    static http::Response tooManyRequests(const QString &description,
                                          std::chrono::seconds retryAfter);
    // A JSON document that carries tokens or secrets: Cache-Control: no-store (RFC 6749 5.1).
    static http::Response json(int status, const nlohmann::json &body);
    // Public metadata: cacheable for a short while.
    static http::Response metadata(const nlohmann::json &body);
    // 302 from GET, 303 after a POST (RFC 9700 section 4.12: never 307 after the login form).
    static http::Response redirect(int status, const QString &uri, const Parameters &parameters);
    // A page for people: never framed (clickjacking), never cached, no referrer leaks.
    static http::Response html(int status, const QByteArray &body);
};

} // namespace gatehouse::oauth
