#include "Dispatcher.h"

#include "Logging.h"
#include "ParameterSerializer.h"
#include "ProxySettings.h"
#include "RequestBuilder.h"
#include "ResultBuilder.h"
#include "SchemaValidator.h"
#include "TokenCache.h"
#include "UpstreamCredential.h"
#include "UpstreamTokenRequest.h"

#include <algorithm>
#include <openssl/crypto.h>
#include <vector>

namespace gatehouse::dispatch {

namespace {

// Every form in which a secret this call injected can appear in a request or an answer: as is,
// base64 (Basic), percent-encoded (a query parameter), a Basic password alone, JSON-escaped.
// Longest first, so a secret's base64 is not cut apart by a shorter form inside it.
QList<QByteArray> secretForms(const QList<QByteArray> &secrets)
{
    QList<QByteArray> forms;
    for (const QByteArray &secret : secrets) {
        if (secret.size() < 4) // too short to tell from ordinary text
            continue;
        forms << secret << secret.toBase64() << secret.toPercentEncoding()
              << ParameterSerializer::percentEncode(secret);
        // A Basic credential's password on its own ("user:password").
        if (const qsizetype colon = secret.indexOf(':'); colon >= 0 && secret.size() - colon > 4)
            forms << secret.mid(colon + 1);
        const std::string escaped =
            nlohmann::json(secret.toStdString())
                .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        forms << QByteArray::fromStdString(escaped.substr(1, escaped.size() - 2));
        forms << QByteArray(forms.last()).replace("/", "\\/");
    }
    std::sort(forms.begin(), forms.end(),
              [](const QByteArray &a, const QByteArray &b) { return a.size() > b.size(); });
    forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
    return forms;
}

void replaceForms(QByteArray &text, const QList<QByteArray> &forms, const QByteArray &mask)
{
    for (const QByteArray &form : forms)
        if (text.contains(form))
            text.replace(form, mask);
}

// An upstream may echo the request back (a debugging endpoint, an error page quoting the
// headers): every form of the secret this call injected is taken out of the answer before it
// becomes a result the client sees (SECURITY-CASES: the client never sees upstream credentials).
void redact(http::UpstreamResponse &response, const QList<QByteArray> &secrets)
{
    static const QByteArray mask = QByteArrayLiteral("[redacted]");
    const QList<QByteArray> forms = secretForms(secrets);
    if (forms.isEmpty())
        return;
    replaceForms(response.body, forms, mask);
    for (auto &header : response.headers)
        replaceForms(header.second, forms, mask);
}

SentRequest masked(const http::UpstreamRequest &request, const QList<QByteArray> &secrets)
{
    const QByteArray mask(SentRequest::kMask);
    const QList<QByteArray> forms = secretForms(secrets);
    SentRequest sent;
    sent.method = request.method;
    QByteArray url = request.url.toEncoded(QUrl::RemoveUserInfo | QUrl::RemoveFragment);
    replaceForms(url, forms, mask);
    sent.url = QString::fromUtf8(url);
    sent.headers = request.headers;
    for (auto &header : sent.headers)
        replaceForms(header.second, forms, mask);
    sent.body = request.body;
    replaceForms(sent.body, forms, mask);
    return sent;
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty() && bytes.isDetached())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
}

// Tokens are shared by calls that would send the same token request.
QString tokenKey(const UpstreamCredential &c, const QString &user)
{
    return QStringList{c.name,
                       user,
                       QString::number(int(c.type)),
                       c.tokenUrl.toString(),
                       c.clientId,
                       c.scopes.join(QLatin1Char(' ')),
                       c.resource}
        .join(QLatin1Char('\n'));
}

QString owner(const QString &user)
{
    return user.isEmpty() ? QStringLiteral("(owner)") : user;
}

} // namespace

struct Dispatcher::Private
{
    explicit Private(QObject *owner)
        : client(owner)
        , proxy(ProxySettings::fromEnvironment())
    {}
    http::UpstreamClient client;
    ProxySettings proxy;
    // Caches this dispatcher waited on or fetched for, told when it goes.
    std::vector<std::weak_ptr<TokenCache>> caches;
};

struct Dispatcher::Call
{
    DispatchTarget target;
    nlohmann::json arguments;
    mcp::ToolCallback done;
    QByteArray token; // the access token sent last (OAuth2 credentials)
    bool retried = false;
    bool cancelled = false;
    bool admitted = false; // beforeSend let it through (once per call, not per retry)
    http::UpstreamClient::Handle handle;

    ~Call() { wipe(token); }
};

Dispatcher::Dispatcher(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{}

Dispatcher::~Dispatcher()
{
    for (const std::weak_ptr<TokenCache> &cache : d->caches)
        if (const auto alive = cache.lock())
            alive->detach(this);
}

void Dispatcher::call(DispatchTarget target, const nlohmann::json &arguments,
                      mcp::ToolCallContext context, mcp::ToolCallback done)
{
    const openapi::Tool &tool = *target.tool;
    const nlohmann::json args = arguments.is_null() ? nlohmann::json::object() : arguments;
    if (!args.is_object())
        return done(mcp::ToolResult::text(
            tr("the arguments of %1 must be a JSON object").arg(tool.name), true));
    if (target.validator) {
        const auto errors = target.validator->validate(args);
        if (!errors.isEmpty())
            return done(mcp::ToolResult::text(
                tr("%1 was not called: %2").arg(tool.name, SchemaValidator::describe(errors)),
                true));
    }
    if (!target.credentialError.isEmpty())
        return done(mcp::ToolResult::text(target.credentialError, true));
    if (target.baseUrl.isEmpty())
        return done(mcp::ToolResult::text(
            tr("%1 has no upstream address: the spec names no server, so the owner must set "
               "base_url for server %2")
                .arg(tool.name, target.upstream),
            true));

    auto call = std::make_shared<Call>();
    call->target = std::move(target);
    call->arguments = args;
    call->done = std::move(done);
    context.cancellation.onCancelled([weak = std::weak_ptr<Call>(call)]() mutable {
        if (const auto c = weak.lock()) {
            c->cancelled = true;
            c->handle.abort();
        }
    });
    const UpstreamCredential *credential = call->target.credential.get();
    if (credential && credential->isOAuth2())
        return acquireToken(call);
    send(call, credential);
}

void Dispatcher::acquireToken(const std::shared_ptr<Call> &call)
{
    const DispatchTarget &target = call->target;
    const UpstreamCredential &credential = *target.credential;
    if (!target.tokens)
        return call->done(mcp::ToolResult::text(
            tr("%1 was not called: credential %2 needs an upstream access token, and this "
               "gateway has no token cache; this is a bug.")
                .arg(target.tool->name, credential.name),
            true));
    const auto known = std::find_if(d->caches.cbegin(), d->caches.cend(),
                                    [&](const auto &c) { return c.lock() == target.tokens; });
    if (known == d->caches.cend())
        d->caches.push_back(target.tokens);

    // Runs on this thread when no fetch for the key is in flight. The secret is read as stored
    // now: a refresh token rotated by an earlier fetch is the one to send.
    TokenCache::Fetch fetch = [this, target](std::function<void(Result<TokenCache::Token>)> done) {
        const UpstreamCredential &c = *target.credential;
        QByteArray secret;
        if (target.readSecret) {
            auto stored = target.readSecret();
            if (!stored)
                return done(stored.error());
            secret = std::move(stored).value();
        } else {
            secret = c.secret;
        }
        if (secret.isEmpty())
            return done(
                Error(ErrorCode::Validation,
                      tr("The secret of credential %1 is empty; set it and reload.").arg(c.name)));
        http::UpstreamRequest request = UpstreamTokenRequest::build(c, secret);
        request.proxy = d->proxy.proxyFor(request.url);
        d->client.send(
            std::move(request), this,
            [target, secret, done](Result<http::UpstreamResponse> response) mutable {
                const UpstreamCredential &c = *target.credential;
                if (!response) {
                    wipe(secret);
                    const Error error = UpstreamTokenRequest::unreachable(c, response.error());
                    qCWarning(lcDispatch).noquote() << error.message();
                    return done(error);
                }
                auto answer =
                    UpstreamTokenRequest::parse(c, *response, secret, target.credentialUser);
                wipe(secret);
                wipe(response->body);
                if (!answer) {
                    qCWarning(lcDispatch).noquote() << answer.error().message();
                    return done(answer.error());
                }
                // RFC 6749 §6: a new refresh token replaces the one sent, which the upstream
                // may already have revoked.
                if (c.type == UpstreamCredential::Type::OAuth2RefreshToken &&
                    !answer->refreshToken.isEmpty()) {
                    const Status stored = target.storeSecret
                                              ? target.storeSecret(answer->refreshToken)
                                              : Status(Error(ErrorCode::Unavailable,
                                                             tr("its secret is not kept in the "
                                                                "vault")));
                    if (stored)
                        qCInfo(lcDispatch).noquote()
                            << "stored the refresh token the upstream rotated for credential"
                            << c.name << "of" << owner(target.credentialUser);
                    else
                        qCWarning(lcDispatch).noquote()
                            << tr("The upstream rotated the refresh token of credential %1 of "
                                  "%2, but it could not be stored (%3); the next refresh may be "
                                  "refused.")
                                   .arg(c.name, owner(target.credentialUser),
                                        stored.error().message());
                    wipe(answer->refreshToken);
                }
                qCInfo(lcDispatch).noquote() << "fetched an access token for credential" << c.name
                                             << "of" << owner(target.credentialUser) << "valid for"
                                             << answer->lifetime.count() << "s";
                done(TokenCache::token(std::move(answer->accessToken), answer->lifetime,
                                       TokenCache::Clock::now()));
            });
    };

    target.tokens->acquire(tokenKey(credential, target.credentialUser), this, fetch,
                           [this, call](Result<QByteArray> token) {
                               if (call->cancelled)
                                   return;
                               if (!token)
                                   return call->done(mcp::ToolResult::text(
                                       tr("%1 was not called: %2")
                                           .arg(call->target.tool->name, token.error().message()),
                                       true));
                               wipe(call->token);
                               call->token = std::move(token).value();
                               UpstreamCredential bearer;
                               bearer.name = call->target.credential->name;
                               bearer.type = UpstreamCredential::Type::Bearer;
                               bearer.secret = call->token;
                               send(call, &bearer);
                           });
}

void Dispatcher::send(const std::shared_ptr<Call> &call, const UpstreamCredential *credential)
{
    const DispatchTarget &target = call->target;
    static const QMap<QString, openapi::SecurityScheme> noSchemes;
    auto built = RequestBuilder::build(*target.tool, call->arguments, target.baseUrl, credential,
                                       target.securitySchemes ? *target.securitySchemes : noSchemes,
                                       target.identityHeaders);
    if (!built)
        return call->done(mcp::ToolResult::text(
            tr("%1 was not called: %2").arg(target.tool->name, built.error().message()), true));
    http::UpstreamRequest request = std::move(built).value();
    request.proxy = d->proxy.proxyFor(request.url);
    // Try it is shown the request as it leaves, masked now: `credential` may not outlive this.
    std::shared_ptr<const SentRequest> shown;
    if (target.sent) {
        QList<QByteArray> injected;
        if (credential)
            injected << credential->secret;
        shown = std::make_shared<const SentRequest>(masked(request, injected));
    }
    if (call->admitted || !target.beforeSend) {
        if (shown)
            target.sent(*shown);
        return transmit(call, std::move(request));
    }
    auto pending = std::make_shared<http::UpstreamRequest>(std::move(request));
    target.beforeSend(call->arguments,
                      [this, call, pending, shown](std::optional<mcp::ToolResult> refused) {
                          // A request that will not leave still holds the injected
                          // credential: wiped with it.
                          if (call->cancelled || refused)
                              for (auto &[name, value] : pending->headers)
                                  wipe(value);
                          // Cancelled meanwhile: nobody waits for an answer, and the hook's
                          // owner settles what it reserved.
                          if (call->cancelled)
                              return;
                          if (refused)
                              return call->done(std::move(*refused));
                          call->admitted = true;
                          if (shown)
                              call->target.sent(*shown);
                          transmit(call, std::move(*pending));
                      });
}

void Dispatcher::transmit(const std::shared_ptr<Call> &call, http::UpstreamRequest request)
{
    call->handle = d->client.send(
        std::move(request), this, [this, call](Result<http::UpstreamResponse> response) {
            const DispatchTarget &target = call->target;
            if (!response) {
                qCInfo(lcDispatch).noquote() << target.upstream << target.tool->name
                                             << "failed:" << response.error().message();
                return call->done(
                    ResultBuilder::fromFailure(*target.tool, target.upstream, response.error()));
            }
            qCDebug(lcDispatch).noquote() << target.upstream << target.tool->name
                                          << response->status << response->elapsed.count() << "us";
            const UpstreamCredential *credential = target.credential.get();
            // The token may have been revoked or expired early: one more try with a new one.
            if (response->status == 401 && credential && credential->isOAuth2() && !call->retried &&
                !call->cancelled) {
                call->retried = true;
                qCInfo(lcDispatch).noquote()
                    << target.upstream << target.tool->name
                    << "the upstream refused the access token of credential" << credential->name
                    << "(HTTP 401); fetching a new one";
                target.tokens->invalidate(tokenKey(*credential, target.credentialUser),
                                          call->token);
                return acquireToken(call);
            }
            QList<QByteArray> injected;
            if (credential && !credential->secret.isEmpty())
                injected << credential->secret;
            if (!call->token.isEmpty())
                injected << call->token;
            if (!injected.isEmpty())
                redact(*response, injected);
            if (target.received)
                target.received(*response);
            mcp::ToolResult result = ResultBuilder::fromResponse(*target.tool, *response);
            result.upstreamStatus = response->status;
            call->done(std::move(result));
        });
}

} // namespace gatehouse::dispatch
