#include "AuthorizeEndpoint.h"

#include "FormData.h"
#include "Logging.h"
#include "OAuthJson.h"
#include "OAuthResponse.h"
#include "PasswordHash.h"
#include "RandomToken.h"
#include "RedirectUri.h"
#include "http/Request.h"
#include "store/ConsentRepository.h"
#include "store/TokenRepository.h"
#include "store/UserRepository.h"

#include <QMessageAuthenticationCode>

#include <nlohmann/json.hpp>

using namespace Qt::StringLiterals;
using json = nlohmann::json;

namespace gatehouse::oauth {

namespace {

constexpr qsizetype maxStateChars = 1024;
const QString codePrefix = u"gh_ac_"_s;
const QString requestPrefix = u"gh_rq_"_s;

// RFC 7636 section 4.2: BASE64URL(SHA256(verifier)) is 43 characters of the base64url alphabet.
bool isS256Challenge(const QString &challenge)
{
    if (challenge.size() != 43)
        return false;
    return std::all_of(challenge.cbegin(), challenge.cend(), [](QChar c) {
        return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') ||
               c == u'-' || c == u'_';
    });
}

} // namespace

AuthorizeEndpoint::AuthorizeEndpoint(const AuthServerContext &context)
    : m_context(context)
{}

QByteArray AuthorizeEndpoint::cookie(const http::Request &request, QByteArrayView name)
{
    for (const QByteArray &field : request.headers().values("cookie")) {
        for (QByteArray pair : field.split(';')) {
            pair = pair.trimmed();
            const qsizetype equals = pair.indexOf('=');
            if (equals > 0 && QByteArrayView(pair).first(equals) == name)
                return pair.mid(equals + 1);
        }
    }
    return {};
}

QByteArray AuthorizeEndpoint::cookieAttributes(std::chrono::seconds maxAge,
                                               QByteArrayView sameSite) const
{
    // Under the public URL's path: behind a proxy that serves the gateway at /prefix.
    QByteArray attributes = "; Path=" + m_context.basePath.toUtf8() +
                            "/oauth/authorize; HttpOnly; SameSite=" + sameSite.toByteArray() +
                            "; Max-Age=" + QByteArray::number(qint64(maxAge.count()));
    if (m_context.publicUrl.scheme() == u"https"_s)
        attributes += "; Secure";
    return attributes;
}

AuthAnswer AuthorizeEndpoint::errorPage(int status, const QString &heading,
                                        const QString &text) const
{
    qCInfo(lcOAuth).noquote() << "authorization request refused:" << text;
    return {OAuthResponse::html(status, LoginPage::message(heading, text))};
}

AuthAnswer AuthorizeEndpoint::errorRedirect(const QString &redirectUri, const QString &state,
                                            const QString &error, const QString &description) const
{
    qCInfo(lcOAuth).noquote() << "authorization request answered" << error << "-" << description;
    return {OAuthResponse::redirect(302, redirectUri,
                                    {{u"error"_s, error},
                                     {u"error_description"_s, description},
                                     {u"state"_s, state},
                                     {u"iss"_s, m_context.issuer}})};
}

AuthorizeEndpoint::Checked AuthorizeEndpoint::check(const FormData &form, const QString &address,
                                                    const QDateTime &now) const
{
    Checked result;
    const auto page = [&](const QString &text) {
        result.answer = errorPage(400, tr("This sign-in request cannot be used"), text);
        return result;
    };
    const QString clientId = form.value(u"client_id"_s);
    if (clientId.isEmpty())
        return page(tr("The request names no client (client_id is missing)."));
    if (ClientRegistry::isDocumentUrl(clientId)) {
        // Each may fetch a document: bounded per client address.
        const QStringList keys = {u"documents:"_s + address};
        if (m_context.throttles->documents.check(keys, now).refused)
            return page(tr("Too many sign-ins with client metadata documents from this address; "
                           "try again later."));
        (void)m_context.throttles->documents.failed(keys, now);
    }
    auto client = m_context.clients.find(clientId, now);
    if (!client)
        return page(client.error().message());
    if (!client->allows(u"authorization_code"_s))
        return page(tr("The client %1 is not registered for signing in users (the "
                       "authorization_code grant).")
                        .arg(client->displayName));

    Pending pending;
    pending.client = *client;
    const QString redirect = form.value(u"redirect_uri"_s);
    if (redirect.isEmpty()) {
        if (client->row.redirectUris.size() != 1)
            return page(tr("The request has no redirect_uri, and the client registered %1 of "
                           "them: the client must name one.")
                            .arg(client->row.redirectUris.size()));
        pending.redirectUri = client->row.redirectUris.first();
        pending.redirectUriSent = false;
    } else if (!RedirectUri::matchesAny(client->row.redirectUris, redirect)) {
        // Never redirect to an address the client did not register (open redirector).
        return page(tr("The redirect address %1 is not one the client registered, so this page "
                       "will not send you there.")
                        .arg(redirect.left(200)));
    } else {
        pending.redirectUri = redirect;
    }
    const QString state = form.value(u"state"_s);
    if (state.size() > maxStateChars)
        return page(tr("The state parameter is longer than %1 characters.").arg(maxStateChars));
    pending.state = form.has(u"state"_s) ? state : QString();

    // From here on, errors go back to the client (RFC 6749 section 4.1.2.1).
    const auto back = [&](const QString &error, const QString &description) {
        result.answer = errorRedirect(pending.redirectUri, pending.state, error, description);
        return result;
    };
    const QString responseType = form.value(u"response_type"_s);
    if (responseType != u"code"_s)
        return back(
            u"unsupported_response_type"_s,
            responseType.isEmpty()
                ? tr("response_type is missing: this server supports only response_type=code")
                : tr("response_type %1 is not supported: use code").arg(responseType.left(40)));
    const QString challenge = form.value(u"code_challenge"_s);
    if (challenge.isEmpty())
        return back(u"invalid_request"_s,
                    tr("code_challenge is missing: this server requires PKCE with "
                       "code_challenge_method=S256 (RFC 7636)"));
    const QString method = form.value(u"code_challenge_method"_s);
    if (method != u"S256"_s)
        return back(
            u"invalid_request"_s,
            method.isEmpty()
                ? tr("code_challenge_method is missing: send S256 (plain is not accepted)")
                : tr("code_challenge_method %1 is not accepted: use S256").arg(method.left(40)));
    if (!isS256Challenge(challenge))
        return back(u"invalid_request"_s,
                    tr("code_challenge is not an S256 challenge: it must be the 43-character "
                       "base64url SHA-256 of the code_verifier"));
    pending.codeChallenge = challenge;
    auto target = m_context.resolve(form.value(u"resource"_s), form.value(u"scope"_s));
    if (!target)
        return back(target.error().code() == ErrorCode::InvalidArgument ? u"invalid_target"_s
                                                                        : u"invalid_scope"_s,
                    target.error().message());
    pending.target = *target;
    result.pending = std::move(pending);
    return result;
}

AuthAnswer AuthorizeEndpoint::get(const http::Request &request, const QDateTime &now) const
{
    auto form = FormData::parse(request.query());
    if (!form)
        return errorPage(400, tr("This sign-in request cannot be used"), form.error().message());
    Checked checked = check(*form, request.clientAddress().toString(), now);
    if (!checked.pending)
        return checked.answer;
    const Pending &pending = *checked.pending;
    const auto user = signedInUser(request, now);
    if (user) {
        store::Consent consent{*user,
                               pending.client.row.clientId,
                               RedirectUri::consentKey(pending.redirectUri),
                               pending.target.audience.value_or(m_context.issuer),
                               pending.target.scopes,
                               {}};
        auto remembered = store::ConsentRepository(m_context.database).has(consent);
        if (remembered && *remembered)
            return approve(pending, *user, now, 302);
    }
    return showPage(pending, request, user.value_or(QString()), QString(), QString(), now);
}

AuthAnswer AuthorizeEndpoint::showPage(const Pending &pending, const http::Request &request,
                                       const QString &signedInAs, const QString &userName,
                                       const QString &problem, const QDateTime &now,
                                       int status) const
{
    // The page's form is bound to this browser: the CSRF value is in a SameSite=Strict cookie and
    // in the form, and its hash in the pending request (single use).
    QString csrf = QString::fromLatin1(cookie(request, csrfCookie()));
    if (csrf.size() < 40 || csrf.size() > 60 || !csrf.startsWith(u"gh_cf_"_s))
        csrf = RandomToken::generate(u"gh_cf_"_s);
    const QString handle = RandomToken::generate(requestPrefix);

    json details = {{"redirect_uri", pending.redirectUri.toStdString()},
                    {"redirect_uri_sent", pending.redirectUriSent},
                    {"code_challenge", pending.codeChallenge.toStdString()},
                    {"server", pending.target.server.toStdString()},
                    {"csrf", RandomToken::hash(csrf).toStdString()}};
    if (!pending.state.isNull())
        details["state"] = pending.state.toStdString();
    store::Token row;
    row.tokenHash = RandomToken::hash(handle);
    row.kind = u"request"_s;
    row.clientId = pending.client.row.clientId;
    row.audience = pending.target.audience;
    row.scopes = pending.target.scopes;
    row.createdAt = now;
    row.expiresAt = now.addSecs(pendingLifetime.count());
    row.details = QString::fromStdString(details.dump());
    if (Status saved = store::TokenRepository(m_context.database).insert(row); !saved)
        return errorPage(
            503, tr("Sign-in is not available right now"),
            tr("The gateway cannot store the sign-in request: %1").arg(saved.error().message()));

    LoginPage::Content content;
    content.clientName = pending.client.displayName;
    content.clientId = pending.client.row.clientId;
    content.redirectHost = RedirectUri::displayHost(pending.redirectUri);
    content.nameVerified = pending.client.row.kind == u"issued"_s;
    content.server = pending.target.server;
    content.scopes = pending.target.scopes;
    content.signedInAs = signedInAs;
    content.userName = userName;
    content.requestHandle = handle;
    content.csrf = csrf;
    content.problem = problem;
    http::Response response = OAuthResponse::html(status, LoginPage::render(content));
    response.setHeader("set-cookie", csrfCookie() + '=' + csrf.toLatin1() +
                                         cookieAttributes(pendingLifetime, "Strict"));
    return {response};
}

AuthAnswer AuthorizeEndpoint::post(const http::Request &request, const QDateTime &now) const
{
    const auto refused = [&](const QString &text) {
        return errorPage(403, tr("This form cannot be accepted"), text);
    };
    const QByteArray type = request.header("content-type").toLower();
    if (!type.startsWith("application/x-www-form-urlencoded"))
        return errorPage(415, tr("This form cannot be accepted"),
                         tr("The form must be sent as application/x-www-form-urlencoded."));
    auto form = FormData::parse(request.body());
    if (!form)
        return errorPage(400, tr("This form cannot be accepted"), form.error().message());
    // Fetch metadata (where browsers send it): the form is only ever posted from its own page.
    const QByteArray site = request.header("sec-fetch-site").toLower();
    if (!site.isEmpty() && site != "same-origin")
        return refused(tr("The form was sent from another site (Sec-Fetch-Site: %1). Start again "
                          "from your application.")
                           .arg(QString::fromLatin1(site.left(40))));
    const QString csrf = form->value(u"csrf"_s);
    const QString cookieCsrf = QString::fromLatin1(cookie(request, csrfCookie()));
    if (csrf.isEmpty() || cookieCsrf.isEmpty() || !RandomToken::equal(csrf, cookieCsrf))
        return refused(tr("The form did not come from this browser's sign-in page (the CSRF "
                          "check failed). Start again from your application."));
    const QString handle = form->value(u"request"_s);
    if (handle.isEmpty())
        return refused(tr("The form names no sign-in request."));
    store::TokenRepository tokens(m_context.database);
    // The CSRF value is checked before the request is used up, so a forged form cannot spend a
    // person's sign-in page.
    auto pendingRow = tokens.get(RandomToken::hash(handle));
    if (!pendingRow || pendingRow->kind != u"request"_s)
        return errorPage(400, tr("This sign-in page has expired"),
                         tr("The sign-in request is unknown or has expired."));
    const json details =
        json::parse(pendingRow->details.value_or(QString()).toStdString(), nullptr, false);
    if (!details.is_object() ||
        !RandomToken::equal(OAuthJson::field(details, "csrf"), RandomToken::hash(csrf)))
        return refused(tr("The form does not belong to this browser's sign-in page (the CSRF "
                          "check failed). Start again from your application."));
    auto consumed = tokens.consume(RandomToken::hash(handle));
    if (!consumed)
        return errorPage(400, tr("This sign-in page has expired"),
                         tr("The sign-in request is unknown or has expired."));
    if (consumed->revoked)
        return errorPage(400, tr("This sign-in page was already used"),
                         tr("Each sign-in page can be sent once; it was sent before."));
    if (consumed->expiresAt <= now)
        return errorPage(
            400, tr("This sign-in page has expired"),
            tr("Sign-in pages are good for %1 minutes.").arg(pendingLifetime.count() / 60));
    auto client = m_context.clients.find(consumed->clientId, now);
    if (!client)
        return errorPage(400, tr("This sign-in request cannot be used"), client.error().message());

    Pending pending;
    pending.client = *client;
    pending.redirectUri = OAuthJson::field(details, "redirect_uri");
    pending.redirectUriSent = details.value("redirect_uri_sent", true);
    pending.state = details.contains("state") ? OAuthJson::field(details, "state") : QString();
    pending.codeChallenge = OAuthJson::field(details, "code_challenge");
    pending.target.audience = consumed->audience;
    pending.target.server = OAuthJson::field(details, "server");
    pending.target.scopes = consumed->scopes;
    if (!RedirectUri::matchesAny(client->row.redirectUris, pending.redirectUri))
        return errorPage(400, tr("This sign-in request cannot be used"),
                         tr("The client no longer lists this redirect address."));

    if (form->value(u"decision"_s) != u"allow"_s)
        return {OAuthResponse::redirect(
            303, pending.redirectUri,
            {{u"error"_s, u"access_denied"_s},
             {u"error_description"_s, tr("the user declined to give the client access")},
             {u"state"_s, pending.state},
             {u"iss"_s, m_context.issuer}})};

    QString user;
    const QString userName = form->value(u"username"_s);
    const auto current = signedInUser(request, now);
    if (current && userName.isEmpty()) {
        user = *current;
    } else {
        // Sign in. Failures are counted per user name and per client address.
        // Refusals are keyed by (user, address) and by address, so nobody can lock a user out
        // from elsewhere; the user-wide key only slows answers down.
        const QString address = request.clientAddress().toString();
        const QString userKey = u"user:"_s + userName.toLower();
        const QStringList keys = {userKey + u'@' + address, u"address:"_s + address};
        AttemptThrottle &throttle = m_context.throttles->logins;
        const auto verdict = throttle.check(keys, now);
        if (verdict.refused) {
            AuthAnswer answer = showPage(pending, request, QString(), userName,
                                         tr("Too many failed sign-ins. Try again in %1 seconds.")
                                             .arg(verdict.retryAfter.count()),
                                         now, 429);
            answer.response.setHeader("retry-after",
                                      QByteArray::number(qint64(verdict.retryAfter.count())));
            qCWarning(lcOAuth).noquote()
                << "sign-in refused for" << userName.left(64) << "from"
                << request.clientAddress().toString() << ": too many failures";
            return answer;
        }
        auto found = store::UserRepository(m_context.database).get(userName);
        bool good = false;
        if (found && found->passwordHash) {
            auto verified = PasswordHash::verify(form->value(u"password"_s), *found->passwordHash);
            good = verified && *verified;
        } else {
            // The same work for an unknown user, so timing does not tell which names exist.
            static const QString dummy = [] {
                auto hashed = PasswordHash::hash(RandomToken::generate(u""_s));
                return hashed ? *hashed : QString();
            }();
            (void)PasswordHash::verify(form->value(u"password"_s), dummy);
        }
        if (!good) {
            const auto delay =
                std::max(throttle.failed(keys, now), throttle.failed({userKey}, now));
            qCInfo(lcOAuth).noquote() << "failed sign-in for" << userName.left(64) << "from"
                                      << request.clientAddress().toString();
            AuthAnswer answer = showPage(pending, request, QString(), userName,
                                         tr("The user name or password is wrong."), now, 401);
            answer.delay = delay;
            return answer;
        }
        throttle.succeeded({keys.first(), userKey});
        if (found->disabled)
            return errorPage(
                403, tr("This account is disabled"),
                tr("User %1 is disabled; ask the gateway's owner to enable it.").arg(found->name));
        user = found->name;
    }

    store::Consent consent{user,
                           pending.client.row.clientId,
                           RedirectUri::consentKey(pending.redirectUri),
                           pending.target.audience.value_or(m_context.issuer),
                           pending.target.scopes,
                           now};
    if (Status remembered = store::ConsentRepository(m_context.database).grant(consent);
        !remembered)
        qCWarning(lcOAuth).noquote() << "cannot remember consent:" << remembered.error().message();
    AuthAnswer answer = approve(pending, user, now, 303);
    if (auto account = store::UserRepository(m_context.database).get(user); account) {
        const QDateTime expires = now.addSecs(loginLifetime.count());
        answer.response.headers().add(
            "set-cookie",
            loginCookie() + '=' +
                loginCookieValue(user, account->passwordHash.value_or(QString()), expires) +
                cookieAttributes(loginLifetime, "Lax"));
    }
    return answer;
}

AuthAnswer AuthorizeEndpoint::approve(const Pending &pending, const QString &user,
                                      const QDateTime &now, int status) const
{
    auto account = store::UserRepository(m_context.database).get(user);
    if (!account || account->disabled)
        return errorRedirect(pending.redirectUri, pending.state, u"access_denied"_s,
                             tr("the user's account is disabled or was removed"));
    const QString code = RandomToken::generate(codePrefix);
    json details = {{"redirect_uri", pending.redirectUri.toStdString()},
                    {"redirect_uri_sent", pending.redirectUriSent},
                    {"code_challenge", pending.codeChallenge.toStdString()}};
    store::Token row;
    row.tokenHash = RandomToken::hash(code);
    row.kind = u"code"_s;
    row.clientId = pending.client.row.clientId;
    row.user = user;
    row.audience = pending.target.audience;
    row.scopes = pending.target.scopes;
    row.grantId = RandomToken::generate(u"gh_gr_"_s).left(32);
    row.createdAt = now;
    row.expiresAt = now.addSecs(m_context.options.codeTtl.count());
    row.details = QString::fromStdString(details.dump());
    if (Status saved = store::TokenRepository(m_context.database).insert(row); !saved)
        return errorRedirect(
            pending.redirectUri, pending.state, u"temporarily_unavailable"_s,
            tr("the gateway cannot store the authorization: %1").arg(saved.error().message()));
    qCInfo(lcOAuth).noquote() << "user" << user << "authorized client"
                              << pending.client.row.clientId << "for"
                              << (pending.target.server.isEmpty() ? u"every server"_s
                                                                  : pending.target.server);
    return {OAuthResponse::redirect(
        status, pending.redirectUri,
        {{u"code"_s, code}, {u"state"_s, pending.state}, {u"iss"_s, m_context.issuer}})};
}

QByteArray AuthorizeEndpoint::loginCookieValue(const QString &user, const QString &passwordHash,
                                               const QDateTime &expires) const
{
    const QByteArray name =
        user.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QByteArray expiry = QByteArray::number(expires.toSecsSinceEpoch());
    // Bound to the password hash: a new password ends every browser sign-in.
    const QByteArray mac =
        QMessageAuthenticationCode::hash(name + '.' + expiry + '.' + passwordHash.toUtf8(),
                                         m_context.loginKey, QCryptographicHash::Sha256);
    return name + '.' + expiry + '.' +
           mac.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QString> AuthorizeEndpoint::signedInUser(const http::Request &request,
                                                       const QDateTime &now) const
{
    const QByteArray value = cookie(request, loginCookie());
    const QList<QByteArray> parts = value.split('.');
    if (parts.size() != 3 || value.size() > 1024)
        return std::nullopt;
    const QString user = QString::fromUtf8(QByteArray::fromBase64(
        parts[0], QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    bool ok = false;
    const qint64 expiry = parts[1].toLongLong(&ok);
    if (!ok || expiry <= now.toSecsSinceEpoch() || user.isEmpty())
        return std::nullopt;
    auto account = store::UserRepository(m_context.database).get(user);
    if (!account || account->disabled)
        return std::nullopt;
    const QByteArray expected = loginCookieValue(user, account->passwordHash.value_or(QString()),
                                                 QDateTime::fromSecsSinceEpoch(expiry));
    if (!RandomToken::equal(QString::fromLatin1(expected), QString::fromLatin1(value)))
        return std::nullopt;
    return user;
}

} // namespace gatehouse::oauth
