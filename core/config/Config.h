#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>

// The model of one configuration file (docs/configuration.md). Every optional key is a
// std::optional so that export writes back only what the file set; lists keep the order
// of the file so that export is stable and reads like the original.
namespace gatehouse::config {

enum class AuthMode
{
    OAuth, // OAuth 2.1 authorization server in front of every MCP endpoint (the default)
    None,  // loopback-only development and conformance mode
};
// Who may register OAuth clients at /oauth/register.
enum class Registration
{
    Loopback,
    Open,
    Token,
    Off,
};
enum class Discovery
{
    Flat,
    Hierarchical,
    Search,
};
enum class Action
{
    Read,
    Create,
    Update,
    Delete,
};
enum class CredentialType
{
    ApiKey,
    Bearer,
    Basic,
    OAuth2ClientCredentials,
    OAuth2RefreshToken,
};
enum class ParamLocation
{
    Header,
    Query,
    Cookie,
};
enum class SecretSource
{
    Keychain,
    Env,
    File,
    Sealed,
};
// Where the master key of the credential vault lives (gateway.master_key).
enum class MasterKeySource
{
    Keychain,
    File,
    Systemd,
    Env,
};
enum class RuleEffect
{
    Actions, // the listed actions are allowed
    Allow,   // the whole tool is allowed (tool targets only)
    Deny,    // the whole tool is denied (tool targets only)
};
enum class TargetKind
{
    Resource, // "server/resource"
    Tool,     // "server.tool"
};

// The spelling of each enum value in the file, e.g. toString(CredentialType::OAuth2RefreshToken)
// == "oauth2_refresh_token". fromString is exact and case-sensitive.
// They live in a nested namespace pulled in by a using-directive, which argument-dependent lookup
// ignores: otherwise QTest's toString(const T &) and these are ambiguous in every QCOMPARE.
namespace names {
template <typename E>
QString toString(E value);
template <typename E>
std::optional<E> fromString(QStringView text);
template <typename E>
QStringList enumNames();
} // namespace names
using namespace names;

// A path from the file: `written` as the user wrote it (export writes it back), `resolved`
// against the configuration file's directory (what the program opens). URLs stay as they are.
struct FilePath
{
    QString written;
    QString resolved;

    bool operator==(const FilePath &) const = default;
};

struct ListenAddress
{
    QString host; // without brackets for IPv6
    quint16 port = 0;

    // "host:port" or "[v6]:port"; nullopt when malformed or the port is not 1-65535.
    // allowAnyPort accepts port 0 (the system chooses a free port), for `serve --listen` and tests.
    static std::optional<ListenAddress> parse(QStringView text, bool allowAnyPort = false);
    QString toString() const;
    bool isLoopback() const;
    bool operator==(const ListenAddress &) const = default;
};

// localhost, 127.0.0.0/8 and ::1.
bool isLoopbackHost(const QString &host);
// True for http:// and https:// URLs (spec sources, upstream MCP servers).
bool isHttpUrl(const QString &text);

struct TlsConfig
{
    FilePath cert;
    FilePath key;

    bool operator==(const TlsConfig &) const = default;
};

struct AuthConfig
{
    std::optional<AuthMode> mode;                 // default AuthMode::OAuth
    std::optional<Registration> registration;     // default Registration::Loopback
    std::optional<QString> registrationTokenHash; // SHA-256 hex, for Registration::Token
    std::optional<QString> accessTokenTtl;        // "1h" (durations as TokenService parses them)
    std::optional<QString> refreshTokenTtl;       // "30d"
    std::optional<QString> codeTtl;               // "10m", at most 10 minutes
    std::optional<bool> clientMetadataDocuments;  // default true
    std::optional<QStringList> insecureTestDocumentOrigins; // tests only

    bool operator==(const AuthConfig &) const = default;
};

struct StoreConfig
{
    QString url; // sqlite:PATH or postgresql://...

    bool operator==(const StoreConfig &) const = default;
};

struct MasterKeyConfig
{
    MasterKeySource source = MasterKeySource::Keychain;
    QString value;        // keychain entry, key file as written, systemd credential or variable
    QString resolvedFile; // MasterKeySource::File only: value resolved against the config directory

    bool operator==(const MasterKeyConfig &) const = default;
};

struct GatewayConfig
{
    static constexpr quint16 kDefaultPort = 8787;

    std::optional<ListenAddress> listen; // default 127.0.0.1:8787
    std::optional<QUrl> publicUrl;       // default http://{listen}
    std::optional<TlsConfig> tls;
    std::optional<AuthConfig> auth;
    std::optional<QStringList> allowedHosts;
    std::optional<bool> behindProxy; // default false
    std::optional<QStringList> trustedProxies;
    std::optional<FilePath> dataDir;
    std::optional<StoreConfig> store;
    std::optional<MasterKeyConfig> masterKey;  // default: the system keychain, entry master-key
    std::optional<QString> auditRetention;     // default 90d; "forever" keeps every row
    std::optional<QString> usageFlushInterval; // default 100ms: usage counts lost at a crash

    // "30d", "12h", ... or "forever" (0 s); nothing for anything else.
    static std::optional<std::chrono::seconds> auditRetentionOf(const QString &text);
    // "100ms", "1s": from 10 ms to 10 s; nothing for anything else.
    static std::optional<std::chrono::milliseconds> flushIntervalOf(const QString &text);
    std::chrono::seconds effectiveAuditRetention() const;
    std::chrono::milliseconds effectiveUsageFlushInterval() const;
    ListenAddress effectiveListen() const;
    AuthMode effectiveAuthMode() const;
    bool operator==(const GatewayConfig &) const = default;
};

// Parameter name (as the spec spells it) -> a JSON value: a scalar, list or mapping.
using ParamValues = QMap<QString, nlohmann::json>;

struct ToolOverride
{
    QString key; // operationId or "METHOD /path" (tool name for upstream MCP servers)
    std::optional<bool> enabled; // default true; false drops the tool
    std::optional<QString> name;
    std::optional<QString> description;
    std::optional<QStringList> hideParams;
    std::optional<ParamValues> fixedParams;   // hidden, always sent with this value
    std::optional<ParamValues> paramDefaults; // visible, sent when the client leaves it out
    std::optional<QStringList> responseFields;
    std::optional<QString> credential;
    // The upstream scopes the tool needs, over the spec's security requirements ([]: none).
    std::optional<QStringList> scopes;
    std::optional<double> cost;          // fixed, per call
    std::optional<QString> costArgument; // adds this argument's number times cost_factor
    std::optional<double> costFactor;    // default 1
    std::optional<bool> refundOnFailure; // default false
    std::optional<Action> action;        // default from the HTTP method
    std::optional<QString> resource;     // default from the first tag or first path segment

    bool operator==(const ToolOverride &) const = default;
};

// The editorial heuristics of a server's generated tools; absent keys take the default.
struct HeuristicsConfig
{
    std::optional<bool> dropDeprecated;     // default true
    std::optional<bool> hidePagination;     // default true
    std::optional<int> maxDescriptionChars; // default 300; 0: descriptions are not cut
    std::optional<bool> shapeResponses;     // default true
    std::optional<bool> dropListWithRead;   // default false
    std::optional<bool> compactSchemas;     // default true

    bool operator==(const HeuristicsConfig &) const = default;
};

struct ToolsConfig
{
    // Only operations matching one of these become tools (same patterns; exclude wins).
    std::optional<QStringList> include;
    std::optional<QStringList> exclude; // "METHOD /path" globs, tags or operationIds
    std::optional<HeuristicsConfig> heuristics;
    QList<ToolOverride> overrides;

    bool operator==(const ToolsConfig &) const = default;
};

// `identity_headers:` — the headers that tell the upstream who is calling: the caller's user
// name and the OAuth client it calls through. Either may be absent. Never the client's token.
struct IdentityHeadersConfig
{
    std::optional<QString> user;   // header name, e.g. X-Gatehouse-User
    std::optional<QString> client; // header name, e.g. X-Gatehouse-Client

    bool operator==(const IdentityHeadersConfig &) const = default;
};

// Whether `name` may be an identity header: an HTTP field name (RFC 9110 §5.1, a token) that
// carries no credential or cookie and does not frame, route or type the message (Authorization,
// Cookie, Host, Content-Length, Transfer-Encoding, Proxy-*, Connection, ...). Case-insensitive.
bool isHeaderName(QStringView name);
bool isReservedIdentityHeader(QStringView name);

struct ServerConfig
{
    QString name;
    std::optional<QString> title;
    std::optional<FilePath> openapi; // local file (resolved) or http(s) URL (written == resolved)
    std::optional<QUrl> mcp;         // upstream MCP server instead of a spec
    std::optional<QUrl> baseUrl;
    std::optional<bool> openapiRemoteRefs; // default false: remote $refs in the spec are refused
    std::optional<Discovery> discovery;    // default Discovery::Flat
    std::optional<QString> credential;     // the default, tried first
    // Further candidates, in order, for tools that need upstream scopes the default lacks.
    std::optional<QStringList> credentials;
    std::optional<IdentityHeadersConfig> identityHeaders;
    std::optional<ToolsConfig> tools;

    bool operator==(const ServerConfig &) const = default;
};

struct SecretRef
{
    SecretSource source = SecretSource::Keychain;
    QString value;        // keychain entry, variable name, path as written, or base64
    QString resolvedFile; // SecretSource::File only: value resolved against the config directory

    bool operator==(const SecretRef &) const = default;
};

struct Credential
{
    QString name;
    CredentialType type = CredentialType::ApiKey;
    std::optional<ParamLocation> in; // api_key only; default header
    std::optional<QString> param;    // api_key only: header, query or cookie name
    std::optional<QStringList> scopes;
    std::optional<bool> perUser; // default false
    std::optional<SecretRef> secret;
    std::optional<QUrl> tokenUrl;    // oauth2_* only
    std::optional<QString> clientId; // oauth2_* only
    std::optional<QString> resource; // oauth2_* only (RFC 8707)

    bool operator==(const Credential &) const = default;
};

struct Target
{
    TargetKind kind = TargetKind::Resource;
    QString server;
    QString name; // resource or tool name

    // "server/resource" or "server.tool", split at the first '/' or '.'.
    static std::optional<Target> parse(QStringView text);
    QString toString() const;
    bool operator==(const Target &) const = default;
};

struct RoleRule
{
    Target target;
    RuleEffect effect = RuleEffect::Actions;
    QList<Action> actions; // RuleEffect::Actions only

    bool operator==(const RoleRule &) const = default;
};

struct Role
{
    QString name;
    QList<RoleRule> rules; // in file order

    bool operator==(const Role &) const = default;
};

struct Plan
{
    QString name;
    std::optional<qint64> callsPerMonth; // absent: unlimited
    std::optional<qint64> ratePerMinute; // absent: unlimited
    std::optional<double> spendPerMonth; // cap on the summed tool cost; absent: unlimited

    bool operator==(const Plan &) const = default;
};

struct Grant
{
    Target target;
    std::optional<QList<Action>> allow;
    std::optional<QList<Action>> deny;

    bool operator==(const Grant &) const = default;
};

struct User
{
    QString name;
    std::optional<QStringList> roles;
    std::optional<QString> plan;
    std::optional<QString> passwordHash; // "scrypt$..."
    std::optional<bool> disabled;        // default false
    // `limits:` — the user's own limits, each over the plan's.
    std::optional<qint64> callsPerMonth;
    std::optional<qint64> ratePerMinute;
    std::optional<double> spendPerMonth;
    QList<Grant> grants; // in file order; they override the roles' rules

    bool operator==(const User &) const = default;
};

struct Client
{
    QString clientId;
    std::optional<QString> clientSecretHash; // absent: a public client (PKCE only)
    QString user;
    std::optional<QString> name;

    bool operator==(const Client &) const = default;
};

struct Config
{
    GatewayConfig gateway;
    QList<ServerConfig> servers;
    QList<Credential> credentials;
    QList<Role> roles;
    QList<Plan> plans;
    QList<User> users;
    QList<Client> clients;

    bool operator==(const Config &) const = default;
};

} // namespace gatehouse::config
