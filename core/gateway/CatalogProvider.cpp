#include "CatalogProvider.h"

#include "DiscoveryTools.h"
#include "Logging.h"
#include "dispatch/Dispatcher.h"
#include "dispatch/UpstreamCredential.h"
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
        return {nullptr, CatalogProvider::tr("Credential %1 of server %2 cannot be used: %3")
                             .arg(name, catalog.name, secret.error().message())};
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

CatalogProvider::CatalogProvider(QString server, CatalogSource catalog, QObject *parent)
    : mcp::ToolProvider(parent)
    , m_server(std::move(server))
    , m_catalog(std::move(catalog))
    , m_dispatcher(new dispatch::Dispatcher(this))
{}

CatalogProvider::~CatalogProvider() = default;

mcp::ToolList CatalogProvider::list(const mcp::Caller &)
{
    const auto catalog = m_catalog();
    if (!catalog)
        return {};
    // The permission filter (who may see which tool) arrives with the policy issue.
    return mcp::ToolList{catalog->version, catalog->listing};
}

void CatalogProvider::call(const QString &name, const mcp::Json &arguments,
                           mcp::ToolCallContext context, mcp::ToolCallback done)
{
    const auto catalog = m_catalog();
    if (!catalog)
        return done(Error(ErrorCode::NotFound,
                          tr("server %1 is not configured on this gateway").arg(m_server)));
    if (catalog->metaTools.contains(name)) {
        if (name != DiscoveryTools::kCallTool)
            return done(DiscoveryTools::answer(*catalog, name, arguments, {}));
        const auto target = arguments.is_object() ? arguments.find("name") : arguments.end();
        if (target == arguments.end() || !target->is_string())
            return done(mcp::ToolResult::text(
                tr("call_tool needs \"name\" (a tool's name) and \"arguments\" (an object)"),
                true));
        const auto inner = arguments.find("arguments");
        const mcp::Json innerArguments = inner == arguments.end() ? mcp::Json::object() : *inner;
        const QString targetName = QString::fromStdString(target->get<std::string>());
        if (!catalog->tools->find(targetName))
            return done(mcp::ToolResult::text(
                tr("There is no tool named \"%1\" that you may use here; find one with %2.")
                    .arg(targetName, catalog->discovery == DiscoveryMode::Search
                                         ? DiscoveryTools::kSearchTools
                                         : DiscoveryTools::kListTools),
                true));
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
    }
    m_dispatcher->call(std::move(target), arguments, std::move(context), std::move(done));
}

} // namespace gatehouse::gateway
