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

VaultLookup fromVault(const ServerCatalog &catalog, const QString &name,
                      const ResolvedCredential &resolved, const mcp::Caller &caller)
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
    if (!catalog.vault)
        return {nullptr, missing()};
    auto secret = catalog.vault->secret(name, user);
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
    if (tool.costArgument.isEmpty() || !arguments.is_object())
        return cost;
    const auto it = arguments.find(tool.costArgument.toStdString());
    if (it == arguments.end() || it->is_null())
        return cost;
    double value = std::nan("");
    if (it->is_number()) {
        value = it->get<double>();
    } else if (it->is_string()) {
        bool ok = false;
        value = QString::fromStdString(it->get<std::string>()).trimmed().toDouble(&ok);
        if (!ok)
            value = std::nan("");
    }
    if (!std::isfinite(value) || value < 0)
        return Error(ErrorCode::InvalidArgument,
                     tr("%1 was not called: its argument \"%2\" sets what the call costs, so it "
                        "must be a number of zero or more.")
                         .arg(tool.name, tool.costArgument));
    return cost + value * tool.costFactor;
}

void CatalogProvider::record(const mcp::Caller &caller, const QString &tool,
                             const QString &decision, const QString &reason, int upstreamStatus,
                             qint64 latencyMs, double cost) const
{
    if (!m_accounting.audit)
        return;
    store::AuditRow row;
    row.time = QDateTime::currentDateTimeUtc();
    if (!caller.subject.isEmpty())
        row.user = caller.subject;
    if (!caller.clientId.isEmpty())
        row.client = caller.clientId;
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

std::optional<mcp::ToolResult> CatalogProvider::refusal(const Permissions &permissions,
                                                        const ServerCatalog &catalog,
                                                        const openapi::Tool &tool,
                                                        const mcp::Caller &caller,
                                                        QString &reason) const
{
    if (!permissions.policy)
        return std::nullopt;
    const policy::ToolIdentity identity = catalog.identityOf(tool);
    const policy::Decision decision =
        permissions.policy->decide(caller.subject, identity, caller.scopes);
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
    const QString credential =
        tool.credential.isEmpty() ? catalog->defaultCredential : tool.credential;
    if (!credential.isEmpty()) {
        const ResolvedCredential resolved = catalog->credentials.value(credential);
        if (resolved.fromVault && resolved.error.isEmpty() && resolved.credential) {
            VaultLookup lookup = fromVault(*catalog, credential, resolved, context.caller);
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
    struct Charge
    {
        store::SpendRequest request;
        bool reserved = false;
        QString refusedBy; // the spend cap that stopped the call
    };
    auto charge = std::make_shared<Charge>();
    const mcp::Caller &caller = context.caller;
    const bool signedIn = !caller.clientId.isEmpty();
    if (m_accounting.database && (tool.cost || !tool.costArgument.isEmpty())) {
        const std::optional<double> monthly =
            signedIn && permissions.limits ? permissions.limits->of(caller.subject).spendPerMonth
                                           : std::nullopt;
        target.beforeSend = [this, charge, caller, monthly, signedIn, &tool,
                             database = m_accounting.database](
                                const mcp::Json &args) -> std::optional<mcp::ToolResult> {
            const Result<double> cost = costOf(tool, args);
            if (!cost)
                return mcp::ToolResult::text(cost.error().message(), true);
            if (*cost <= 0)
                return std::nullopt;
            const QDateTime now = QDateTime::currentDateTimeUtc();
            store::SpendRequest &r = charge->request;
            r.cost = *cost;
            r.tokenHash = caller.spendCap ? caller.tokenHash : QString();
            r.user = signedIn ? caller.subject : QString();
            r.server = m_server;
            r.period = policy::UsageMeter::periodOf(now);
            r.monthly = monthly;
            const auto outcome = store::SpendRepository(*database).reserve(r);
            if (!outcome) {
                const bool capped = !r.tokenHash.isEmpty() || r.monthly;
                qCWarning(lcGateway).noquote()
                    << "cannot reserve the cost of" << m_server + u'.' + tool.name << "for"
                    << caller.subject << ":" << outcome.error().message();
                if (!capped)
                    return std::nullopt; // no cap to keep: the call goes, uncounted
                charge->refusedBy = tr("the spend could not be reserved");
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
                                .arg(*cost)
                                .arg(outcome->cap)
                                .arg(outcome->spent)
                          : tr("%1 was not called: it costs %2, and your monthly spend on server "
                               "%3 is capped at %4 with %5 spent. The cap resets at the start of "
                               "next month; the gateway's owner can raise it.")
                                .arg(tool.name)
                                .arg(*cost)
                                .arg(m_server)
                                .arg(outcome->cap)
                                .arg(outcome->spent);
                charge->refusedBy = message;
                return mcp::ToolResult::text(message, true);
            }
            charge->reserved = true;
            return std::nullopt;
        };
    }

    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    auto finish = [this, charge, timer, caller, name, reason, &tool, keep = catalog,
                   database = m_accounting.database,
                   done = std::move(done)](Result<mcp::ToolResult> result) {
        const qint64 latency = timer->elapsed();
        if (!charge->refusedBy.isEmpty()) {
            record(caller, name, QStringLiteral("spend"), charge->refusedBy, 0, latency);
            return done(std::move(result));
        }
        double cost = charge->reserved ? charge->request.cost : 0.0;
        const bool failed = !result || result->isError;
        if (charge->reserved && failed && tool.refundOnFailure) {
            if (Status refunded = store::SpendRepository(*database).refund(charge->request);
                refunded)
                cost = 0.0;
            else
                qCWarning(lcGateway).noquote()
                    << "cannot refund the cost of a failed call to" << m_server + u'.' + name << ":"
                    << refunded.error().message();
        }
        record(caller, name, QStringLiteral("allow"), reason, result ? result->upstreamStatus : 0,
               latency, cost);
        done(std::move(result));
    };
    m_dispatcher->call(std::move(target), arguments, std::move(context), std::move(finish));
}

} // namespace gatehouse::gateway
