#pragma once

#include "AuthServerContext.h"
#include "ClientRegistry.h"
#include "LoginPage.h"

#include <QCoreApplication>
#include <QDateTime>

namespace gatehouse::http {
class Request;
}

namespace gatehouse::oauth {

class FormData;

// /oauth/authorize (OAuth 2.1 section 4.1): the sign-in and consent page and the authorization
// response. GET checks the request and shows the page (or, for a signed-in user who already
// approved exactly this, answers at once); POST is the page's form. Codes are single use, bound to
// the client, the redirect URI and the PKCE S256 challenge; responses carry iss (RFC 9207).
class AuthorizeEndpoint
{
    Q_DECLARE_TR_FUNCTIONS(AuthorizeEndpoint)

public:
    static QByteArray csrfCookie() { return QByteArrayLiteral("gatehouse_csrf"); }
    static QByteArray loginCookie() { return QByteArrayLiteral("gatehouse_login"); }
    static constexpr std::chrono::seconds loginLifetime{12 * 3600};
    static constexpr std::chrono::seconds pendingLifetime{600};

    explicit AuthorizeEndpoint(const AuthServerContext &context);

    AuthAnswer get(const http::Request &request, const QDateTime &now) const;
    AuthAnswer post(const http::Request &request, const QDateTime &now) const;

    static QByteArray cookie(const http::Request &request, QByteArrayView name);

private:
    // A validated authorization request: what the page shows and the code will carry.
    struct Pending
    {
        ClientRegistry::Client client;
        QString redirectUri;
        bool redirectUriSent = true;
        QString state; // null when the client sent none
        QString codeChallenge;
        GrantTarget target;
    };

    // Either the checked request, or the answer to send instead (an error page or redirect).
    struct Checked
    {
        std::optional<Pending> pending;
        AuthAnswer answer;
    };

    Checked check(const FormData &form, const QString &address, const QDateTime &now) const;
    AuthAnswer errorPage(int status, const QString &heading, const QString &text) const;
    AuthAnswer errorRedirect(const QString &redirectUri, const QString &state, const QString &error,
                             const QString &description) const;
    AuthAnswer showPage(const Pending &pending, const http::Request &request,
                        const QString &signedInAs, const QString &userName, const QString &problem,
                        const QDateTime &now, int status = 200) const;
    AuthAnswer approve(const Pending &pending, const QString &user, const QDateTime &now,
                       int status) const;
    std::optional<QString> signedInUser(const http::Request &request, const QDateTime &now) const;
    QByteArray loginCookieValue(const QString &user, const QString &passwordHash,
                                const QDateTime &expires) const;
    QByteArray cookieAttributes(std::chrono::seconds maxAge, QByteArrayView sameSite) const;

    const AuthServerContext &m_context;
};

} // namespace gatehouse::oauth
