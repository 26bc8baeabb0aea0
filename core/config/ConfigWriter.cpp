#include "ConfigWriter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

namespace gatehouse::config {

namespace {

using Tree = nlohmann::ordered_json;

std::string str(const QString &text)
{
    return text.toStdString();
}

Tree strings(const QStringList &list)
{
    Tree out = Tree::array();
    for (const QString &item : list)
        out.push_back(str(item));
    return out;
}

Tree actions(const QList<Action> &list)
{
    Tree out = Tree::array();
    for (Action action : list)
        out.push_back(str(toString(action)));
    return out;
}

template <typename T, typename F>
void set(Tree &object, const char *key, const std::optional<T> &value, F convert)
{
    if (value)
        object[key] = convert(*value);
}

Tree text(const QString &value)
{
    return str(value);
}
Tree url(const QUrl &value)
{
    return str(value.toString());
}
Tree path(const FilePath &value)
{
    return str(value.written);
}
template <typename T>
Tree plain(const T &value)
{
    return value;
}
template <typename E>
Tree name(E value)
{
    return str(toString(value));
}

Tree gatewayTree(const GatewayConfig &gw)
{
    Tree out = Tree::object();
    set(out, "listen", gw.listen, [](const ListenAddress &a) { return text(a.toString()); });
    set(out, "public_url", gw.publicUrl, url);
    set(out, "tls", gw.tls, [](const TlsConfig &tls) {
        Tree t = Tree::object();
        t["cert"] = path(tls.cert);
        t["key"] = path(tls.key);
        return t;
    });
    set(out, "auth", gw.auth, [](const AuthConfig &auth) {
        Tree t = Tree::object();
        set(t, "mode", auth.mode, name<AuthMode>);
        set(t, "registration", auth.registration, name<Registration>);
        set(t, "registration_token_sha256", auth.registrationTokenHash, text);
        set(t, "access_token_ttl", auth.accessTokenTtl, text);
        set(t, "refresh_token_ttl", auth.refreshTokenTtl, text);
        set(t, "code_ttl", auth.codeTtl, text);
        set(t, "client_metadata_documents", auth.clientMetadataDocuments, plain<bool>);
        set(t, "insecure_test_document_origins", auth.insecureTestDocumentOrigins, strings);
        return t;
    });
    set(out, "allowed_hosts", gw.allowedHosts, strings);
    set(out, "behind_proxy", gw.behindProxy, plain<bool>);
    set(out, "trusted_proxies", gw.trustedProxies, strings);
    set(out, "data_dir", gw.dataDir, path);
    set(out, "audit_retention", gw.auditRetention, text);
    set(out, "usage_flush_interval", gw.usageFlushInterval, text);
    set(out, "store", gw.store, [](const StoreConfig &store) {
        Tree t = Tree::object();
        t["url"] = str(store.url);
        return t;
    });
    set(out, "master_key", gw.masterKey, [](const MasterKeyConfig &key) {
        Tree t = Tree::object();
        t[str(toString(key.source))] = str(key.value);
        return t;
    });
    return out;
}

Tree params(const ParamValues &values)
{
    Tree out = Tree::object();
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        out[str(it.key())] = Tree(it.value());
    return out;
}

Tree heuristicsTree(const HeuristicsConfig &h)
{
    Tree out = Tree::object();
    set(out, "drop_deprecated", h.dropDeprecated, plain<bool>);
    set(out, "hide_pagination", h.hidePagination, plain<bool>);
    set(out, "max_description_chars", h.maxDescriptionChars, plain<int>);
    set(out, "shape_responses", h.shapeResponses, plain<bool>);
    set(out, "drop_list_with_read", h.dropListWithRead, plain<bool>);
    set(out, "compact_schemas", h.compactSchemas, plain<bool>);
    return out;
}

Tree overrideTree(const ToolOverride &o)
{
    Tree out = Tree::object();
    set(out, "enabled", o.enabled, plain<bool>);
    set(out, "name", o.name, text);
    set(out, "description", o.description, text);
    set(out, "hide_params", o.hideParams, strings);
    set(out, "fixed_params", o.fixedParams, params);
    set(out, "param_defaults", o.paramDefaults, params);
    set(out, "response_fields", o.responseFields, strings);
    set(out, "credential", o.credential, text);
    set(out, "scopes", o.scopes, strings);
    set(out, "cost", o.cost, plain<double>);
    set(out, "cost_argument", o.costArgument, text);
    set(out, "cost_factor", o.costFactor, plain<double>);
    set(out, "refund_on_failure", o.refundOnFailure, plain<bool>);
    set(out, "action", o.action, name<Action>);
    set(out, "resource", o.resource, text);
    return out;
}

Tree serverTree(const ServerConfig &server)
{
    Tree out = Tree::object();
    out["name"] = str(server.name);
    set(out, "title", server.title, text);
    set(out, "openapi", server.openapi, path);
    set(out, "mcp", server.mcp, url);
    set(out, "base_url", server.baseUrl, url);
    set(out, "openapi_remote_refs", server.openapiRemoteRefs, plain<bool>);
    set(out, "discovery", server.discovery, name<Discovery>);
    set(out, "credential", server.credential, text);
    set(out, "credentials", server.credentials, strings);
    set(out, "identity_headers", server.identityHeaders, [](const IdentityHeadersConfig &h) {
        Tree t = Tree::object();
        set(t, "user", h.user, text);
        set(t, "client", h.client, text);
        return t;
    });
    set(out, "tools", server.tools, [](const ToolsConfig &tools) {
        Tree t = Tree::object();
        set(t, "include", tools.include, strings);
        set(t, "exclude", tools.exclude, strings);
        set(t, "heuristics", tools.heuristics, heuristicsTree);
        if (!tools.overrides.isEmpty()) {
            Tree overrides = Tree::object();
            for (const ToolOverride &o : tools.overrides)
                overrides[str(o.key)] = overrideTree(o);
            t["overrides"] = overrides;
        }
        return t;
    });
    return out;
}

Tree credentialTree(const Credential &c)
{
    Tree out = Tree::object();
    out["name"] = str(c.name);
    out["type"] = name(c.type);
    set(out, "in", c.in, name<ParamLocation>);
    set(out, "param", c.param, text);
    set(out, "scopes", c.scopes, strings);
    set(out, "per_user", c.perUser, plain<bool>);
    set(out, "token_url", c.tokenUrl, url);
    set(out, "client_id", c.clientId, text);
    set(out, "resource", c.resource, text);
    set(out, "secret", c.secret, [](const SecretRef &secret) {
        Tree t = Tree::object();
        t[str(toString(secret.source))] = str(secret.value);
        return t;
    });
    return out;
}

Tree toTree(const Config &config)
{
    Tree root = Tree::object();
    const Tree gateway = gatewayTree(config.gateway);
    if (!gateway.empty())
        root["gateway"] = gateway;
    if (!config.servers.isEmpty()) {
        Tree servers = Tree::array();
        for (const ServerConfig &server : config.servers)
            servers.push_back(serverTree(server));
        root["servers"] = servers;
    }
    if (!config.credentials.isEmpty()) {
        Tree credentials = Tree::array();
        for (const Credential &c : config.credentials)
            credentials.push_back(credentialTree(c));
        root["credentials"] = credentials;
    }
    if (!config.roles.isEmpty()) {
        Tree roles = Tree::object();
        for (const Role &role : config.roles) {
            Tree rules = Tree::object();
            for (const RoleRule &rule : role.rules) {
                rules[str(rule.target.toString())] =
                    rule.effect == RuleEffect::Actions ? actions(rule.actions) : name(rule.effect);
            }
            roles[str(role.name)] = rules;
        }
        root["roles"] = roles;
    }
    if (!config.plans.isEmpty()) {
        Tree plans = Tree::object();
        for (const Plan &plan : config.plans) {
            Tree p = Tree::object();
            set(p, "calls_per_month", plan.callsPerMonth, plain<qint64>);
            set(p, "rate_per_minute", plan.ratePerMinute, plain<qint64>);
            set(p, "spend_per_month", plan.spendPerMonth, plain<double>);
            plans[str(plan.name)] = p;
        }
        root["plans"] = plans;
    }
    if (!config.users.isEmpty()) {
        Tree users = Tree::array();
        for (const User &user : config.users) {
            Tree u = Tree::object();
            u["name"] = str(user.name);
            set(u, "roles", user.roles, strings);
            set(u, "plan", user.plan, text);
            set(u, "password_hash", user.passwordHash, text);
            set(u, "disabled", user.disabled, plain<bool>);
            if (user.callsPerMonth || user.ratePerMinute || user.spendPerMonth) {
                Tree limits = Tree::object();
                set(limits, "calls_per_month", user.callsPerMonth, plain<qint64>);
                set(limits, "rate_per_minute", user.ratePerMinute, plain<qint64>);
                set(limits, "spend_per_month", user.spendPerMonth, plain<double>);
                u["limits"] = limits;
            }
            if (!user.grants.isEmpty()) {
                Tree grants = Tree::object();
                for (const Grant &grant : user.grants) {
                    Tree g = Tree::object();
                    set(g, "allow", grant.allow, actions);
                    set(g, "deny", grant.deny, actions);
                    grants[str(grant.target.toString())] = g;
                }
                u["grants"] = grants;
            }
            users.push_back(u);
        }
        root["users"] = users;
    }
    if (!config.clients.isEmpty()) {
        Tree clients = Tree::array();
        for (const Client &client : config.clients) {
            Tree c = Tree::object();
            c["client_id"] = str(client.clientId);
            set(c, "client_secret_hash", client.clientSecretHash, text);
            c["user"] = str(client.user);
            set(c, "name", client.name, text);
            clients.push_back(c);
        }
        root["clients"] = clients;
    }
    return root;
}

// A plain scalar that YAML would read as something other than this string.
bool needsQuotes(const std::string &value)
{
    static const QRegularExpression special(QStringLiteral(
        "^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|"
        "Off|OFF|y|Y|n|N|[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+"
        "|"
        "0o[0-7]+|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$"));
    const QString text = QString::fromStdString(value);
    return text.isEmpty() || text != text.trimmed() || special.match(text).hasMatch();
}

bool isScalar(const Tree &value)
{
    return !value.is_object() && !value.is_array();
}

// Small maps that read best on one line, like the shared example writes them.
bool flowMap(const Tree &value, const std::string &key, const std::string &parentKey)
{
    if (key == "fixed_params" || key == "param_defaults")
        return std::all_of(value.begin(), value.end(), isScalar);
    return key == "tls" || key == "auth" || key == "store" || key == "secret" ||
           key == "master_key" || key == "identity_headers" || parentKey == "grants";
}

void emit(YAML::Emitter &out, const Tree &value, const std::string &key,
          const std::string &parentKey)
{
    if (value.is_object()) {
        if (value.empty() || flowMap(value, key, parentKey))
            out << YAML::Flow;
        out << YAML::BeginMap;
        for (auto it = value.begin(); it != value.end(); ++it) {
            out << YAML::Key;
            if (needsQuotes(it.key()))
                out << YAML::DoubleQuoted;
            out << it.key() << YAML::Value;
            emit(out, it.value(), it.key(), key);
        }
        out << YAML::EndMap;
    } else if (value.is_array()) {
        if (std::all_of(value.begin(), value.end(), isScalar))
            out << YAML::Flow;
        out << YAML::BeginSeq;
        for (const Tree &item : value)
            emit(out, item, key, parentKey);
        out << YAML::EndSeq;
    } else if (value.is_string()) {
        const std::string &s = value.get_ref<const std::string &>();
        if (needsQuotes(s))
            out << YAML::DoubleQuoted;
        out << s;
    } else if (value.is_boolean()) {
        out << (value.get<bool>() ? "true" : "false");
    } else if (value.is_number_float()) {
        out << QString::number(value.get<double>(), 'g', QLocale::FloatingPointShortest)
                   .toStdString();
    } else if (value.is_number()) {
        out << value.get<long long>();
    } else {
        out << YAML::Null;
    }
}

} // namespace

QByteArray ConfigWriter::toYaml(const Config &config)
{
    YAML::Emitter out;
    out.SetIndent(2);
    emit(out, toTree(config), std::string(), std::string());
    // a blank line before each top-level section, as a person would write it
    const QList<QByteArray> lines = QByteArray(out.c_str()).split('\n');
    QByteArray yaml("# Gatehouse configuration: see docs/configuration.md\n");
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (i > 0 && !line.isEmpty() && line.at(0) != ' ' && line.at(0) != '-')
            yaml += '\n';
        yaml += line + '\n';
    }
    return yaml.trimmed() + '\n';
}

QByteArray ConfigWriter::toJson(const Config &config)
{
    return QByteArray::fromStdString(toTree(config).dump(2)) + '\n';
}

Status ConfigWriter::writeFile(const Config &config, const QString &path)
{
    const bool json = QFileInfo(path).suffix().compare(u"json", Qt::CaseInsensitive) == 0;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error(ErrorCode::Io,
                     QCoreApplication::translate("ConfigWriter", "cannot write %1: %2")
                         .arg(path, file.errorString()));
    }
    file.write(json ? toJson(config) : toYaml(config));
    if (!file.commit()) {
        return Error(ErrorCode::Io,
                     QCoreApplication::translate("ConfigWriter", "cannot write %1: %2")
                         .arg(path, file.errorString()));
    }
    return {};
}

} // namespace gatehouse::config
