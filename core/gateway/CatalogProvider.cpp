#include "CatalogProvider.h"

#include "DiscoveryTools.h"
#include "Logging.h"
#include "dispatch/Dispatcher.h"
#include "dispatch/UpstreamCredential.h"
#include "policy/PermissionPolicy.h"
#include "policy/UsageLimits.h"
#include "policy/UsageMeter.h"
#include "secrets/CredentialVault.h"
#include "store/AuditRepository.h"
#include "store/SpendRepository.h"

#include <QElapsedTimer>
#include <QPointer>

#include <cmath>
#include <openssl/crypto.h>

namespace gatehouse::gateway {

namespace {

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty() && bytes.isDetached())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
}

// The credential with the secret the vault decrypts for this call (the caller's own for a
// per-user one), wiped when the call no longer holds it; or the tool error that says what to do.
struct VaultLookup
{
    std::shared_ptr<const dispatch::UpstreamCredential> credential;
    QString error;
};

// `prefetched`: the secret already looked up for this call (a per-user candidate checked while
// choosing by scope), so that the vault is asked once.
VaultLookup fromVault(const ServerCatalog &catalog, const QString &name,
                      const ResolvedCredential &resolved, const mcp::Caller &caller,
                      std::optional<Result<QByteArray>> prefetched = std::nullopt)
{
    // Without sign-in (auth mode none) every caller is "anonymous": no one's own secret applies.
    if (resolved.perUser && caller.clientId.isEmpty())
        return {nullptr, CatalogProvider::tr("Credential %1 holds each user's own secret, so it "
                                             "needs callers who sign in; this gateway runs "
                                             "without sign-in (gateway.auth.mode: none).")
                             .arg(name)};
    const QString user = resolved.perUser ? caller.subject : QString();
    const QString import =
        resolved.perUser ? QStringLiteral("gatehouse credential import %1 --user %2 --from-stdin")
                               .arg(name, user)
                         : QStringLiteral("gatehouse credential import %1 --from-stdin").arg(name);
    auto missing = [&] {
        return resolved.perUser
                   ? CatalogProvider::tr("This tool needs your own secret for credential %1, and "
                                         "user %2 has none yet. Ask the gateway's owner to add "
                                         "it: %3")
                         .arg(name, user, import)
                   : CatalogProvider::tr("Credential %1 of server %2 has no secret yet. The "
                                         "gateway's owner adds it with: %3")
                         .arg(name, catalog.name, import);
    };
    if (!prefetched && !catalog.vault)
        return {nullptr, missing()};
    auto secret = prefetched ? std::move(*prefetched) : catalog.vault->secret(name, user);
    if (!secret) {
        if (secret.error().code() == ErrorCode::NotFound)
            return {nullptr, missing()};
        qCWarning(lcDispatch).noquote() << "credential" << name << "of server" << catalog.name
                                        << "cannot be decrypted:" << secret.error().message();
        // The detail (key ids, rows, what to do with the master key) is for the owner's log.
        return {nullptr, CatalogProvider::tr("Credential %1 of server %2 cannot be used right now; "
                                             "the gateway's owner can see why in its log.")
                             .arg(name, catalog.name)};
    }
    std::shared_ptr<dispatch::UpstreamCredential> credential(
        new dispatch::UpstreamCredential(*resolved.credential),
        [](dispatch::UpstreamCredential *c) {
            wipe(c->secret);
            delete c;
        });
    credential->secret = std::move(secret).value();
    return {std::move(credential), QString()};
}

// The credential a tool that needs upstream scopes uses for this call: the first eligible
// candidate (see CredentialChoice), skipping per-user ones the caller has no secret for; the
// secret looked up while checking one comes along. No name: the tool error in `error`.
struct ScopeChoice
{
    QString name;
    std::optional<Result<QByteArray>> secret;
    QString error;
};

ScopeChoice chooseByScope(const ServerCatalog &catalog, const openapi::Tool &tool,
                          const CredentialChoice &choice, const mcp::Caller &caller)
{
    QStringList skipped; // per-user candidates without the caller's secret
    for (const QString &name : choice.eligible) {
        const ResolvedCredential resolved = catalog.credentials.value(name);
        if (!resolved.perUser || !resolved.fromVault || !resolved.credential ||
            !resolved.error.isEmpty())
            return {name, std::nullopt, QString()};
        if (caller.clientId.isEmpty() || !catalog.vault) {
            skipped.append(name);
            continue;
        }
        auto secret = catalog.vault->secret(name, caller.subject);
        if (!secret && secret.error().code() == ErrorCode::NotFound) {
            skipped.append(name);
            continue;
        }
        return {name, std::move(secret), QString()};
    }
    const QString considered = choice.considered.isEmpty()
                                   ? CatalogProvider::tr("none: the server names no credential")
                                   : choice.considered.join(u", ");
    if (skipped.isEmpty())
        return {QString(), std::nullopt,
                CatalogProvider::tr("%1 was not called: it needs the upstream scopes %2, and none "
                                    "of the credentials of server %3 carries them (considered: "
                                    "%4). The gateway's owner can add the scopes to a "
                                    "credential's scopes, or list one that has them under the "
                                    "server's credentials.")
                    .arg(tool.name, choice.scopes, catalog.name, considered)};
    if (caller.clientId.isEmpty())
        return {QString(), std::nullopt,
                CatalogProvider::tr("%1 was not called: it needs the upstream scopes %2, which "
                                    "only credentials holding each user's own secret carry (%3), "
                                    "and this gateway runs without sign-in (considered: %4).")
                    .arg(tool.name, choice.scopes, skipped.join(u", "), considered)};
    return {QString(), std::nullopt,
            CatalogProvider::tr("%1 was not called: it needs the upstream scopes %2, which only "
                                "credentials holding each user's own secret carry (%3), and user "
                                "%4 has none of them yet (considered: %5). Ask the gateway's "
                                "owner to add yours: gatehouse credential import %6 --user %4 "
                                "--from-stdin")
                .arg(tool.name, choice.scopes, skipped.join(u", "), caller.subject, considered,
                     skipped.first())};
}

// servers[].identity_headers for one call: the caller's user name and OAuth client. Without
// sign-in (auth mode none) there is no one to name, so nothing is sent; the names are passed all
// the same, so that a client's argument can never set them.
QList<dispatch::IdentityHeader> identityHeaders(const ServerCatalog &catalog,
                                                const mcp::Caller &caller)
{
    QList<dispatch::IdentityHeader> out;
    const bool signedIn = !caller.clientId.isEmpty();
    if (!catalog.identityUserHeader.isEmpty())
        out.append({catalog.identityUserHeader, signedIn ? caller.subject : QString()});
    if (!catalog.identityClientHeader.isEmpty())
        out.append({catalog.identityClientHeader, signedIn ? caller.clientId : QString()});
    return out;
}

} // namespace

CatalogProvider::CatalogProvider(QString server, CatalogSource catalog, PolicySource policy,
                                 Accounting accounting, QObject *parent)
    : mcp::ToolProvider(parent)
    , m_server(std::move(server))
    , m_catalog(std::move(catalog))
    , m_policy(std::move(policy))
    , m_accounting(std::move(accounting))
    , m_dispatcher(new dispatch::Dispatcher(this))
{}

Result<double> CatalogProvider::costOf(const openapi::Tool &tool, const mcp::Json &arguments)
{
    double cost = tool.cost.value_or(0.0);
    if (tool.costArgument.isEmpty())
        return cost;
    // The value the upstream will receive: a fixed value, else what the client sent (under the
    // name the tool lists it by, which differs from the spec's on collisions), else the default.
    const mcp::Json *given = nullptr;
    bool known = false;
    for (const openapi::SuppliedArgument &fixed : tool.fixed) {
        if (fixed.name == tool.costArgument) {
            given = &fixed.value;
            known = true;
        }
    }
    if (!given) {
        for (const openapi::ToolArgument &argument : tool.arguments) {
            if (argument.name != tool.costArgument && argument.property != tool.costArgument)
                continue;
            known = true;
            const auto it = arguments.is_object() ? arguments.find(argument.property.toStdString())
                                                  : arguments.end();
            if (it != arguments.end() && !it->is_null())
                given = &*it;
            break;
        }
    }
    if (!given) {
        for (const openapi::SuppliedArgument &fallback : tool.defaults) {
            if (fallback.name == tool.costArgument) {
                given = &fallback.value;
                known = true;
            }
        }
    }
    // A cost argument the tool does not have would make every call cost only the fixed part:
    // a misconfiguration the owner must see, so nothing is called.
    if (!known)
        return Error(ErrorCode::Validation,
                     tr("%1 was not called: its cost is set to come from the argument \"%2\", "
                        "which the tool does not have. The gateway's owner must correct "
                        "cost_argument.")
                         .arg(tool.name, tool.costArgument));
    if (!given)
        return cost;
    double value = std::nan("");
    if (given->is_number()) {
        value = given->get<double>();
    } else if (given->is_string()) {
        bool ok = false;
        value = QString::fromStdString(given->get<std::string>()).trimmed().toDouble(&ok);
        if (!ok)
            value = std::nan("");
    }
    if (!std::isfinite(value) || value < 0)
        return Error(ErrorCode::InvalidArgument,
                     tr("%1 was not called: its argument \"%2\" sets what the call costs, so it "
                        "must be a number of zero or more.")
                         .arg(tool.name, tool.costArgument));
    const double total = cost + value * tool.costFactor;
    if (!std::isfinite(total))
        return Error(ErrorCode::InvalidArgument,
                     tr("%1 was not called: the value of \"%2\" is too large.")
                         .arg(tool.name, tool.costArgument));
    return total;
}

void CatalogProvider::record(const mcp::Caller &caller, const QString &tool,
                             const QString &decision, const QString &reason, int upstreamStatus,
                             qint64 latencyMs, double cost) const
{
    if (m_trace) {
        m_trace->decision = decision;
        m_trace->reason = reason;
        m_trace->cost = cost;
    }
    if (!m_accounting.audit)
        return;
    store::AuditRow row;
    row.time = QDateTime::currentDateTimeUtc();
    if (!caller.subject.isEmpty())
        row.user = caller.subject;
    if (!caller.clientId.isEmpty())
        row.client = caller.clientId;
    if (m_trace)
        row.client = QString::fromLatin1(kTrialClient);
    row.server = m_server;
    row.tool = tool;
    row.decision = decision;
    if (!reason.isEmpty())
        row.reason = reason;
    if (upstreamStatus > 0)
        row.upstreamStatus = upstreamStatus;
    if (latencyMs >= 0)
        row.latencyMs = latencyMs;
    if (cost > 0)
        row.cost = cost;
    m_accounting.audit(std::move(row));
}

CatalogProvider::~CatalogProvider() = default;

void CatalogProvider::setTrace(std::shared_ptr<Trace> trace)
{
    m_trace = std::move(trace);
}

std::optional<mcp::ToolResult> CatalogProvider::refusal(const Permissions &permissions,
                                                        const ServerCatalog &catalog,
                                                        const openapi::Tool &tool,
                                                        const mcp::Caller &caller,
                                                        QString &reason) const
{
    if (!permissions.policy)
        return std::nullopt;
    // The catalog's own identity, not a copy: both workers would write to its strings' counts.
    const policy::ToolIdentity *known = catalog.knownIdentity(tool);
    const policy::ToolIdentity computed = known ? policy::ToolIdentity{} : catalog.identityOf(tool);
    const policy::ToolIdentity &identity = known ? *known : computed;
    // A token with every action on the server cannot lack a scope: only the grants decide.
    const policy::Decision decision = permissions.policy->decide(
        caller.subject, identity,
        caller.everyAction ? std::nullopt : std::optional<QStringList>(caller.scopes));
    reason = decision.reason;
    if (decision.allowed)
        return std::nullopt;
    qCInfo(lcGateway).noquote() << "denied" << caller.subject << "calling"
                                << m_server + u'.' + tool.name << "-" << decision.reason;
    record(caller, tool.name, QStringLiteral("deny"), decision.reason);
    if (!decision.missingScope.isEmpty())
        return mcp::ToolResult::text(
            tr("You may not call %1 with this token: it lacks the scope %2 (%3). Sign in again "
               "and allow %2, or use a token that has it.")
                .arg(tool.name, decision.missingScope, decision.reason),
            true);
    return mcp::ToolResult::text(
        tr("You may not call %1: %2. It needs the permission \"%3\"; "
           "the gateway's owner can grant it to %4 or to one of their "
           "roles.")
            .arg(tool.name, decision.reason, decision.missingPermission, caller.subject),
        true);
}

std::optional<mcp::ToolResult> CatalogProvider::admission(const Permissions &permissions,
                                                          const mcp::Caller &caller,
                                                          const QString &tool) const
{
    // Quotas are per user: without sign-in (auth mode none) there is no one to count.
    if (!m_accounting.meter || !permissions.limits || caller.clientId.isEmpty())
        return std::nullopt;
    if (!permissions.limits->readable()) {
        const QString message =
            tr("The gateway cannot read its plans and limits (%1), so it refuses calls until it "
               "can; it tries again every few seconds. Ask the gateway's owner to check the "
               "store.")
                .arg(permissions.limits->problem());
        record(caller, tool, QStringLiteral("deny"), message);
        return mcp::ToolResult::text(message, true);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const policy::Limits &limits = permissions.limits->of(caller.subject);
    const policy::Admission admission =
        m_accounting.meter->admit(caller.subject, m_server, limits, now);
    if (admission.admitted())
        return std::nullopt;

    // The plan's words: who set the limit, and when the next call gets through.
    const QString owner =
        limits.plan.isEmpty() ? tr("your limits allow") : tr("plan %1 allows").arg(limits.plan);
    const QString resets = admission.resetsAt.toString(Qt::ISODate);
    const bool monthly = admission.limit == policy::Admission::Limit::Monthly;
    mcp::ToolResult::Limited limited;
    limited.code = kLimitErrorCode;
    limited.retryAfterSeconds = qint64(admission.retryAfter.count());
    limited.message =
        monthly ? tr("Monthly limit reached: %1 %2 calls a month to server %3, and %4 have been "
                     "made. It resets at %5; the gateway's owner can raise it.")
                      .arg(owner)
                      .arg(admission.allowed)
                      .arg(m_server)
                      .arg(admission.used)
                      .arg(resets)
                : tr("Rate limit reached: %1 %2 calls a minute to server %3. Try again in %4 s.")
                      .arg(owner)
                      .arg(admission.allowed)
                      .arg(m_server)
                      .arg(limited.retryAfterSeconds);
    limited.data = mcp::Json{{"limit", monthly ? "calls_per_month" : "rate_per_minute"},
                             {"allowed", admission.allowed},
                             {"retry_after", limited.retryAfterSeconds},
                             {"resets_at", resets.toStdString()}};
    if (monthly)
        limited.data["used"] = admission.used;
    if (!limits.plan.isEmpty())
        limited.data["plan"] = limits.plan.toStdString();
    record(caller, tool, monthly ? QStringLiteral("quota") : QStringLiteral("rate"),
           limited.message);
    mcp::ToolResult result;
    result.isError = true;
    result.limited = std::move(limited);
    return result;
}

mcp::ToolList CatalogProvider::list(const mcp::Caller &caller)
{
    const auto catalog = m_catalog();
    if (!catalog)
        return {};
    const Permissions permissions = m_policy ? m_policy() : Permissions{};
    if (!permissions.policy || !catalog->tools)
        return mcp::ToolList{catalog->version, catalog->listing};
    // Only the tools the caller's grants allow (scopes are checked when a tool is called, so a
    // client can sign in again for a wider scope). The version changes with the matrix, so
    // cursors from another matrix are refused.
    mcp::ToolList list;
    list.version = catalog->version * 1'000'003u + permissions.generation;
    list.tools.reserve(catalog->listing.size());
    for (const mcp::ToolDescriptor &descriptor : catalog->listing) {
        const openapi::Tool *tool = catalog->metaTools.contains(descriptor.name)
                                        ? nullptr
                                        : catalog->tools->find(descriptor.name);
        if (tool) {
            const policy::Decision d =
                permissions.policy->decide(caller.subject, catalog->identityOf(*tool));
            if (!d.allowed)
                continue;
        }
        list.tools.push_back(descriptor);
    }
    return list;
}

std::optional<mcp::ToolResult>
CatalogProvider::reservationOutcome(store::Database &database, Charge &charge,
                                    const mcp::Caller &caller, const openapi::Tool &tool,
                                    const Result<store::SpendOutcome> &outcome) const
{
    const store::SpendRequest &r = charge.request;
    // The client cancelled while the store answered: the request never leaves, so what was
    // reserved goes back.
    if (charge.settled) {
        if (outcome && outcome->reserved())
            if (Status refunded = store::SpendRepository(database).refund(r); !refunded)
                qCWarning(lcGateway).noquote()
                    << "cannot refund the cost of a cancelled call to"
                    << m_server + u'.' + tool.name << ":" << refunded.error().message();
        return mcp::ToolResult::text(tr("%1 was cancelled").arg(tool.name), true);
    }
    if (!outcome) {
        const bool capped = !r.tokenHash.isEmpty() || r.monthly;
        qCWarning(lcGateway).noquote()
            << "cannot reserve the cost of" << m_server + u'.' + tool.name << "for"
            << caller.subject << ":" << outcome.error().message();
        if (!capped)
            return std::nullopt; // no cap to keep: the call goes, uncounted
        charge.refusedBy = tr("the spend could not be reserved");
        return mcp::ToolResult::text(
            tr("%1 was not called: its cost could not be reserved against your spend "
               "cap just now. Try again shortly.")
                .arg(tool.name),
            true);
    }
    if (!outcome->reserved()) {
        const bool token = outcome->limit == store::SpendOutcome::Limit::Token;
        const QString message =
            token ? tr("%1 was not called: it costs %2, and this token's spend cap of %3 "
                       "has %4 spent. Ask the gateway's owner for a token with room "
                       "left.")
                        .arg(tool.name)
                        .arg(r.cost, 0, 'g', 10)
                        .arg(outcome->cap, 0, 'g', 10)
                        .arg(outcome->spent, 0, 'g', 10)
                  : tr("%1 was not called: it costs %2, and your monthly spend on server "
                       "%3 is capped at %4 with %5 spent. The cap resets at the start of "
                       "next month; the gateway's owner can raise it.")
                        .arg(tool.name)
                        .arg(r.cost, 0, 'g', 10)
                        .arg(m_server)
                        .arg(outcome->cap, 0, 'g', 10)
                        .arg(outcome->spent, 0, 'g', 10);
        charge.refusedBy = message;
        return mcp::ToolResult::text(message, true);
    }
    charge.reserved = true;
    return std::nullopt;
}

void CatalogProvider::call(const QString &name, const mcp::Json &arguments,
                           mcp::ToolCallContext context, mcp::ToolCallback done)
{
    const auto catalog = m_catalog();
    if (!catalog)
        return done(Error(ErrorCode::NotFound,
                          tr("server %1 is not configured on this gateway").arg(m_server)));
    const Permissions permissions = m_policy ? m_policy() : Permissions{};
    DiscoveryTools::Visible visible;
    if (permissions.policy) {
        visible = [catalog, policy = permissions.policy,
                   user = context.caller.subject](const openapi::Tool &tool) {
            return policy->decide(user, catalog->identityOf(tool)).allowed;
        };
    }
    if (catalog->metaTools.contains(name)) {
        if (name != DiscoveryTools::kCallTool) {
            record(context.caller, name, QStringLiteral("allow"), QString());
            return done(DiscoveryTools::answer(*catalog, name, arguments, visible));
        }
        const auto target = arguments.is_object() ? arguments.find("name") : arguments.end();
        if (target == arguments.end() || !target->is_string())
            return done(mcp::ToolResult::text(
                tr("call_tool needs \"name\" (a tool's name) and \"arguments\" (an object)"),
                true));
        const auto inner = arguments.find("arguments");
        const mcp::Json innerArguments = inner == arguments.end() ? mcp::Json::object() : *inner;
        const QString targetName = QString::fromStdString(target->get<std::string>());
        const openapi::Tool *targetTool = catalog->tools->find(targetName);
        if (!targetTool || (visible && !visible(*targetTool)))
            return done(mcp::ToolResult::text(
                tr("There is no tool named \"%1\" that you may use here; find one with %2.")
                    .arg(targetName, catalog->discovery == DiscoveryMode::Search
                                         ? DiscoveryTools::kSearchTools
                                         : DiscoveryTools::kListTools),
                true));
        QString reason;
        if (auto refused = refusal(permissions, *catalog, *targetTool, context.caller, reason))
            return done(std::move(*refused));
        if (auto limited = admission(permissions, context.caller, targetName))
            return done(std::move(*limited));
        return dispatch(catalog, permissions, targetName, innerArguments, std::move(context),
                        std::move(done), reason);
    }
    if (!catalog->tools->find(name)) {
        if (!catalog->loadError.isEmpty())
            return done(Error(ErrorCode::NotFound, catalog->loadError));
        return done(Error(ErrorCode::NotFound,
                          tr("server %1 has no tool named %2: call tools/list for the tools it "
                             "offers")
                              .arg(m_server, name)));
    }
    // A denied call never reaches the upstream.
    QString reason;
    if (auto refused =
            refusal(permissions, *catalog, *catalog->tools->find(name), context.caller, reason))
        return done(std::move(*refused));
    // A limit stops the call before anything is checked or sent; it is counted from here on.
    if (auto limited = admission(permissions, context.caller, name))
        return done(std::move(*limited));
    dispatch(catalog, permissions, name, arguments, std::move(context), std::move(done), reason);
}

void CatalogProvider::dispatch(const std::shared_ptr<const ServerCatalog> &catalog,
                               const Permissions &permissions, const QString &name,
                               const mcp::Json &arguments, mcp::ToolCallContext context,
                               mcp::ToolCallback done, const QString &reason)
{
    const qsizetype index = catalog->tools->byName.value(name, -1);
    const openapi::Tool &tool = catalog->tools->tools.at(index);
    dispatch::DispatchTarget target;
    target.keepAlive = catalog;
    target.tool = &tool;
    if (size_t(index) < catalog->validators.size())
        target.validator = catalog->validators.at(size_t(index)).get();
    target.upstream = catalog->name;
    target.baseUrl = catalog->baseUrl;
    target.securitySchemes = &catalog->tools->spec->securitySchemes();
    target.identityHeaders = identityHeaders(*catalog, context.caller);
    if (m_trace) {
        target.sent = m_trace->sent;
        target.received = m_trace->received;
    }
    // Chosen per call (issue 6): tools of one server may need different upstream scopes.
    QString credential = tool.credential.isEmpty() ? catalog->defaultCredential : tool.credential;
    std::optional<Result<QByteArray>> prefetched;
    if (size_t(index) < catalog->credentialChoices.size()) {
        const CredentialChoice &choice = catalog->credentialChoices.at(size_t(index));
        if (choice.byScope) {
            ScopeChoice chosen = chooseByScope(*catalog, tool, choice, context.caller);
            credential = chosen.name;
            prefetched = std::move(chosen.secret);
            target.credentialError = chosen.error;
        } else {
            credential = choice.fixed;
        }
    }
    if (!credential.isEmpty()) {
        const ResolvedCredential resolved = catalog->credentials.value(credential);
        if (resolved.fromVault && resolved.error.isEmpty() && resolved.credential) {
            VaultLookup lookup =
                fromVault(*catalog, credential, resolved, context.caller, std::move(prefetched));
            target.credential = std::move(lookup.credential);
            target.credentialError = lookup.error;
        } else {
            target.credential = resolved.credential;
            target.credentialError = resolved.error;
        }
        // An OAuth2 credential's access tokens come from the shared cache; its vault secret is
        // read again when a token is fetched, and a rotated refresh token is stored back.
        if (resolved.credential && resolved.credential->isOAuth2()) {
            target.tokens = catalog->tokens;
            target.credentialUser = resolved.perUser ? context.caller.subject : QString();
            if (resolved.fromVault && catalog->vault) {
                const auto vault = catalog->vault;
                const QString user = target.credentialUser;
                target.readSecret = [vault, credential, user] {
                    return vault->secret(credential, user);
                };
                target.storeSecret = [vault, credential, user](QByteArrayView secret) {
                    return vault->storeRotated(credential, user, secret);
                };
            }
        }
    }
    // The cost is reserved when the request is ready to go, so a call over a cap never reaches
    // the upstream; the reservation is in the store before the request leaves.
    auto charge = std::make_shared<Charge>();
    const mcp::Caller &caller = context.caller;
    const bool signedIn = !caller.clientId.isEmpty();
    if (m_accounting.database && (tool.cost || !tool.costArgument.isEmpty())) {
        const std::optional<double> monthly =
            signedIn && permissions.limits ? permissions.limits->of(caller.subject).spendPerMonth
                                           : std::nullopt;
        // The reservation is a store write: it runs off the worker's event loop (offload) and
        // the call goes on when it is in the store.
        target.beforeSend = [this, charge, caller, monthly, signedIn, &tool, keep = catalog,
                             database = m_accounting.database, offload = m_accounting.offload,
                             guard = QPointer<QObject>(m_dispatcher)](
                                const mcp::Json &args, dispatch::DispatchTarget::Proceed proceed) {
            const auto refuse = [&charge, &proceed](const QString &message) {
                charge->refusedBy = message;
                proceed(mcp::ToolResult::text(message, true));
            };
            const Result<double> cost = costOf(tool, args);
            if (!cost)
                return refuse(cost.error().message());
            if (*cost <= 0)
                return proceed(std::nullopt);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            store::SpendRequest &r = charge->request;
            r.cost = *cost;
            r.tokenHash = caller.spendCap ? caller.tokenHash : QString();
            r.user = signedIn ? caller.subject : QString();
            r.server = m_server;
            r.period = policy::UsageMeter::periodOf(now);
            r.monthly = monthly;
            auto reserved = [this, charge, caller, &tool, keep, proceed,
                             database](const Result<store::SpendOutcome> &outcome) {
                proceed(reservationOutcome(*database, *charge, caller, tool, outcome));
            };
            const QString stopping =
                tr("%1 was not called: the gateway is stopping. Try again shortly.").arg(tool.name);
            if (!offload)
                return reserved(store::SpendRepository(*database).reserve(r));
            auto outcome = std::make_shared<Result<store::SpendOutcome>>(
                Error(ErrorCode::Unavailable, QString()));
            const bool started = offload(
                [database, request = r, outcome] {
                    *outcome = store::SpendRepository(*database).reserve(request);
                },
                [guard, reserved, outcome, charge, proceed, stopping, database](bool ran) {
                    // This provider went while the store answered (a Try it call cancelled, its
                    // session closed): the request never leaves, so what was reserved goes back.
                    if (!guard) {
                        if (ran && *outcome && (*outcome)->reserved())
                            if (Status refunded =
                                    store::SpendRepository(*database).refund(charge->request);
                                !refunded)
                                qCWarning(lcGateway).noquote()
                                    << "cannot refund the cost of a call whose session ended:"
                                    << refunded.error().message();
                        return;
                    }
                    if (!ran) {
                        charge->refusedBy = stopping;
                        return proceed(mcp::ToolResult::text(stopping, true));
                    }
                    reserved(*outcome);
                });
            if (!started)
                refuse(stopping);
        };
    }

    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    // Records the call and gives a failed call's cost back where the tool says so; once.
    auto settle = [this, charge, timer, caller, name, reason, &tool, keep = catalog,
                   database = m_accounting.database](bool failed, int upstreamStatus,
                                                     const QString &why) {
        if (charge->settled)
            return;
        charge->settled = true;
        const qint64 latency = timer->elapsed();
        if (!charge->refusedBy.isEmpty())
            return record(caller, name, QStringLiteral("spend"), charge->refusedBy, 0, latency);
        double cost = charge->reserved ? charge->request.cost : 0.0;
        if (charge->reserved && failed && tool.refundOnFailure) {
            if (Status refunded = store::SpendRepository(*database).refund(charge->request);
                refunded)
                cost = 0.0;
            else
                qCWarning(lcGateway).noquote()
                    << "cannot refund the cost of a failed call to" << m_server + u'.' + name << ":"
                    << refunded.error().message();
        }
        record(caller, name, QStringLiteral("allow"), why.isEmpty() ? reason : why, upstreamStatus,
               latency, cost);
    };
    // A cancelled call may never call back (the dispatcher drops the upstream's answer): it is
    // recorded when the client cancels it, so no call escapes the audit log.
    context.cancellation.onCancelled(
        [settle] { settle(true, 0, CatalogProvider::tr("cancelled by the client")); });
    auto finish = [settle, done = std::move(done)](Result<mcp::ToolResult> result) {
        settle(!result || result->isError, result ? result->upstreamStatus : 0, QString());
        done(std::move(result));
    };
    m_dispatcher->call(std::move(target), arguments, std::move(context), std::move(finish));
}

} // namespace gatehouse::gateway
