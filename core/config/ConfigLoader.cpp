#include "ConfigLoader.h"

#include "Logging.h"
#include "oauth/TokenService.h"
#include "openapi/OperationIndex.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

namespace gatehouse::config {

namespace {

using Node = YAML::Node;
using openapi::Operation;
using openapi::OperationIndex;

constexpr qsizetype kMaxShownValue = 60;

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

// Present with a value: `key:` alone (null) counts as absent.
bool has(const Node &map, const char *key)
{
    const Node value = map[std::string(key)];
    return value.IsDefined() && !value.IsNull();
}

int lineOf(const Node &node)
{
    const YAML::Mark mark = node.Mark();
    return mark.line >= 0 ? mark.line + 1 : 0;
}

bool isPlainKey(const QString &key)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]*$"));
    return plain.match(key).hasMatch();
}

QString keyPath(const QString &parent, const QString &key)
{
    if (!isPlainKey(key))
        return parent + QStringLiteral("[\"") + key + QStringLiteral("\"]");
    return parent.isEmpty() ? key : parent + u'.' + key;
}

QString indexPath(const QString &parent, qsizetype index)
{
    return parent + u'[' + QString::number(index) + u']';
}

QString quoted(const QString &text)
{
    return u'"' + text + u'"';
}

// Optimal string alignment distance: a transposition counts as one edit.
int editDistance(const QString &a, const QString &b)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    QList<QList<int>> d(n + 1, QList<int>(m + 1, 0));
    for (qsizetype i = 0; i <= n; ++i)
        d[i][0] = int(i);
    for (qsizetype j = 0; j <= m; ++j)
        d[0][j] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a.at(i - 1).toLower() == b.at(j - 1).toLower() ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

QString closest(const QString &word, const QStringList &candidates)
{
    QString best;
    int bestDistance = std::max<int>(2, int(word.size() / 3)) + 1;
    for (const QString &candidate : candidates) {
        const int distance = editDistance(word, candidate);
        if (distance < bestDistance && distance < candidate.size()) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

const QStringList &rootKeys()
{
    static const QStringList keys{
        QStringLiteral("gateway"), QStringLiteral("servers"), QStringLiteral("credentials"),
        QStringLiteral("roles"),   QStringLiteral("plans"),   QStringLiteral("users"),
        QStringLiteral("clients"),
    };
    return keys;
}

// Why an operation became no tool.
struct Removal
{
    enum class Why
    {
        Excluded,    // a tools.exclude pattern matched it
        NotIncluded, // tools.include is set and no pattern of it matched
        Disabled,    // its override says enabled: false
    };
    Why why = Why::Excluded;
    QString pattern; // Why::Excluded only
};

struct ServerTools
{
    bool known = false; // false: an upstream MCP server or a spec that was not read
    QString specName;
    QSet<QString> tools;              // default names and override names, not removed
    QHash<QString, Removal> excluded; // tool name -> why it is no tool
    QSet<QString> resources;          // of the operations that are not removed
    QStringList toolList;             // for suggestions, in spec order
};

class Parser
{
    Q_DECLARE_TR_FUNCTIONS(ConfigLoader)

public:
    Parser(QString file, const QString &baseDir, bool checkSpecs)
        : m_file(std::move(file))
        , m_baseDir(baseDir)
        , m_checkSpecs(checkSpecs)
    {}

    Config config;
    QList<Diagnostic> diagnostics;

    void parseRoot(const Node &root)
    {
        if (!root.IsMap()) {
            report(Diagnostic::Severity::Error, QString(), std::max(1, lineOf(root)),
                   tr("expected a mapping of %1 at the top level, got %2")
                       .arg(rootKeys().join(QStringLiteral(", ")), describe(root)));
            return;
        }
        forEachKey(
            root, QString(), rootKeys(),
            [this](const QString &key, const Node &value, const QString &path) {
                if (key == u"gateway")
                    parseGateway(value, path);
                else if (key == u"servers")
                    forEachItem(value, path, [this](const Node &item, const QString &itemPath) {
                        parseServer(item, itemPath);
                    });
                else if (key == u"credentials")
                    forEachItem(value, path, [this](const Node &item, const QString &itemPath) {
                        parseCredential(item, itemPath);
                    });
                else if (key == u"roles")
                    forEachEntry(
                        value, path,
                        [this](const QString &name, const Node &rules, const QString &rolePath) {
                            parseRole(name, rules, rolePath);
                        });
                else if (key == u"plans")
                    forEachEntry(
                        value, path,
                        [this](const QString &name, const Node &plan, const QString &planPath) {
                            parsePlan(name, plan, planPath);
                        });
                else if (key == u"users")
                    forEachItem(value, path, [this](const Node &item, const QString &itemPath) {
                        parseUser(item, itemPath);
                    });
                else if (key == u"clients")
                    forEachItem(value, path, [this](const Node &item, const QString &itemPath) {
                        parseClient(item, itemPath);
                    });
            });
    }

    void check()
    {
        checkGateway();
        checkNames();
        checkReferences();
        if (m_checkSpecs)
            checkTools();
    }

    void error(const QString &path, const QString &message)
    {
        report(Diagnostic::Severity::Error, path, lineFor(path), message);
    }
    void warning(const QString &path, const QString &message)
    {
        report(Diagnostic::Severity::Warning, path, lineFor(path), message);
    }
    void report(Diagnostic::Severity severity, const QString &path, int line,
                const QString &message)
    {
        diagnostics.append(Diagnostic{severity, m_file, line, path, message});
    }

private:
    using KeyHandler = std::function<void(const QString &, const Node &, const QString &)>;
    using ItemHandler = std::function<void(const Node &, const QString &)>;

    QString m_file;
    QDir m_baseDir;
    bool m_checkSpecs;
    QHash<QString, int> m_lines;
    QHash<QString, ServerTools> m_serverTools;

    int lineFor(const QString &path) const
    {
        QString p = path;
        while (!p.isEmpty()) {
            if (const auto it = m_lines.constFind(p); it != m_lines.constEnd())
                return it.value();
            const qsizetype cut = std::max(p.lastIndexOf(u'.'), p.lastIndexOf(u'['));
            p.truncate(std::max<qsizetype>(cut, 0));
        }
        return 0;
    }

    static QString describe(const Node &node)
    {
        if (!node.IsDefined() || node.IsNull())
            return tr("nothing");
        if (node.IsMap())
            return tr("a mapping");
        if (node.IsSequence())
            return tr("a list");
        QString text = fromStd(node.Scalar());
        if (text.size() > kMaxShownValue)
            text = text.left(kMaxShownValue) + QStringLiteral("...");
        return quoted(text);
    }

    void typeError(const Node &node, const QString &path, const QString &expected)
    {
        report(Diagnostic::Severity::Error, path, lineOf(node),
               tr("expected %1, got %2").arg(expected, describe(node)));
    }

    // ---- structure -----------------------------------------------------------------------

    // Visits a mapping's keys in file order. Known keys are checked (an unknown one is a warning,
    // since later versions may add keys); null values count as absent.
    bool forEachKey(const Node &map, const QString &path, const QStringList &known,
                    const KeyHandler &handler)
    {
        return visitMap(map, path, &known, handler, false);
    }
    // Visits a mapping whose keys are names (roles, plans, overrides, grants); null values are
    // passed on.
    bool forEachEntry(const Node &map, const QString &path, const KeyHandler &handler)
    {
        return visitMap(map, path, nullptr, handler, true);
    }

    bool visitMap(const Node &map, const QString &path, const QStringList *known,
                  const KeyHandler &handler, bool passNull)
    {
        if (!map.IsMap()) {
            typeError(map, path, tr("a mapping"));
            return false;
        }
        QHash<QString, int> seen;
        for (auto it = map.begin(); it != map.end(); ++it) {
            const Node key = it->first;
            const Node value = it->second;
            if (!key.IsScalar()) {
                report(Diagnostic::Severity::Error, path, lineOf(key),
                       tr("expected a key, got %1").arg(describe(key)));
                continue;
            }
            const QString name = fromStd(key.Scalar());
            const QString childPath = keyPath(path, name);
            if (const auto first = seen.constFind(name); first != seen.constEnd()) {
                report(Diagnostic::Severity::Error, childPath, lineOf(key),
                       tr("duplicate key \"%1\" (first on line %2)").arg(name).arg(first.value()));
                continue;
            }
            seen.insert(name, lineOf(key));
            // a null value's mark is where the next token starts, often the next line
            const int valueLine = value.IsNull() ? 0 : lineOf(value);
            m_lines.insert(childPath, valueLine > 0 ? valueLine : lineOf(key));
            if (known && !known->contains(name)) {
                const QString suggestion = closest(name, *known);
                report(Diagnostic::Severity::Warning, childPath, lineOf(key),
                       suggestion.isEmpty()
                           ? tr("unknown key \"%1\" is ignored").arg(name)
                           : tr("unknown key \"%1\" is ignored (did you mean \"%2\"?)")
                                 .arg(name, suggestion));
                continue;
            }
            if (value.IsNull() && !passNull)
                continue;
            handler(name, value, childPath);
        }
        return true;
    }

    bool forEachItem(const Node &list, const QString &path, const ItemHandler &handler)
    {
        if (!list.IsSequence()) {
            typeError(list, path, tr("a list"));
            return false;
        }
        for (std::size_t i = 0; i < list.size(); ++i) {
            const QString itemPath = indexPath(path, qsizetype(i));
            m_lines.insert(itemPath, lineOf(list[i]));
            handler(list[i], itemPath);
        }
        return true;
    }

    void requireKey(const Node &map, const QString &path, const QString &key, bool present)
    {
        if (!present && map.IsMap()) {
            report(Diagnostic::Severity::Error, path, lineOf(map),
                   tr("required key \"%1\" is missing or empty").arg(key));
        }
    }

    // ---- values --------------------------------------------------------------------------

    std::optional<QString> string(const Node &node, const QString &path)
    {
        if (node.IsScalar())
            return fromStd(node.Scalar());
        typeError(node, path, tr("a string"));
        return std::nullopt;
    }

    std::optional<QString> nonEmptyString(const Node &node, const QString &path)
    {
        std::optional<QString> text = string(node, path);
        if (text && text->trimmed().isEmpty()) {
            typeError(node, path, tr("a non-empty string"));
            return std::nullopt;
        }
        return text;
    }

    std::optional<bool> boolean(const Node &node, const QString &path)
    {
        if (node.IsScalar()) {
            const QString text = fromStd(node.Scalar());
            if (text.compare(u"true", Qt::CaseInsensitive) == 0)
                return true;
            if (text.compare(u"false", Qt::CaseInsensitive) == 0)
                return false;
        }
        typeError(node, path, tr("true or false"));
        return std::nullopt;
    }

    std::optional<double> number(const Node &node, const QString &path)
    {
        if (node.IsScalar()) {
            bool ok = false;
            const double value = fromStd(node.Scalar()).trimmed().toDouble(&ok);
            if (ok && std::isfinite(value)) {
                if (value >= 0)
                    return value;
                typeError(node, path, tr("a number of 0 or more"));
                return std::nullopt;
            }
        }
        typeError(node, path, tr("a number"));
        return std::nullopt;
    }

    std::optional<qint64> count(const Node &node, const QString &path)
    {
        if (node.IsScalar()) {
            bool ok = false;
            const qint64 value = fromStd(node.Scalar()).trimmed().toLongLong(&ok);
            if (ok && value >= 0)
                return value;
        }
        typeError(node, path, tr("a whole number of 0 or more"));
        return std::nullopt;
    }

    template <typename E>
    std::optional<E> enumeration(const Node &node, const QString &path)
    {
        if (node.IsScalar()) {
            if (const std::optional<E> value = fromString<E>(fromStd(node.Scalar())))
                return value;
        }
        typeError(node, path, tr("one of %1").arg(enumNames<E>().join(QStringLiteral(", "))));
        return std::nullopt;
    }

    std::optional<QStringList> stringList(const Node &node, const QString &path)
    {
        if (!node.IsSequence()) {
            typeError(node, path, tr("a list of strings"));
            return std::nullopt;
        }
        QStringList out;
        bool ok = true;
        for (std::size_t i = 0; i < node.size(); ++i) {
            const QString itemPath = indexPath(path, qsizetype(i));
            m_lines.insert(itemPath, lineOf(node[i]));
            if (node[i].IsScalar())
                out.append(fromStd(node[i].Scalar()));
            else {
                typeError(node[i], itemPath, tr("a string"));
                ok = false;
            }
        }
        return ok ? std::optional<QStringList>(out) : std::nullopt;
    }

    std::optional<QList<Action>> actionList(const Node &node, const QString &path)
    {
        if (!node.IsSequence()) {
            typeError(
                node, path,
                tr("a list of actions (%1)").arg(enumNames<Action>().join(QStringLiteral(", "))));
            return std::nullopt;
        }
        QList<Action> out;
        bool ok = true;
        for (std::size_t i = 0; i < node.size(); ++i) {
            const QString itemPath = indexPath(path, qsizetype(i));
            m_lines.insert(itemPath, lineOf(node[i]));
            if (const std::optional<Action> action = enumeration<Action>(node[i], itemPath))
                out.append(*action);
            else
                ok = false;
        }
        return ok ? std::optional<QList<Action>>(out) : std::nullopt;
    }

    // A plain scalar typed by the YAML 1.2 core schema (so `5` is a number and `"5"` a string);
    // JSON files parse to the same values. Quoted scalars are always strings; yaml-cpp has made
    // null nodes of ~ and null already.
    std::optional<nlohmann::json> scalarValue(const Node &node, const QString &path)
    {
        // through QString, so that the JSON holds valid UTF-8 whatever the file had
        const QString value = fromStd(node.Scalar());
        const std::string &tag = node.Tag();
        if (tag == "!" || tag == "tag:yaml.org,2002:str")
            return nlohmann::json(value.toStdString());
        static const QRegularExpression boolean(
            QStringLiteral("^(true|True|TRUE|false|False|FALSE)$"));
        static const QRegularExpression integer(QStringLiteral("^[-+]?[0-9]+$"));
        static const QRegularExpression floating(
            QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
        static const QRegularExpression special(
            QStringLiteral("^([-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$"));
        if (boolean.match(value).hasMatch())
            return nlohmann::json(value.front() == u't' || value.front() == u'T');
        if (integer.match(value).hasMatch()) {
            bool ok = false;
            const qint64 number = value.toLongLong(&ok);
            if (ok)
                return nlohmann::json(number);
        }
        if (integer.match(value).hasMatch() || floating.match(value).hasMatch())
            return nlohmann::json(value.toDouble());
        if (value.startsWith(u"0x") || value.startsWith(u"0o")) {
            bool ok = false;
            const qint64 number = value.mid(2).toLongLong(&ok, value.at(1) == u'x' ? 16 : 8);
            if (ok)
                return nlohmann::json(number);
        }
        if (special.match(value).hasMatch()) {
            typeError(node, path, tr("a value JSON can carry (a finite number)"));
            return std::nullopt;
        }
        return nlohmann::json(value.toStdString());
    }

    // Any YAML or JSON value as JSON: a scalar, a list or a mapping, nested as deep as needed.
    std::optional<nlohmann::json> jsonValue(const Node &node, const QString &path)
    {
        if (!node.IsDefined() || node.IsNull())
            return nlohmann::json(nullptr);
        if (node.IsScalar())
            return scalarValue(node, path);
        bool ok = true;
        if (node.IsSequence()) {
            nlohmann::json out = nlohmann::json::array();
            for (std::size_t i = 0; i < node.size(); ++i) {
                const QString itemPath = indexPath(path, qsizetype(i));
                m_lines.insert(itemPath, lineOf(node[i]));
                const std::optional<nlohmann::json> item = jsonValue(node[i], itemPath);
                ok = ok && item.has_value();
                if (item)
                    out.push_back(*item);
            }
            return ok ? std::optional<nlohmann::json>(out) : std::nullopt;
        }
        nlohmann::json out = nlohmann::json::object();
        if (!forEachEntry(node, path, [&](const QString &key, const Node &value, const QString &p) {
                const std::optional<nlohmann::json> item = jsonValue(value, p);
                ok = ok && item.has_value();
                if (item)
                    out[key.toStdString()] = *item;
            }))
            return std::nullopt;
        return ok ? std::optional<nlohmann::json>(out) : std::nullopt;
    }

    // fixed_params and param_defaults: parameter name -> value. A name without a value is an
    // error rather than null: it is far more likely a value left out than a wish to send null.
    std::optional<ParamValues> paramValues(const Node &node, const QString &path)
    {
        ParamValues out;
        bool ok = true;
        if (!forEachEntry(node, path,
                          [&](const QString &name, const Node &value, const QString &p) {
                              if (value.IsNull()) {
                                  error(p, tr("expected %1, got %2")
                                               .arg(tr("a value (a string, number, true or false, "
                                                       "a list or a mapping)"),
                                                    describe(value)));
                                  ok = false;
                                  return;
                              }
                              const std::optional<nlohmann::json> v = jsonValue(value, p);
                              ok = ok && v.has_value();
                              if (v)
                                  out.insert(name, *v);
                          }))
            return std::nullopt;
        return ok ? std::optional<ParamValues>(out) : std::nullopt;
    }

    std::optional<QUrl> httpUrl(const Node &node, const QString &path)
    {
        const std::optional<QString> text = string(node, path);
        if (!text)
            return std::nullopt;
        if (!isHttpUrl(*text)) {
            typeError(node, path, tr("an http:// or https:// URL"));
            return std::nullopt;
        }
        return QUrl(*text, QUrl::StrictMode);
    }

    FilePath resolve(const QString &written) const
    {
        return FilePath{written, QDir::cleanPath(m_baseDir.absoluteFilePath(written))};
    }

    std::optional<FilePath> filePath(const Node &node, const QString &path)
    {
        const std::optional<QString> text = nonEmptyString(node, path);
        if (!text)
            return std::nullopt;
        return resolve(*text);
    }

    // ---- sections ------------------------------------------------------------------------

    void parseAuthKey(AuthConfig &auth, const QString &key, const Node &value, const QString &p)
    {
        if (key == u"mode") {
            auth.mode = enumeration<AuthMode>(value, p);
        } else if (key == u"registration") {
            auth.registration = enumeration<Registration>(value, p);
        } else if (key == u"registration_token_sha256") {
            auth.registrationTokenHash = string(value, p);
            static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
            if (auth.registrationTokenHash && !hex.match(*auth.registrationTokenHash).hasMatch())
                typeError(value, p, tr("64 lowercase hexadecimal characters (sha256sum's output)"));
        } else if (key == u"client_metadata_documents") {
            auth.clientMetadataDocuments = boolean(value, p);
        } else if (key == u"insecure_test_document_origins") {
            auth.insecureTestDocumentOrigins = stringList(value, p);
            for (qsizetype i = 0;
                 auth.insecureTestDocumentOrigins && i < auth.insecureTestDocumentOrigins->size();
                 ++i) {
                const QUrl url(auth.insecureTestDocumentOrigins->at(i), QUrl::StrictMode);
                if (!url.isValid() || !isLoopbackHost(url.host()) || !url.path().isEmpty())
                    typeError(value[std::size_t(i)], indexPath(p, i),
                              tr("an origin on a loopback address, such as http://127.0.0.1:4000"));
            }
            if (auth.insecureTestDocumentOrigins && !auth.insecureTestDocumentOrigins->isEmpty())
                warning(p, tr("client metadata documents are fetched from these origins without "
                              "https and address checks: use this only in tests"));
        } else {
            std::optional<QString> text = string(value, p);
            if (!text)
                return;
            auto ttl = oauth::TokenService::parseTtl(*text);
            if (!ttl) {
                typeError(value, p, tr("a duration such as 10m, 1h or 30d"));
                return;
            }
            if (key == u"code_ttl" && *ttl > std::chrono::minutes(10)) {
                typeError(value, p, tr("a duration of at most 10m (OAuth 2.1 section 4.1.2)"));
                return;
            }
            (key == u"access_token_ttl"    ? auth.accessTokenTtl
             : key == u"refresh_token_ttl" ? auth.refreshTokenTtl
                                           : auth.codeTtl) = *text;
        }
    }

    void parseGateway(const Node &node, const QString &path)
    {
        static const QStringList keys{
            QStringLiteral("listen"),
            QStringLiteral("public_url"),
            QStringLiteral("tls"),
            QStringLiteral("auth"),
            QStringLiteral("allowed_hosts"),
            QStringLiteral("behind_proxy"),
            QStringLiteral("trusted_proxies"),
            QStringLiteral("data_dir"),
            QStringLiteral("store"),
            QStringLiteral("master_key"),
            QStringLiteral("audit_retention"),
            QStringLiteral("usage_flush_interval"),
        };
        GatewayConfig &gw = config.gateway;
        forEachKey(node, path, keys, [&](const QString &key, const Node &value, const QString &p) {
            if (key == u"listen") {
                if (const std::optional<QString> text = string(value, p)) {
                    gw.listen = ListenAddress::parse(*text);
                    if (!gw.listen)
                        typeError(value, p, tr("host:port with a port from 1 to 65535"));
                }
            } else if (key == u"public_url") {
                gw.publicUrl = httpUrl(value, p);
            } else if (key == u"tls") {
                TlsConfig tls;
                bool cert = false;
                bool key = false;
                static const QStringList tlsKeys{QStringLiteral("cert"), QStringLiteral("key")};
                if (forEachKey(value, p, tlsKeys,
                               [&](const QString &k, const Node &v, const QString &kp) {
                                   std::optional<FilePath> file = filePath(v, kp);
                                   if (file && k == u"cert") {
                                       tls.cert = *file;
                                       cert = true;
                                   } else if (file) {
                                       tls.key = *file;
                                       key = true;
                                   }
                               })) {
                    requireKey(value, p, QStringLiteral("cert"), cert);
                    requireKey(value, p, QStringLiteral("key"), key);
                    gw.tls = tls;
                }
            } else if (key == u"auth") {
                AuthConfig auth;
                static const QStringList authKeys{
                    QStringLiteral("mode"),
                    QStringLiteral("registration"),
                    QStringLiteral("registration_token_sha256"),
                    QStringLiteral("access_token_ttl"),
                    QStringLiteral("refresh_token_ttl"),
                    QStringLiteral("code_ttl"),
                    QStringLiteral("client_metadata_documents"),
                    QStringLiteral("insecure_test_document_origins"),
                };
                if (forEachKey(value, p, authKeys,
                               [&](const QString &k, const Node &v, const QString &kp) {
                                   parseAuthKey(auth, k, v, kp);
                               })) {
                    if (auth.registration == Registration::Token && !auth.registrationTokenHash)
                        error(p + QStringLiteral(".registration_token_sha256"),
                              tr("registration: token needs registration_token_sha256, the "
                                 "SHA-256 (hex) of the initial access token: printf %s TOKEN | "
                                 "sha256sum"));
                    gw.auth = auth;
                }
            } else if (key == u"allowed_hosts") {
                gw.allowedHosts = stringList(value, p);
                static const QRegularExpression host(
                    QStringLiteral("^([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?$"));
                for (qsizetype i = 0; gw.allowedHosts && i < gw.allowedHosts->size(); ++i) {
                    if (!host.match(gw.allowedHosts->at(i)).hasMatch())
                        typeError(value[std::size_t(i)], indexPath(p, i),
                                  tr("a host name such as gatehouse.lan"));
                }
            } else if (key == u"behind_proxy") {
                gw.behindProxy = boolean(value, p);
            } else if (key == u"trusted_proxies") {
                gw.trustedProxies = stringList(value, p);
                for (qsizetype i = 0; gw.trustedProxies && i < gw.trustedProxies->size(); ++i) {
                    const QString entry = gw.trustedProxies->at(i);
                    QHostAddress address;
                    const bool valid = entry.contains(u'/')
                                           ? QHostAddress::parseSubnet(entry).second >= 0
                                           : address.setAddress(entry);
                    if (!valid)
                        typeError(value[std::size_t(i)], indexPath(p, i),
                                  tr("an IP address or a CIDR range such as 10.0.0.0/8"));
                }
            } else if (key == u"data_dir") {
                gw.dataDir = filePath(value, p);
            } else if (key == u"store") {
                StoreConfig store;
                bool hasUrl = false;
                static const QStringList storeKeys{QStringLiteral("url")};
                if (forEachKey(value, p, storeKeys,
                               [&](const QString &, const Node &v, const QString &kp) {
                                   hasUrl = true; // a wrong value is reported once, below
                                   const std::optional<QString> url = nonEmptyString(v, kp);
                                   if (!url)
                                       return;
                                   const QString scheme = QUrl(*url).scheme();
                                   if (scheme != u"sqlite" && scheme != u"postgresql" &&
                                       scheme != u"postgres") {
                                       typeError(v, kp, tr("a sqlite: or postgresql:// URL"));
                                       return;
                                   }
                                   store.url = *url;
                               })) {
                    requireKey(value, p, QStringLiteral("url"), hasUrl);
                    gw.store = store;
                }
            } else if (key == u"master_key") {
                gw.masterKey = parseMasterKey(value, p);
            } else if (key == u"audit_retention") {
                if (const std::optional<QString> text = string(value, p)) {
                    if (GatewayConfig::auditRetentionOf(*text))
                        gw.auditRetention = *text;
                    else
                        typeError(value, p, tr("a duration such as 30d or 365d, or \"forever\""));
                }
            } else if (key == u"usage_flush_interval") {
                if (const std::optional<QString> text = string(value, p)) {
                    if (GatewayConfig::flushIntervalOf(*text))
                        gw.usageFlushInterval = *text;
                    else
                        typeError(value, p, tr("a duration from 10ms to 10s, such as 100ms"));
                }
            }
        });
    }

    std::optional<MasterKeyConfig> parseMasterKey(const Node &node, const QString &path)
    {
        const QStringList sources = enumNames<MasterKeySource>();
        std::optional<MasterKeyConfig> found;
        QStringList names;
        const bool isMap = forEachKey(
            node, path, sources, [&](const QString &key, const Node &value, const QString &p) {
                names.append(key);
                const std::optional<QString> text = nonEmptyString(value, p);
                if (!text)
                    return;
                MasterKeyConfig masterKey{*fromString<MasterKeySource>(key), *text, QString()};
                if (masterKey.source == MasterKeySource::Env) {
                    static const QRegularExpression envName(
                        QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
                    if (!envName.match(*text).hasMatch()) {
                        typeError(value, p, tr("an environment variable name"));
                        return;
                    }
                } else if (masterKey.source == MasterKeySource::File) {
                    masterKey.resolvedFile = resolve(*text).resolved;
                } else if (masterKey.source == MasterKeySource::Systemd &&
                           text->contains(QLatin1Char('/'))) {
                    typeError(value, p, tr("a systemd credential name (no /)"));
                    return;
                }
                found = masterKey;
            });
        if (!isMap)
            return std::nullopt;
        if (names.size() != 1) {
            report(Diagnostic::Severity::Error, path, lineOf(node),
                   names.isEmpty()
                       ? tr("expected exactly one of %1").arg(sources.join(QStringLiteral(", ")))
                       : tr("expected exactly one of %1, got %2")
                             .arg(sources.join(QStringLiteral(", ")),
                                  names.join(QStringLiteral(", "))));
            return std::nullopt;
        }
        return found;
    }

    void parseServer(const Node &node, const QString &path)
    {
        static const QStringList keys{
            QStringLiteral("name"),        QStringLiteral("title"),
            QStringLiteral("openapi"),     QStringLiteral("mcp"),
            QStringLiteral("base_url"),    QStringLiteral("discovery"),
            QStringLiteral("credential"),  QStringLiteral("identity_headers"),
            QStringLiteral("tools"),       QStringLiteral("openapi_remote_refs"),
            QStringLiteral("credentials"),
        };
        ServerConfig &server = config.servers.emplace_back();
        const bool isMap = forEachKey(
            node, path, keys, [&](const QString &key, const Node &value, const QString &p) {
                if (key == u"name") {
                    if (const std::optional<QString> name = string(value, p)) {
                        static const QRegularExpression valid(
                            QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"));
                        if (valid.match(*name).hasMatch())
                            server.name = *name;
                        else
                            typeError(value, p,
                                      tr("a name of letters, digits, '-' and '_' (it becomes the "
                                         "endpoint /mcp/NAME)"));
                    }
                } else if (key == u"title") {
                    server.title = string(value, p);
                } else if (key == u"openapi") {
                    if (const std::optional<QString> source = nonEmptyString(value, p)) {
                        server.openapi =
                            isHttpUrl(*source) ? FilePath{*source, *source} : resolve(*source);
                    }
                } else if (key == u"mcp") {
                    server.mcp = httpUrl(value, p);
                } else if (key == u"base_url") {
                    server.baseUrl = httpUrl(value, p);
                } else if (key == u"openapi_remote_refs") {
                    server.openapiRemoteRefs = boolean(value, p);
                } else if (key == u"discovery") {
                    server.discovery = enumeration<Discovery>(value, p);
                } else if (key == u"credential") {
                    server.credential = nonEmptyString(value, p);
                } else if (key == u"credentials") {
                    server.credentials = stringList(value, p);
                } else if (key == u"identity_headers") {
                    server.identityHeaders = parseIdentityHeaders(value, p);
                } else if (key == u"tools") {
                    server.tools = parseTools(value, p);
                }
            });
        if (!isMap)
            return;
        requireKey(node, path, QStringLiteral("name"), has(node, "name"));
        const bool hasOpenapi = has(node, "openapi");
        const bool hasMcp = has(node, "mcp");
        if (!hasOpenapi && !hasMcp) {
            report(Diagnostic::Severity::Error, path, lineOf(node),
                   tr("a server needs either \"openapi\" (a spec file or URL) or \"mcp\" (an "
                      "upstream MCP server URL)"));
        } else if (hasOpenapi && hasMcp) {
            error(keyPath(path, QStringLiteral("mcp")),
                  tr("a server has either \"openapi\" or \"mcp\", not both"));
        }
        if (hasMcp && has(node, "base_url")) {
            warning(keyPath(path, QStringLiteral("base_url")),
                    tr("base_url only applies to OpenAPI servers; it is ignored with \"mcp\""));
        }
    }

    std::optional<IdentityHeadersConfig> parseIdentityHeaders(const Node &node, const QString &path)
    {
        static const QStringList keys{QStringLiteral("user"), QStringLiteral("client")};
        IdentityHeadersConfig headers;
        bool ok = true;
        const bool isMap = forEachKey(
            node, path, keys, [&](const QString &key, const Node &value, const QString &p) {
                std::optional<QString> name = nonEmptyString(value, p);
                if (name && !isHeaderName(*name)) {
                    typeError(value, p,
                              tr("an HTTP header name (letters, digits and !#$%&'*+-.^_`|~, "
                                 "such as X-Gatehouse-User)"));
                    name.reset();
                } else if (name && isReservedIdentityHeader(*name)) {
                    error(p, tr("\"%1\" cannot carry the caller's identity: it carries "
                                "credentials or cookies, or frames the request; use a header of "
                                "your own, such as X-Gatehouse-%2")
                                 .arg(*name, key == u"user" ? QStringLiteral("User")
                                                            : QStringLiteral("Client")));
                    name.reset();
                }
                ok = ok && name.has_value();
                (key == u"user" ? headers.user : headers.client) = name;
            });
        if (!isMap || !ok)
            return std::nullopt;
        if (!headers.user && !headers.client)
            warning(path, tr("identity_headers names neither \"user\" nor \"client\"; it has "
                             "no effect"));
        else if (headers.user && headers.client &&
                 headers.user->compare(*headers.client, Qt::CaseInsensitive) == 0)
            error(keyPath(path, QStringLiteral("client")),
                  tr("\"%1\" is the user's header already (header names ignore case); give the "
                     "client its own header")
                      .arg(*headers.client));
        return headers;
    }

    std::optional<ToolsConfig> parseTools(const Node &node, const QString &path)
    {
        static const QStringList keys{QStringLiteral("include"), QStringLiteral("exclude"),
                                      QStringLiteral("heuristics"), QStringLiteral("overrides")};
        ToolsConfig tools;
        const bool isMap = forEachKey(
            node, path, keys, [&](const QString &key, const Node &value, const QString &p) {
                if (key == u"include") {
                    tools.include = stringList(value, p);
                    if (tools.include && tools.include->isEmpty())
                        warning(p, tr("an empty include list has no effect: every operation "
                                      "that exclude does not remove becomes a tool"));
                } else if (key == u"exclude") {
                    tools.exclude = stringList(value, p);
                } else if (key == u"heuristics") {
                    tools.heuristics = parseHeuristics(value, p);
                } else {
                    forEachEntry(value, p,
                                 [&](const QString &opKey, const Node &body, const QString &op) {
                                     tools.overrides.append(parseOverride(opKey, body, op));
                                 });
                }
            });
        return isMap ? std::optional<ToolsConfig>(tools) : std::nullopt;
    }

    std::optional<HeuristicsConfig> parseHeuristics(const Node &node, const QString &path)
    {
        static const QStringList keys{
            QStringLiteral("drop_deprecated"),       QStringLiteral("hide_pagination"),
            QStringLiteral("max_description_chars"), QStringLiteral("shape_responses"),
            QStringLiteral("drop_list_with_read"),   QStringLiteral("compact_schemas"),
        };
        HeuristicsConfig heuristics;
        const bool isMap = forEachKey(
            node, path, keys, [&](const QString &key, const Node &value, const QString &p) {
                if (key == u"drop_deprecated") {
                    heuristics.dropDeprecated = boolean(value, p);
                } else if (key == u"hide_pagination") {
                    heuristics.hidePagination = boolean(value, p);
                } else if (key == u"max_description_chars") {
                    constexpr qint64 most = std::numeric_limits<int>::max();
                    const std::optional<qint64> chars = count(value, p);
                    if (chars && *chars > most)
                        typeError(value, p, tr("a whole number from 0 to %1").arg(most));
                    else if (chars)
                        heuristics.maxDescriptionChars = int(*chars);
                } else if (key == u"shape_responses") {
                    heuristics.shapeResponses = boolean(value, p);
                } else if (key == u"drop_list_with_read") {
                    heuristics.dropListWithRead = boolean(value, p);
                } else if (key == u"compact_schemas") {
                    heuristics.compactSchemas = boolean(value, p);
                }
            });
        return isMap ? std::optional<HeuristicsConfig>(heuristics) : std::nullopt;
    }

    ToolOverride parseOverride(const QString &opKey, const Node &node, const QString &path)
    {
        static const QStringList keys{
            QStringLiteral("enabled"),
            QStringLiteral("name"),
            QStringLiteral("description"),
            QStringLiteral("hide_params"),
            QStringLiteral("fixed_params"),
            QStringLiteral("param_defaults"),
            QStringLiteral("response_fields"),
            QStringLiteral("credential"),
            QStringLiteral("scopes"),
            QStringLiteral("cost"),
            QStringLiteral("cost_argument"),
            QStringLiteral("cost_factor"),
            QStringLiteral("refund_on_failure"),
            QStringLiteral("action"),
            QStringLiteral("resource"),
        };
        ToolOverride override;
        override.key = opKey;
        if (node.IsNull())
            return override;
        forEachKey(node, path, keys, [&](const QString &key, const Node &value, const QString &p) {
            if (key == u"enabled") {
                override.enabled = boolean(value, p);
            } else if (key == u"name") {
                if (const std::optional<QString> name = string(value, p)) {
                    if (OperationIndex::isValidToolName(*name))
                        override.name = name;
                    else
                        typeError(value, p,
                                  tr("a tool name of 1 to 64 letters, digits, '_' or '-'"));
                }
            } else if (key == u"description") {
                override.description = string(value, p);
            } else if (key == u"hide_params") {
                override.hideParams = stringList(value, p);
            } else if (key == u"fixed_params") {
                override.fixedParams = paramValues(value, p);
            } else if (key == u"param_defaults") {
                override.paramDefaults = paramValues(value, p);
            } else if (key == u"response_fields") {
                override.responseFields = stringList(value, p);
            } else if (key == u"credential") {
                override.credential = nonEmptyString(value, p);
            } else if (key == u"scopes") {
                override.scopes = stringList(value, p);
            } else if (key == u"cost") {
                override.cost = number(value, p);
            } else if (key == u"cost_argument") {
                override.costArgument = nonEmptyString(value, p);
            } else if (key == u"cost_factor") {
                override.costFactor = number(value, p);
            } else if (key == u"refund_on_failure") {
                override.refundOnFailure = boolean(value, p);
            } else if (key == u"action") {
                override.action = enumeration<Action>(value, p);
            } else if (key == u"resource") {
                override.resource = nonEmptyString(value, p);
            }
        });
        checkParamKeys(override, path);
        return override;
    }

    // A parameter is hidden (upstream default), fixed (hidden, always sent) or visible with a
    // default; naming it under two of these keys contradicts itself.
    void checkParamKeys(const ToolOverride &override, const QString &path)
    {
        const QStringList hidden = override.hideParams.value_or(QStringList());
        const ParamValues fixed = override.fixedParams.value_or(ParamValues());
        const ParamValues defaults = override.paramDefaults.value_or(ParamValues());
        const QString fixedPath = keyPath(path, QStringLiteral("fixed_params"));
        const QString defaultsPath = keyPath(path, QStringLiteral("param_defaults"));
        for (auto it = fixed.cbegin(); it != fixed.cend(); ++it) {
            if (hidden.contains(it.key()))
                error(keyPath(fixedPath, it.key()),
                      tr("parameter \"%1\" is in both fixed_params and hide_params: a fixed "
                         "parameter is hidden already, so remove it from hide_params")
                          .arg(it.key()));
            if (defaults.contains(it.key()))
                error(keyPath(fixedPath, it.key()),
                      tr("parameter \"%1\" is in both fixed_params and param_defaults: a "
                         "parameter is either fixed (hidden, always sent) or visible with a "
                         "default, so remove it from one of them")
                          .arg(it.key()));
        }
        for (auto it = defaults.cbegin(); it != defaults.cend(); ++it) {
            if (hidden.contains(it.key()))
                error(keyPath(defaultsPath, it.key()),
                      tr("parameter \"%1\" is in both hide_params and param_defaults: clients "
                         "never see a hidden parameter's default, so use fixed_params to always "
                         "send a value, or remove it from hide_params")
                          .arg(it.key()));
        }
    }

    void parseCredential(const Node &node, const QString &path)
    {
        static const QStringList keys{
            QStringLiteral("name"),     QStringLiteral("type"),      QStringLiteral("in"),
            QStringLiteral("param"),    QStringLiteral("scopes"),    QStringLiteral("per_user"),
            QStringLiteral("secret"),   QStringLiteral("token_url"), QStringLiteral("client_id"),
            QStringLiteral("resource"),
        };
        Credential &credential = config.credentials.emplace_back();
        bool hasType = false;
        bool validType = false;
        const bool isMap = forEachKey(
            node, path, keys, [&](const QString &key, const Node &value, const QString &p) {
                if (key == u"name") {
                    credential.name = nonEmptyString(value, p).value_or(QString());
                } else if (key == u"type") {
                    const std::optional<CredentialType> type =
                        enumeration<CredentialType>(value, p);
                    credential.type = type.value_or(CredentialType::ApiKey);
                    hasType = true; // a wrong value is reported already; no "missing" on top
                    validType = type.has_value();
                } else if (key == u"in") {
                    credential.in = enumeration<ParamLocation>(value, p);
                } else if (key == u"param") {
                    credential.param = nonEmptyString(value, p);
                } else if (key == u"scopes") {
                    credential.scopes = stringList(value, p);
                } else if (key == u"per_user") {
                    credential.perUser = boolean(value, p);
                } else if (key == u"secret") {
                    credential.secret = parseSecret(value, p);
                } else if (key == u"token_url") {
                    credential.tokenUrl = httpUrl(value, p);
                } else if (key == u"client_id") {
                    credential.clientId = nonEmptyString(value, p);
                } else if (key == u"resource") {
                    credential.resource = nonEmptyString(value, p);
                }
            });
        if (!isMap)
            return;
        requireKey(node, path, QStringLiteral("name"), has(node, "name"));
        requireKey(node, path, QStringLiteral("type"), hasType);
        if (!validType)
            return;
        const bool oauth2 = credential.type == CredentialType::OAuth2ClientCredentials ||
                            credential.type == CredentialType::OAuth2RefreshToken;
        const QString typeName = toString(credential.type);
        if (credential.type == CredentialType::ApiKey) {
            if (!has(node, "param")) {
                report(Diagnostic::Severity::Error, path, lineOf(node),
                       tr("an api_key credential needs \"param\": the header, query or cookie "
                          "parameter that carries the key"));
            }
        } else {
            for (const char *key : {"in", "param"}) {
                if (has(node, key))
                    warning(keyPath(path, QString::fromLatin1(key)),
                            tr("\"%1\" is only used by api_key credentials; it is ignored for %2")
                                .arg(QString::fromLatin1(key), typeName));
            }
        }
        // RFC 6749 §6: the upstream may answer a refresh with a new refresh token and revoke the
        // one sent, so the gateway must store the new one back, which only the vault allows.
        if (credential.type == CredentialType::OAuth2RefreshToken && credential.secret &&
            credential.secret->source != SecretSource::Keychain) {
            const QString name =
                credential.name.isEmpty() ? QStringLiteral("NAME") : credential.name;
            error(keyPath(path, QStringLiteral("secret")),
                  tr("an oauth2_refresh_token credential keeps its refresh token in the vault: "
                     "the upstream replaces the refresh token when it is used, and the gateway "
                     "stores the new one back, which it cannot do to %1. Write `secret: "
                     "{keychain: %2}` and import the token with `gatehouse credential import %2 "
                     "--from-stdin` (with `--user USER` for a per_user credential)")
                      .arg(credential.secret->source == SecretSource::Env
                               ? tr("an environment variable")
                           : credential.secret->source == SecretSource::File
                               ? tr("a file")
                               : tr("a sealed value in the configuration"),
                           name));
        }
        if (oauth2) {
            for (const char *key : {"token_url", "client_id"}) {
                if (!has(node, key))
                    report(Diagnostic::Severity::Error, path, lineOf(node),
                           tr("an %1 credential needs \"%2\"")
                               .arg(typeName, QString::fromLatin1(key)));
            }
        } else {
            for (const char *key : {"token_url", "client_id", "resource"}) {
                if (has(node, key))
                    warning(keyPath(path, QString::fromLatin1(key)),
                            tr("\"%1\" is only used by oauth2 credentials; it is ignored for %2")
                                .arg(QString::fromLatin1(key), typeName));
            }
        }
    }

    std::optional<SecretRef> parseSecret(const Node &node, const QString &path)
    {
        const QStringList sources = enumNames<SecretSource>();
        QList<SecretRef> found;
        QStringList names;
        const bool isMap = forEachKey(
            node, path, sources, [&](const QString &key, const Node &value, const QString &p) {
                names.append(key);
                const std::optional<QString> text = nonEmptyString(value, p);
                if (!text)
                    return;
                SecretRef secret{*fromString<SecretSource>(key), *text, QString()};
                if (secret.source == SecretSource::Env) {
                    static const QRegularExpression envName(
                        QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
                    if (!envName.match(*text).hasMatch()) {
                        typeError(value, p, tr("an environment variable name"));
                        return;
                    }
                } else if (secret.source == SecretSource::File) {
                    secret.resolvedFile = resolve(*text).resolved;
                } else if (secret.source == SecretSource::Sealed) {
                    if (QByteArray::fromBase64Encoding(text->toLatin1(),
                                                       QByteArray::AbortOnBase64DecodingErrors)
                            .decodingStatus != QByteArray::Base64DecodingStatus::Ok) {
                        report(Diagnostic::Severity::Error, p, lineOf(value),
                               tr("expected base64 (what `gatehouse credential seal` prints)"));
                        return;
                    }
                }
                found.append(secret);
            });
        if (!isMap)
            return std::nullopt;
        if (names.size() != 1) {
            report(Diagnostic::Severity::Error, path, lineOf(node),
                   names.isEmpty()
                       ? tr("expected exactly one of %1").arg(sources.join(QStringLiteral(", ")))
                       : tr("expected exactly one of %1, got %2")
                             .arg(sources.join(QStringLiteral(", ")),
                                  names.join(QStringLiteral(", "))));
            return std::nullopt;
        }
        return found.isEmpty() ? std::nullopt : std::optional<SecretRef>(found.first());
    }

    std::optional<Target> target(const QString &text, const Node &at, const QString &path)
    {
        const std::optional<Target> parsed = Target::parse(text);
        if (!parsed) {
            report(Diagnostic::Severity::Error, path, lineOf(at),
                   tr("expected a target \"server/resource\" or \"server.tool\", got \"%1\"")
                       .arg(text));
        }
        return parsed;
    }

    void parseRole(const QString &name, const Node &node, const QString &path)
    {
        Role &role = config.roles.emplace_back();
        role.name = name;
        if (node.IsNull())
            return;
        forEachEntry(
            node, path, [&](const QString &targetText, const Node &value, const QString &p) {
                const std::optional<Target> t = target(targetText, value, p);
                if (!t)
                    return;
                RoleRule rule{*t, RuleEffect::Actions, {}};
                if (value.IsSequence()) {
                    const std::optional<QList<Action>> actions = actionList(value, p);
                    if (!actions)
                        return;
                    rule.actions = *actions;
                } else if (t->kind == TargetKind::Tool && value.IsScalar() &&
                           (value.Scalar() == "allow" || value.Scalar() == "deny")) {
                    rule.effect = value.Scalar() == "allow" ? RuleEffect::Allow : RuleEffect::Deny;
                } else {
                    const QString actions = enumNames<Action>().join(QStringLiteral(", "));
                    typeError(value, p,
                              t->kind == TargetKind::Tool
                                  ? tr("allow, deny or a list of actions (%1)").arg(actions)
                                  : tr("a list of actions (%1)").arg(actions));
                    return;
                }
                role.rules.append(rule);
            });
    }

    void parsePlan(const QString &name, const Node &node, const QString &path)
    {
        static const QStringList keys{QStringLiteral("calls_per_month"),
                                      QStringLiteral("rate_per_minute"),
                                      QStringLiteral("spend_per_month")};
        Plan &plan = config.plans.emplace_back();
        plan.name = name;
        if (node.IsNull())
            return;
        forEachKey(node, path, keys, [&](const QString &key, const Node &value, const QString &p) {
            if (key == u"calls_per_month")
                plan.callsPerMonth = count(value, p);
            else if (key == u"rate_per_minute")
                plan.ratePerMinute = count(value, p);
            else
                plan.spendPerMonth = number(value, p);
        });
    }

    void parseUser(const Node &node, const QString &path)
    {
        static const QStringList keys{
            QStringLiteral("name"),          QStringLiteral("roles"),    QStringLiteral("plan"),
            QStringLiteral("password_hash"), QStringLiteral("disabled"), QStringLiteral("grants"),
            QStringLiteral("limits"),
        };
        User &user = config.users.emplace_back();
        const bool isMap = forEachKey(
            node, path, keys, [&](const QString &key, const Node &value, const QString &p) {
                if (key == u"name") {
                    user.name = nonEmptyString(value, p).value_or(QString());
                } else if (key == u"roles") {
                    user.roles = stringList(value, p);
                } else if (key == u"plan") {
                    user.plan = nonEmptyString(value, p);
                } else if (key == u"password_hash") {
                    // never echo the value: when it is wrong it is likely a real password
                    if (value.IsScalar() && value.Scalar().rfind("scrypt$", 0) == 0 &&
                        value.Scalar().size() > 7) {
                        user.passwordHash = fromStd(value.Scalar());
                    } else {
                        report(
                            Diagnostic::Severity::Error, p, lineOf(value),
                            tr("expected an scrypt hash (\"scrypt$...\"), never a plain password; "
                               "run `gatehouse user hash-password` and paste what it prints"));
                    }
                } else if (key == u"disabled") {
                    user.disabled = boolean(value, p);
                } else if (key == u"limits") {
                    static const QStringList limitKeys{QStringLiteral("calls_per_month"),
                                                       QStringLiteral("rate_per_minute"),
                                                       QStringLiteral("spend_per_month")};
                    forEachKey(value, p, limitKeys,
                               [&](const QString &k, const Node &v, const QString &lp) {
                                   if (k == u"calls_per_month")
                                       user.callsPerMonth = count(v, lp);
                                   else if (k == u"rate_per_minute")
                                       user.ratePerMinute = count(v, lp);
                                   else
                                       user.spendPerMonth = number(v, lp);
                               });
                } else if (key == u"grants") {
                    forEachEntry(
                        value, p,
                        [&](const QString &targetText, const Node &grant, const QString &gp) {
                            parseGrant(user, targetText, grant, gp);
                        });
                }
            });
        if (isMap)
            requireKey(node, path, QStringLiteral("name"), has(node, "name"));
    }

    void parseGrant(User &user, const QString &targetText, const Node &node, const QString &path)
    {
        const std::optional<Target> t = target(targetText, node, path);
        if (!t)
            return;
        Grant grant{*t, std::nullopt, std::nullopt};
        static const QStringList keys{QStringLiteral("allow"), QStringLiteral("deny")};
        if (!forEachKey(node, path, keys,
                        [&](const QString &key, const Node &value, const QString &p) {
                            (key == u"allow" ? grant.allow : grant.deny) = actionList(value, p);
                        }))
            return;
        if (!has(node, "allow") && !has(node, "deny"))
            warning(path, tr("a grant without \"allow\" or \"deny\" has no effect"));
        user.grants.append(grant);
    }

    void parseClient(const Node &node, const QString &path)
    {
        static const QStringList keys{QStringLiteral("client_id"),
                                      QStringLiteral("client_secret_hash"), QStringLiteral("user"),
                                      QStringLiteral("name")};
        Client &client = config.clients.emplace_back();
        const bool isMap = forEachKey(
            node, path, keys, [&](const QString &key, const Node &value, const QString &p) {
                if (key == u"client_id") {
                    client.clientId = nonEmptyString(value, p).value_or(QString());
                } else if (key == u"client_secret_hash") {
                    static const QRegularExpression hash(QStringLiteral("^(sha256|scrypt)\\$.+$"));
                    if (value.IsScalar() && hash.match(fromStd(value.Scalar())).hasMatch()) {
                        client.clientSecretHash = fromStd(value.Scalar());
                    } else {
                        report(Diagnostic::Severity::Error, p, lineOf(value),
                               tr("expected a hash (\"sha256$...\"), never the client secret "
                                  "itself"));
                    }
                } else if (key == u"user") {
                    client.user = nonEmptyString(value, p).value_or(QString());
                } else if (key == u"name") {
                    client.name = string(value, p);
                }
            });
        if (!isMap)
            return;
        for (const char *key : {"client_id", "user"})
            requireKey(node, path, QString::fromLatin1(key), has(node, key));
    }

    // ---- rules across keys ---------------------------------------------------------------

    void checkGateway()
    {
        const GatewayConfig &gw = config.gateway;
        const ListenAddress listen = gw.effectiveListen();
        const bool proxy = gw.behindProxy.value_or(false);
        if (!listen.isLoopback() && !gw.tls && !proxy) {
            error(QStringLiteral("gateway.listen"),
                  tr("plain HTTP is refused on the non-loopback address %1: set gateway.tls "
                     "{cert, key}, or set gateway.behind_proxy: true with an https public_url "
                     "when a TLS-terminating proxy is in front, or listen on 127.0.0.1")
                      .arg(listen.toString()));
        }
        if (proxy && (!gw.publicUrl || gw.publicUrl->scheme() != u"https")) {
            error(QStringLiteral("gateway.behind_proxy"),
                  gw.publicUrl ? tr("behind_proxy requires an https public_url (the address "
                                    "clients reach through the proxy), got \"%1\"")
                                     .arg(gw.publicUrl->toString())
                               : tr("behind_proxy requires an https public_url (the address "
                                    "clients reach through the proxy); set gateway.public_url"));
        } else if (gw.publicUrl && gw.publicUrl->scheme() == u"http" &&
                   !isLoopbackHost(gw.publicUrl->host())) {
            error(QStringLiteral("gateway.public_url"),
                  tr("public_url must use https unless its host is a loopback address: OAuth "
                     "2.1 and MCP clients refuse plain HTTP elsewhere"));
        } else if (gw.tls && gw.publicUrl && gw.publicUrl->scheme() == u"http") {
            warning(QStringLiteral("gateway.public_url"),
                    tr("tls is set but public_url is http; clients will be sent to plain HTTP"));
        }
        if (gw.effectiveAuthMode() == AuthMode::None && !listen.isLoopback()) {
            error(QStringLiteral("gateway.auth.mode"),
                  tr("auth mode none is only allowed with a loopback listen address, and "
                     "gateway.listen is %1")
                      .arg(listen.toString()));
        }
        if (gw.trustedProxies && !proxy) {
            warning(QStringLiteral("gateway.trusted_proxies"),
                    tr("trusted_proxies has no effect unless behind_proxy is true"));
        }
    }

    template <typename T>
    void checkUnique(const QList<T> &items, const QString &section, const QString &field,
                     const std::function<QString(const T &)> &nameOf, const QString &what)
    {
        QHash<QString, int> first;
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString name = nameOf(items.at(i));
            if (name.isEmpty())
                continue;
            const QString path = keyPath(indexPath(section, i), field);
            if (first.contains(name)) {
                error(path, tr("duplicate %1 \"%2\" (first defined on line %3)")
                                .arg(what, name)
                                .arg(first.value(name)));
            } else {
                first.insert(name, lineFor(path));
            }
        }
    }

    void checkNames()
    {
        checkUnique<ServerConfig>(
            config.servers, QStringLiteral("servers"), QStringLiteral("name"),
            [](const ServerConfig &s) { return s.name; }, tr("server name"));
        checkUnique<Credential>(
            config.credentials, QStringLiteral("credentials"), QStringLiteral("name"),
            [](const Credential &c) { return c.name; }, tr("credential name"));
        checkUnique<User>(
            config.users, QStringLiteral("users"), QStringLiteral("name"),
            [](const User &u) { return u.name; }, tr("user name"));
        checkUnique<Client>(
            config.clients, QStringLiteral("clients"), QStringLiteral("client_id"),
            [](const Client &c) { return c.clientId; }, tr("client_id"));
    }

    template <typename T>
    static QStringList namesOf(const QList<T> &items)
    {
        QStringList out;
        for (const T &item : items)
            out.append(item.name);
        return out;
    }

    void checkReference(const QString &path, const QString &name, const QStringList &defined,
                        const QString &what, const QString &section)
    {
        if (defined.contains(name))
            return;
        const QString suggestion = closest(name, defined);
        error(path, suggestion.isEmpty()
                        ? tr("%1 \"%2\" is not defined in %3").arg(what, name, section)
                        : tr("%1 \"%2\" is not defined in %3 (did you mean \"%4\"?)")
                              .arg(what, name, section, suggestion));
    }

    void checkTargetServer(const Target &target, const QString &path)
    {
        checkReference(path, target.server, namesOf(config.servers), tr("server"),
                       QStringLiteral("servers"));
    }

    void checkReferences()
    {
        const QStringList credentials = namesOf(config.credentials);
        const QString credential = tr("credential");
        const QString credentialsKey = QStringLiteral("credentials");
        for (qsizetype i = 0; i < config.servers.size(); ++i) {
            const ServerConfig &server = config.servers.at(i);
            const QString path = indexPath(QStringLiteral("servers"), i);
            if (server.credential)
                checkReference(keyPath(path, QStringLiteral("credential")), *server.credential,
                               credentials, credential, credentialsKey);
            const QStringList candidates = server.credentials.value_or(QStringList());
            for (qsizetype c = 0; c < candidates.size(); ++c) {
                const QString itemPath = indexPath(keyPath(path, credentialsKey), c);
                checkReference(itemPath, candidates.at(c), credentials, credential, credentialsKey);
                if (candidates.indexOf(candidates.at(c)) != c)
                    error(itemPath, tr("credential \"%1\" is listed twice; list each candidate "
                                       "once, in the order they are tried")
                                        .arg(candidates.at(c)));
            }
            if (!server.tools)
                continue;
            for (const ToolOverride &override : server.tools->overrides) {
                if (override.credential)
                    checkReference(
                        keyPath(overridePath(i, override.key), QStringLiteral("credential")),
                        *override.credential, credentials, credential, credentialsKey);
            }
        }
        checkIdentityHeaders();
        for (const Role &role : config.roles) {
            for (const RoleRule &rule : role.rules)
                checkTargetServer(rule.target, rulePath(role, rule.target));
        }
        const QStringList roles = namesOf(config.roles);
        const QStringList plans = namesOf(config.plans);
        for (qsizetype i = 0; i < config.users.size(); ++i) {
            const User &user = config.users.at(i);
            const QString path = indexPath(QStringLiteral("users"), i);
            for (qsizetype r = 0; user.roles && r < user.roles->size(); ++r)
                checkReference(indexPath(keyPath(path, QStringLiteral("roles")), r),
                               user.roles->at(r), roles, tr("role"), QStringLiteral("roles"));
            if (user.plan)
                checkReference(keyPath(path, QStringLiteral("plan")), *user.plan, plans, tr("plan"),
                               QStringLiteral("plans"));
            for (const Grant &grant : user.grants)
                checkTargetServer(grant.target, grantPath(i, grant.target));
        }
        const QStringList users = namesOf(config.users);
        for (qsizetype i = 0; i < config.clients.size(); ++i) {
            const Client &client = config.clients.at(i);
            if (!client.user.isEmpty())
                checkReference(
                    keyPath(indexPath(QStringLiteral("clients"), i), QStringLiteral("user")),
                    client.user, users, tr("user"), QStringLiteral("users"));
        }
    }

    // An identity header must not be where one of the server's credentials puts its secret:
    // the credential would replace the identity, or a client would learn where the key goes.
    void checkIdentityHeaders()
    {
        for (qsizetype i = 0; i < config.servers.size(); ++i) {
            const ServerConfig &server = config.servers.at(i);
            if (!server.identityHeaders)
                continue;
            QStringList names;
            if (server.credential)
                names.append(*server.credential);
            for (const QString &candidate : server.credentials.value_or(QStringList()))
                if (!names.contains(candidate))
                    names.append(candidate);
            for (const ToolOverride &override :
                 server.tools ? server.tools->overrides : QList<ToolOverride>())
                if (override.credential && !names.contains(*override.credential))
                    names.append(*override.credential);
            const QString path = keyPath(indexPath(QStringLiteral("servers"), i),
                                         QStringLiteral("identity_headers"));
            const std::pair<QString, std::optional<QString>> headers[] = {
                {QStringLiteral("user"), server.identityHeaders->user},
                {QStringLiteral("client"), server.identityHeaders->client},
            };
            for (const auto &[key, header] : headers) {
                if (!header)
                    continue;
                for (const QString &name : std::as_const(names)) {
                    const auto c = std::find_if(
                        config.credentials.cbegin(), config.credentials.cend(),
                        [&](const Credential &candidate) { return candidate.name == name; });
                    if (c == config.credentials.cend() || c->type != CredentialType::ApiKey ||
                        c->in.value_or(ParamLocation::Header) != ParamLocation::Header ||
                        !c->param || c->param->compare(*header, Qt::CaseInsensitive) != 0)
                        continue;
                    error(keyPath(path, key),
                          tr("header \"%1\" is where credential \"%2\" of this server sends its "
                             "key; give the identity another header")
                              .arg(*header, name));
                }
            }
        }
    }

    static QString overridePath(qsizetype server, const QString &key)
    {
        return keyPath(QStringLiteral("servers[%1].tools.overrides").arg(server), key);
    }
    static QString rulePath(const Role &role, const Target &target)
    {
        return keyPath(keyPath(QStringLiteral("roles"), role.name), target.toString());
    }
    static QString grantPath(qsizetype user, const Target &target)
    {
        return keyPath(QStringLiteral("users[%1].grants").arg(user), target.toString());
    }

    static QString resourceOf(const Operation &operation, const ToolOverride *override)
    {
        if (override && override->resource)
            return *override->resource;
        if (!operation.tags.isEmpty())
            return operation.tags.first();
        const QStringList segments = operation.path.split(u'/', Qt::SkipEmptyParts);
        for (const QString &segment : segments) {
            if (!segment.startsWith(u'{'))
                return segment;
        }
        return {};
    }

    void checkTools()
    {
        for (qsizetype i = 0; i < config.servers.size(); ++i) {
            const ServerConfig &server = config.servers.at(i);
            if (!server.openapi || server.name.isEmpty())
                continue;
            const QString path =
                keyPath(indexPath(QStringLiteral("servers"), i), QStringLiteral("openapi"));
            if (isHttpUrl(server.openapi->written)) {
                warning(path, tr("the spec is a URL and is not fetched while loading the "
                                 "configuration, so override keys and tool names for this "
                                 "server are not checked"));
                continue;
            }
            const Result<OperationIndex> index =
                OperationIndex::fromFile(server.openapi->resolved, server.openapi->written);
            if (!index.ok()) {
                error(path, index.error().message());
                continue;
            }
            m_serverTools.insert(server.name, checkServerTools(i, server, *index));
        }
        for (const Role &role : config.roles) {
            for (const RoleRule &rule : role.rules)
                checkTarget(rule.target, rulePath(role, rule.target));
        }
        for (qsizetype u = 0; u < config.users.size(); ++u) {
            for (const Grant &grant : config.users.at(u).grants)
                checkTarget(grant.target, grantPath(u, grant.target));
        }
    }

    ServerTools checkServerTools(qsizetype serverIndex, const ServerConfig &server,
                                 const OperationIndex &index)
    {
        ServerTools tools;
        tools.known = true;
        tools.specName = server.openapi->written;
        const QStringList exclude =
            server.tools ? server.tools->exclude.value_or(QStringList()) : QStringList();
        const QStringList include =
            server.tools ? server.tools->include.value_or(QStringList()) : QStringList();
        const QList<ToolOverride> overrides =
            server.tools ? server.tools->overrides : QList<ToolOverride>();
        // Exclude wins over include; an empty include list includes everything.
        const auto removalOf = [&](const Operation &operation) -> std::optional<Removal> {
            const QString pattern = OperationIndex::excludedBy(operation, exclude);
            if (!pattern.isEmpty())
                return Removal{Removal::Why::Excluded, pattern};
            if (!include.isEmpty() && OperationIndex::excludedBy(operation, include).isEmpty())
                return Removal{Removal::Why::NotIncluded, QString()};
            return std::nullopt;
        };

        for (qsizetype i = 0; i < include.size(); ++i) {
            const QString &pattern = include.at(i);
            const bool matchesAny = std::any_of(
                index.operations().cbegin(), index.operations().cend(),
                [&](const Operation &o) { return OperationIndex::matches(o, pattern); });
            if (!matchesAny)
                warning(indexPath(keyPath(keyPath(indexPath(QStringLiteral("servers"), serverIndex),
                                                  QStringLiteral("tools")),
                                          QStringLiteral("include")),
                                  i),
                        tr("\"%1\" matches no operation of %2; it includes nothing")
                            .arg(pattern, tools.specName));
        }

        QHash<const Operation *, const ToolOverride *> overrideOf;
        QStringList knownKeys;
        for (const Operation &operation : index.operations()) {
            if (!operation.operationId.isEmpty())
                knownKeys.append(operation.operationId);
            knownKeys.append(operation.key());
        }
        for (const ToolOverride &override : overrides) {
            const QString path = overridePath(serverIndex, override.key);
            const Operation *operation = index.find(override.key);
            if (!operation) {
                const QString suggestion = closest(override.key, knownKeys);
                warning(path, suggestion.isEmpty()
                                  ? tr("%1 has no operation \"%2\"; this override has no effect")
                                        .arg(tools.specName, override.key)
                                  : tr("%1 has no operation \"%2\" (did you mean \"%3\"?); this "
                                       "override has no effect")
                                        .arg(tools.specName, override.key, suggestion));
                continue;
            }
            if (const std::optional<Removal> removal = removalOf(*operation)) {
                if (removal->why == Removal::Why::Excluded)
                    warning(path, tr("operation \"%1\" is excluded by tools.exclude \"%2\"; this "
                                     "override has no effect")
                                      .arg(override.key, removal->pattern));
                else
                    warning(path, tr("operation \"%1\" matches no pattern of tools.include; this "
                                     "override has no effect")
                                      .arg(override.key));
                continue;
            }
            overrideOf.insert(operation, &override);
        }

        struct Owner
        {
            const Operation *operation;
            const ToolOverride *override; // set when the override gives the name
        };
        QHash<QString, Owner> owner; // final tool name -> the operation that has it
        for (const Operation &operation : index.operations()) {
            const ToolOverride *override = overrideOf.value(&operation);
            std::optional<Removal> removal = removalOf(operation);
            if (!removal && override && !override->enabled.value_or(true))
                removal = Removal{Removal::Why::Disabled, QString()};
            if (removal) {
                tools.excluded.insert(operation.toolName, *removal);
                if (override && override->name)
                    tools.excluded.insert(*override->name, *removal);
                continue;
            }
            const bool renamed = override && override->name;
            const QString finalName = renamed ? *override->name : operation.toolName;
            if (const auto other = owner.constFind(finalName); other != owner.constEnd()) {
                // blame the override that chose the name, if one did
                const ToolOverride *blamed = renamed ? override : other->override;
                const Operation *kept = renamed ? other->operation : &operation;
                if (blamed) {
                    error(keyPath(overridePath(serverIndex, blamed->key), QStringLiteral("name")),
                          tr("tool name \"%1\" is already the name of operation %2")
                              .arg(finalName, kept->key()));
                } else {
                    warning(keyPath(indexPath(QStringLiteral("servers"), serverIndex),
                                    QStringLiteral("openapi")),
                            tr("operations %1 and %2 both get the tool name \"%3\"; give one a "
                               "name in tools.overrides")
                                .arg(other->operation->key(), operation.key(), finalName));
                }
            } else {
                owner.insert(finalName, Owner{&operation, renamed ? override : nullptr});
            }
            tools.tools.insert(operation.toolName);
            tools.toolList.append(finalName);
            if (finalName != operation.toolName)
                tools.tools.insert(finalName);
            const QString resource = resourceOf(operation, override);
            if (!resource.isEmpty())
                tools.resources.insert(resource);
        }
        return tools;
    }

    void checkTarget(const Target &target, const QString &path)
    {
        const auto it = m_serverTools.constFind(target.server);
        if (it == m_serverTools.constEnd() || !it->known)
            return;
        const ServerTools &tools = it.value();
        if (target.kind == TargetKind::Resource) {
            if (!tools.resources.contains(target.name)) {
                QStringList resources(tools.resources.cbegin(), tools.resources.cend());
                resources.sort();
                warning(path,
                        tr("server \"%1\" has no resource \"%2\" (its resources: %3); "
                           "this rule has no effect")
                            .arg(target.server, target.name, resources.join(QStringLiteral(", "))));
            }
            return;
        }
        if (tools.tools.contains(target.name))
            return;
        if (const auto removed = tools.excluded.constFind(target.name);
            removed != tools.excluded.cend()) {
            switch (removed->why) {
            case Removal::Why::Excluded:
                warning(path, tr("tool \"%1\" is excluded by tools.exclude \"%2\"; this rule has "
                                 "no effect")
                                  .arg(target.name, removed->pattern));
                break;
            case Removal::Why::NotIncluded:
                warning(path, tr("tool \"%1\" matches no pattern of tools.include; this rule has "
                                 "no effect")
                                  .arg(target.name));
                break;
            case Removal::Why::Disabled:
                warning(path, tr("tool \"%1\" is disabled by its override (enabled: false); this "
                                 "rule has no effect")
                                  .arg(target.name));
                break;
            }
            return;
        }
        const QString suggestion = closest(target.name, tools.toolList);
        warning(path, suggestion.isEmpty()
                          ? tr("server \"%1\" has no tool \"%2\"; this rule has no effect")
                                .arg(target.server, target.name)
                          : tr("server \"%1\" has no tool \"%2\" (did you mean \"%3\"?); this "
                               "rule has no effect")
                                .arg(target.server, target.name, suggestion));
    }
};

} // namespace

QList<Diagnostic> LoadResult::errors() const
{
    QList<Diagnostic> out;
    std::copy_if(diagnostics.cbegin(), diagnostics.cend(), std::back_inserter(out),
                 [](const Diagnostic &d) { return d.isError(); });
    return out;
}

QList<Diagnostic> LoadResult::warnings() const
{
    QList<Diagnostic> out;
    std::copy_if(diagnostics.cbegin(), diagnostics.cend(), std::back_inserter(out),
                 [](const Diagnostic &d) { return !d.isError(); });
    return out;
}

Result<Config> LoadResult::toResult() const
{
    if (config)
        return *config;
    QStringList lines;
    for (const Diagnostic &d : errors())
        lines.append(d.toString());
    return Error(ErrorCode::Validation, lines.join(u'\n'));
}

ConfigLoader::ConfigLoader() = default;

ConfigLoader::ConfigLoader(Options options)
    : m_options(options)
{}

ConfigFormat ConfigLoader::detectFormat(const QString &fileName, const QByteArray &content)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == u"json")
        return ConfigFormat::Json;
    if (suffix == u"yaml" || suffix == u"yml")
        return ConfigFormat::Yaml;
    return content.trimmed().startsWith('{') ? ConfigFormat::Json : ConfigFormat::Yaml;
}

LoadResult ConfigLoader::loadFile(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        LoadResult result;
        result.format = detectFormat(path, QByteArray());
        result.diagnostics.append(
            Diagnostic{Diagnostic::Severity::Error, path, 0, QString(),
                       tr("cannot read the file: %1").arg(file.errorString())});
        return result;
    }
    return loadString(file.readAll(), path);
}

LoadResult ConfigLoader::loadString(const QByteArray &content, const QString &displayName,
                                    const QString &baseDir) const
{
    LoadResult result;
    result.format = detectFormat(displayName, content);
    Parser parser(displayName, baseDir.isEmpty() ? QFileInfo(displayName).absolutePath() : baseDir,
                  m_options.checkSpecs);
    YAML::Node root;
    try {
        root = YAML::Load(content.toStdString());
    } catch (const YAML::Exception &e) {
        parser.report(Diagnostic::Severity::Error, QString(), e.mark.line + 1,
                      result.format == ConfigFormat::Json
                          ? tr("cannot parse the JSON: %1").arg(QString::fromStdString(e.msg))
                          : tr("cannot parse the YAML: %1").arg(QString::fromStdString(e.msg)));
        result.diagnostics = parser.diagnostics;
        return result;
    }
    try {
        parser.parseRoot(root);
        if (root.IsMap())
            parser.check();
    } catch (const YAML::Exception &e) {
        // a bug here, not in the file: accessors used above do not throw on valid nodes
        qCWarning(lcConfig) << "unexpected YAML exception while reading" << displayName << e.what();
        parser.report(Diagnostic::Severity::Error, QString(), e.mark.line + 1,
                      tr("cannot read the configuration: %1").arg(QString::fromStdString(e.msg)));
    }
    result.diagnostics = parser.diagnostics;
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                     [](const Diagnostic &a, const Diagnostic &b) {
                         return a.line != b.line ? a.line < b.line : a.isError() && !b.isError();
                     });
    if (!hasErrors(result.diagnostics))
        result.config = std::move(parser.config);
    return result;
}

} // namespace gatehouse::config
