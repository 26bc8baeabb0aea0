#include "CatalogProvider.h"

#include "DiscoveryTools.h"
#include "Logging.h"
#include "dispatch/Dispatcher.h"
#include "dispatch/UpstreamCredential.h"
#include "policy/PermissionPolicy.h"
#include "secrets/CredentialVault.h"

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
                                 QObject *parent)
    : mcp::ToolProvider(parent)
    , m_server(std::move(server))
    , m_catalog(std::move(catalog))
    , m_policy(std::move(policy))
    , m_dispatcher(new dispatch::Dispatcher(this))
{}

CatalogProvider::~CatalogProvider() = default;

std::optional<mcp::ToolResult> CatalogProvider::refusal(const Permissions &permissions,
                                                        const ServerCatalog &catalog,
                                                        const openapi::Tool &tool,
                                                        const mcp::Caller &caller) const
{
    if (!permissions.policy)
        return std::nullopt;
    const policy::ToolIdentity identity = catalog.identityOf(tool);
    const policy::Decision decision =
        permissions.policy->decide(caller.subject, identity, caller.scopes);
    if (decision.allowed)
        return std::nullopt;
    qCInfo(lcGateway).noquote() << "denied" << caller.subject << "calling"
                                << m_server + u'.' + tool.name << "-" << decision.reason;
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
        if (name != DiscoveryTools::kCallTool)
            return done(DiscoveryTools::answer(*catalog, name, arguments, visible));
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
        if (auto refused = refusal(permissions, *catalog, *targetTool, context.caller))
            return done(std::move(*refused));
        return dispatch(catalog, targetName, innerArguments, std::move(context), std::move(done));
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
    if (auto refused = refusal(permissions, *catalog, *catalog->tools->find(name), context.caller))
        return done(std::move(*refused));
    dispatch(catalog, name, arguments, std::move(context), std::move(done));
}

void CatalogProvider::dispatch(const std::shared_ptr<const ServerCatalog> &catalog,
                               const QString &name, const mcp::Json &arguments,
                               mcp::ToolCallContext context, mcp::ToolCallback done)
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
    m_dispatcher->call(std::move(target), arguments, std::move(context), std::move(done));
}

} // namespace gatehouse::gateway
