#include "CatalogLoader.h"

#include "DiscoveryTools.h"
#include "Logging.h"
#include "ToolSearch.h"
#include "config/Config.h"
#include "config/ToolSettingsBuilder.h"
#include "dispatch/SchemaValidator.h"
#include "dispatch/SecretResolver.h"
#include "dispatch/TokenCache.h"
#include "dispatch/UpstreamCredential.h"
#include "http/DocumentFetcher.h"
#include "openapi/SpecLoader.h"
#include "openapi/ToolGenerator.h"
#include "store/CredentialRepository.h"
#include "store/ServerRepository.h"
#include "store/ToolOverrideRepository.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <openssl/crypto.h>

namespace gatehouse::gateway {

namespace {

// The credential holds its secret until the last catalog and call that use it let go; then the
// secret's bytes are wiped, not just freed.
std::shared_ptr<const dispatch::UpstreamCredential>
wipedOnRelease(dispatch::UpstreamCredential credential)
{
    return std::shared_ptr<const dispatch::UpstreamCredential>(
        new dispatch::UpstreamCredential(std::move(credential)),
        [](dispatch::UpstreamCredential *c) {
            if (!c->secret.isEmpty())
                OPENSSL_cleanse(c->secret.data(), size_t(c->secret.size()));
            delete c;
        });
}

// A credential record from the store, ready to inject: secrets from the environment or a file
// are read now, sealed ones unsealed now with the vault's master key (once per load, not per
// call); keychain secrets (and credentials that name no secret, to be imported) are the vault's,
// decrypted at each call.
ResolvedCredential resolve(const store::Credential &record, const QString &server,
                           const secrets::CredentialVault *vault)
{
    ResolvedCredential out;
    auto fail = [&](const QString &why) {
        out.error = CatalogLoader::tr("credential %1 of server %2 cannot be used: %3")
                        .arg(record.name, server, why);
        return out;
    };
    config::Credential c;
    c.name = record.name;
    const auto type = config::fromString<config::CredentialType>(record.type);
    if (!type)
        return fail(CatalogLoader::tr("unknown type %1").arg(record.type));
    c.type = *type;
    if (record.location) {
        c.in = config::fromString<config::ParamLocation>(*record.location);
        if (!c.in)
            return fail(CatalogLoader::tr("unknown location %1").arg(*record.location));
    }
    c.param = record.param;
    c.scopes = record.scopes;
    if (record.tokenUrl)
        c.tokenUrl = QUrl(*record.tokenUrl);
    c.clientId = record.clientId;
    c.resource = record.resource;
    if (record.secret) {
        const auto source = config::fromString<config::SecretSource>(record.secret->kind);
        if (!source)
            return fail(CatalogLoader::tr("unknown secret source %1").arg(record.secret->kind));
        // The store keeps a file secret's path resolved against the configuration's folder.
        c.secret = config::SecretRef{*source, record.secret->value, record.secret->value};
    }
    const bool fromVault = !c.secret || c.secret->source == config::SecretSource::Keychain;
    if (record.perUser && !fromVault)
        return fail(CatalogLoader::tr("a per-user credential keeps each user's secret in the "
                                      "vault: write `secret: {keychain: %1}` and import each "
                                      "user's with `gatehouse credential import %1 --user NAME`")
                        .arg(record.name));
    // A rotated refresh token must be stored back (RFC 6749 §6), which only the vault can do.
    if (c.type == config::CredentialType::OAuth2RefreshToken && !fromVault)
        return fail(CatalogLoader::tr("an oauth2_refresh_token credential keeps its refresh "
                                      "token in the vault, where a rotated one is stored back: "
                                      "write `secret: {keychain: %1}` and import the token with "
                                      "`gatehouse credential import %1`")
                        .arg(record.name));
    const bool sealed = c.secret && c.secret->source == config::SecretSource::Sealed;
    auto credential = fromVault || sealed ? dispatch::UpstreamCredential::withoutSecret(c)
                                          : dispatch::UpstreamCredential::fromConfig(c);
    if (!credential)
        return fail(credential.error().message());
    if (sealed) {
        auto plaintext = dispatch::SecretResolver::unseal(*c.secret, record.name, vault);
        if (!plaintext)
            return fail(plaintext.error().message());
        credential->secret = std::move(plaintext).value();
    }
    out.credential = wipedOnRelease(std::move(credential).value());
    out.fromVault = fromVault;
    out.perUser = record.perUser;
    return out;
}

// An identity header name from the store, or nothing when it must not be sent (the config check
// refuses such names; the store may have been written otherwise).
QByteArray identityHeader(const std::optional<QString> &name, const QString &server)
{
    if (!name || name->isEmpty())
        return {};
    if (!config::isHeaderName(*name) || config::isReservedIdentityHeader(*name)) {
        qCWarning(lcGateway).noquote()
            << CatalogLoader::tr("server %1 does not send the identity header %2: it is not a "
                                 "header the gateway may set (see identity_headers in "
                                 "docs/configuration.md)")
                   .arg(server, *name);
        return {};
    }
    return name->toLatin1();
}

// Whether a credential's declared scopes include every scope of one of the tool's alternatives.
bool carries(const store::Credential &credential, const QList<QStringList> &alternatives)
{
    const QStringList held = credential.scopes.value_or(QStringList());
    return std::any_of(alternatives.cbegin(), alternatives.cend(), [&](const QStringList &needed) {
        return std::all_of(needed.cbegin(), needed.cend(),
                           [&](const QString &scope) { return held.contains(scope); });
    });
}

CredentialChoice credentialChoice(const openapi::Tool &tool, const QString &defaultCredential,
                                  const QStringList &candidates,
                                  const QList<store::Credential> &credentials)
{
    CredentialChoice choice;
    if (!tool.credential.isEmpty() || tool.scopes.isEmpty()) {
        choice.fixed = tool.credential.isEmpty() ? defaultCredential : tool.credential;
        return choice;
    }
    choice.byScope = true;
    choice.considered = candidates;
    QStringList alternatives;
    for (const QStringList &scopes : tool.scopes)
        alternatives.append(scopes.join(u' '));
    choice.scopes = alternatives.join(CatalogLoader::tr(" or "));
    for (const QString &name : candidates) {
        const auto it = std::find_if(credentials.cbegin(), credentials.cend(),
                                     [&](const store::Credential &c) { return c.name == name; });
        if (it != credentials.cend() && carries(*it, tool.scopes))
            choice.eligible.append(name);
    }
    return choice;
}

} // namespace

CatalogLoader::CatalogLoader()
    : m_tokens(std::make_shared<dispatch::TokenCache>())
{}

CatalogLoader::~CatalogLoader() = default;

void CatalogLoader::setVault(std::shared_ptr<const secrets::CredentialVault> vault)
{
    m_vault = std::move(vault);
}

openapi::SpecLoadOptions CatalogLoader::loadOptions(const QString &baseUrl, bool remoteRefs)
{
    openapi::SpecLoadOptions options;
    options.baseUrlOverride = baseUrl;
    options.allowNetworkRefs = remoteRefs;
    options.responseSchemas = false; // dispatch reads only the responses' media types
    if (remoteRefs) {
        // Remote $refs are URLs the owner did not configure: public addresses only, checked on
        // the address actually connected to (SECURITY-CASES, SSRF).
        options.fetch = [](const QUrl &url) -> Result<QByteArray> {
            http::DocumentFetcher::Options fetch;
            fetch.addressPolicy = http::AddressPolicy::publicOnly();
            auto document = http::DocumentFetcher::fetch(url, fetch);
            if (!document)
                return document.error();
            return std::move(document->body);
        };
    }
    return options;
}

Result<std::shared_ptr<const openapi::Spec>>
CatalogLoader::spec(const QString &path, const QString &baseUrl, bool remoteRefs)
{
    const openapi::SpecLoadOptions options = loadOptions(baseUrl, remoteRefs);
    QElapsedTimer timer;
    timer.start();
    if (config::isHttpUrl(path)) {
        // The owner named this URL, so it may be on their own network; fetched on every load,
        // and the last spec that loaded stays in service when a fetch fails.
        const auto cached = m_specs.constFind(path);
        const bool usable = cached != m_specs.cend() && cached->baseUrl == baseUrl &&
                            cached->remoteRefs == remoteRefs;
        if (usable && !m_refetchUrls)
            return cached->spec;
        auto document = http::DocumentFetcher::fetch(QUrl(path), http::DocumentFetcher::Options());
        if (!document) {
            if (!usable)
                return document.error();
            qCWarning(lcOpenApi).noquote() << tr("%1; the spec fetched before stays in service")
                                                  .arg(document.error().message());
            return cached->spec;
        }
        auto loaded = openapi::SpecLoader(options).loadFetched(document->body, QUrl(path));
        if (!loaded) {
            if (!usable)
                return loaded.error();
            qCWarning(lcOpenApi).noquote()
                << tr("%1; the spec loaded before stays in service").arg(loaded.error().message());
            return cached->spec;
        }
        auto shared = std::make_shared<const openapi::Spec>(std::move(loaded).value());
        qCInfo(lcOpenApi).noquote()
            << "fetched and loaded" << http::DocumentFetcher::displayUrl(QUrl(path)) << "with"
            << shared->operations().size() << "operations in" << timer.elapsed() << "ms";
        m_specs.insert(path, CachedSpec{baseUrl, remoteRefs, -1, {}, shared});
        return std::shared_ptr<const openapi::Spec>(shared);
    }
    const QFileInfo info(path);
    if (!info.exists())
        return Error(
            ErrorCode::NotFound,
            tr("the spec file %1 does not exist: check the server's openapi path").arg(path));
    const auto cached = m_specs.constFind(path);
    if (cached != m_specs.cend() && cached->baseUrl == baseUrl &&
        cached->remoteRefs == remoteRefs && cached->size == info.size() &&
        cached->modified == info.lastModified())
        return cached->spec;

    auto loaded = openapi::SpecLoader(options).loadFile(path);
    if (!loaded)
        return loaded.error();
    auto shared = std::make_shared<const openapi::Spec>(std::move(loaded).value());
    qCInfo(lcOpenApi).noquote() << "loaded" << path << "with" << shared->operations().size()
                                << "operations in" << timer.elapsed() << "ms";
    m_specs.insert(path, CachedSpec{baseUrl, remoteRefs, info.size(), info.lastModified(), shared});
    return std::shared_ptr<const openapi::Spec>(shared);
}

std::shared_ptr<const ServerCatalog>
CatalogLoader::build(const store::Server &server, const QList<store::ToolOverride> &overrides,
                     const QList<store::Credential> &credentials)
{
    auto catalog = std::make_shared<ServerCatalog>();
    catalog->name = server.name;
    catalog->title = server.title.value_or(QString());
    catalog->discovery = discoveryModeFromName(server.discovery).value_or(DiscoveryMode::Flat);
    catalog->version = ++m_version;
    catalog->defaultCredential = server.credential.value_or(QString());
    if (!catalog->defaultCredential.isEmpty())
        catalog->candidateCredentials.append(catalog->defaultCredential);
    for (const QString &name : server.credentials)
        if (!catalog->candidateCredentials.contains(name))
            catalog->candidateCredentials.append(name);
    if (server.identityHeaders) {
        catalog->identityUserHeader = identityHeader(server.identityHeaders->user, server.name);
        catalog->identityClientHeader = identityHeader(server.identityHeaders->client, server.name);
    }
    catalog->vault = m_vault;
    catalog->tokens = m_tokens;

    if (!server.openapi) {
        catalog->loadError = server.mcpUrl
                                 ? tr("server %1 fronts an upstream MCP server, which is not "
                                      "supported yet")
                                       .arg(server.name)
                                 : tr("server %1 names no openapi spec").arg(server.name);
    } else if (auto spec = this->spec(*server.openapi, server.baseUrl.value_or(QString()),
                                      server.openapiRemoteRefs);
               !spec) {
        catalog->loadError =
            tr("server %1 offers no tools: %2").arg(server.name, spec.error().message());
    } else {
        const openapi::ToolSettings settings =
            config::ToolSettingsBuilder::fromStore(server, overrides);
        auto tools = std::make_shared<openapi::ToolCatalog>(
            openapi::ToolGenerator::generate(*spec, settings));
        for (const QString &warning : std::as_const(tools->warnings))
            qCWarning(lcOpenApi).noquote() << server.name << warning;
        catalog->baseUrl = (*spec)->baseUrl();
        catalog->validators.reserve(tools->tools.size());
        catalog->identities.reserve(tools->tools.size());
        for (const openapi::Tool &tool : std::as_const(tools->tools)) {
            catalog->validators.push_back(
                std::make_shared<const dispatch::SchemaValidator>(tool.inputSchema));
            catalog->identities.push_back(policy::PermissionPolicy::identify(server.name, tool));
        }
        catalog->search = std::make_shared<const ToolSearch>(*tools);
        catalog->tools = std::move(tools);
    }
    if (!catalog->tools)
        catalog->tools = std::make_shared<const openapi::ToolCatalog>();

    // The credentials this server's tools may use: its candidates and each tool's own.
    QSet<QString> names(catalog->candidateCredentials.cbegin(),
                        catalog->candidateCredentials.cend());
    for (const openapi::Tool &tool : catalog->tools->tools)
        if (!tool.credential.isEmpty())
            names.insert(tool.credential);
    catalog->credentialChoices.reserve(size_t(catalog->tools->tools.size()));
    for (const openapi::Tool &tool : catalog->tools->tools)
        catalog->credentialChoices.push_back(credentialChoice(
            tool, catalog->defaultCredential, catalog->candidateCredentials, credentials));
    for (const QString &name : std::as_const(names)) {
        const auto it = std::find_if(credentials.cbegin(), credentials.cend(),
                                     [&](const store::Credential &c) { return c.name == name; });
        if (it == credentials.cend()) {
            catalog->credentials.insert(
                name, ResolvedCredential{nullptr,
                                         tr("credential %1 of server %2 is not configured: add it "
                                            "under credentials")
                                             .arg(name, server.name)});
            continue;
        }
        ResolvedCredential resolved = resolve(*it, server.name, m_vault.get());
        if (!resolved.error.isEmpty())
            qCWarning(lcDispatch).noquote() << resolved.error;
        catalog->credentials.insert(name, std::move(resolved));
    }

    catalog->listing = DiscoveryTools::listing(catalog->discovery, *catalog->tools, catalog->title);
    // Hierarchical and search modes list only meta-tools; flat mode lists the tools and, with
    // compact schemas, get_tool_schema.
    for (const mcp::ToolDescriptor &d : catalog->listing)
        if (catalog->discovery != DiscoveryMode::Flat || !catalog->tools->find(d.name))
            catalog->metaTools.insert(d.name);
    if (!catalog->loadError.isEmpty())
        qCWarning(lcOpenApi).noquote() << catalog->loadError;
    return catalog;
}

Result<Catalogs> CatalogLoader::load(store::Database &database)
{
    const auto servers = store::ServerRepository(database).list();
    if (!servers)
        return servers.error();
    const auto credentials = store::CredentialRepository(database).list();
    if (!credentials)
        return credentials.error();
    store::ToolOverrideRepository overrideRepository(database);
    Catalogs out;
    for (const store::Server &server : *servers) {
        if (!server.enabled)
            continue;
        const auto overrides = overrideRepository.listForServer(server.name);
        if (!overrides)
            return overrides.error();
        out.insert(server.name, build(server, *overrides, *credentials));
    }
    // Forget specs no server uses any more.
    QSet<QString> used;
    for (const store::Server &server : *servers)
        if (server.openapi)
            used.insert(*server.openapi);
    for (auto it = m_specs.begin(); it != m_specs.end();)
        it = used.contains(it.key()) ? std::next(it) : m_specs.erase(it);
    return out;
}

} // namespace gatehouse::gateway
