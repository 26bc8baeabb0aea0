#pragma once

#include "mcp/ToolProvider.h"
#include "openapi/Tool.h"
#include "policy/PermissionPolicy.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace gatehouse::dispatch {
class SchemaValidator;
class TokenCache;
struct UpstreamCredential;
} // namespace gatehouse::dispatch

namespace gatehouse::secrets {
class CredentialVault;
}

namespace gatehouse::gateway {

class ToolSearch;

enum class DiscoveryMode
{
    Flat,         // tools/list shows every tool
    Hierarchical, // list_groups, list_tools, get_tool_schema, call_tool
    Search,       // search_tools, get_tool_schema, call_tool
};
std::optional<DiscoveryMode> discoveryModeFromName(QStringView name);
QString discoveryModeName(DiscoveryMode mode);

// A credential as the dispatcher can use it: resolved once when the catalog is built, or the
// sentence that says why it cannot be used (a call that needs it becomes a tool error). A vault
// credential is resolved without its secret, which the vault decrypts at each call: the owner's,
// or with perUser the caller's own.
struct ResolvedCredential
{
    std::shared_ptr<const dispatch::UpstreamCredential> credential;
    QString error;
    bool fromVault = false;
    bool perUser = false;
};

// How one tool's upstream credential is chosen at each call, worked out when the catalog is
// built: the tool's own credential; else, when the tool needs upstream scopes, the first of the
// server's candidates (its default, then servers[].credentials) whose scopes include them, a
// per-user one only when the caller has a secret for it; else the server's default.
struct CredentialChoice
{
    QString fixed;          // used as it is (empty: none) when byScope is false
    bool byScope = false;   // the tool needs scopes: pick from eligible at each call
    QStringList eligible;   // the candidates that carry the scopes, in the order tried
    QString scopes;         // the scopes, for messages ("a b", alternatives joined by "or")
    QStringList considered; // every candidate, for messages
};

// Everything the hot path needs to serve one configured server: built off the hot path when the
// configuration changes, then shared read-only by every worker thread.
struct ServerCatalog
{
    QString name;
    QString title;
    DiscoveryMode discovery = DiscoveryMode::Flat;
    quint64 version = 0; // changes whenever the catalog is rebuilt
    QString baseUrl;     // where requests go; empty when neither the spec nor the owner names one
    QString defaultCredential;
    QStringList candidateCredentials;               // the default first, then servers[].credentials
    QHash<QString, ResolvedCredential> credentials; // by credential name
    std::vector<CredentialChoice> credentialChoices; // per tool
    // servers[].identity_headers, checked when the catalog is built: the names of the headers
    // that carry the caller's user name and OAuth client_id (empty: that one is not sent).
    QByteArray identityUserHeader;
    QByteArray identityClientHeader;
    std::shared_ptr<const secrets::CredentialVault> vault; // null: no secret was ever imported
    std::shared_ptr<dispatch::TokenCache> tokens; // OAuth2 access tokens, shared by all catalogs
    std::shared_ptr<const openapi::ToolCatalog> tools;
    std::vector<std::shared_ptr<const dispatch::SchemaValidator>> validators; // per tool
    // Per tool, what the permission policy matches (its default name takes a namer run, so it
    // is worked out once here rather than on every call).
    std::vector<policy::ToolIdentity> identities;
    std::shared_ptr<const ToolSearch> search;
    QString loadError; // the spec could not be loaded: the server offers no tools, and says why

    // What tools/list shows in this server's discovery mode, serialised once.
    std::vector<mcp::ToolDescriptor> listing;
    // The listing's meta-tools (list_groups, get_tool_schema, ...), computed with the listing so
    // that a call needs one lookup.
    QSet<QString> metaTools;

    // The identity computed when the catalog was built, or null for a tool of another catalog.
    const policy::ToolIdentity *knownIdentity(const openapi::Tool &tool) const
    {
        const auto index = size_t(&tool - tools->tools.constData());
        return index < identities.size() ? &identities[index] : nullptr;
    }
    // tool must be one of this catalog's tools.
    policy::ToolIdentity identityOf(const openapi::Tool &tool) const
    {
        const policy::ToolIdentity *known = knownIdentity(tool);
        return known ? *known : policy::PermissionPolicy::identify(name, tool);
    }
};

} // namespace gatehouse::gateway
