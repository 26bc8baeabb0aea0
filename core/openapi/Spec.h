#pragma once

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>
#include <optional>

namespace gatehouse::openapi {

// The family of the document a Spec was loaded from. Everything below is normalised to the
// OpenAPI 3.1 model (schemas as JSON Schema 2020-12) whatever the family.
enum class SpecVersion
{
    Swagger20,
    OpenApi30,
    OpenApi31,
};

struct SpecInfo
{
    QString title;
    QString version;
    QString description;
};

struct ServerVariable
{
    QString name;
    QString defaultValue;
    QStringList enumValues; // empty: unconstrained
    QString description;
};

struct SpecServer
{
    QString url; // as written, with {variables}
    QString description;
    QList<ServerVariable> variables;

    // The url with each {variable} replaced by values[name], else by its default.
    QString resolvedUrl(const QHash<QString, QString> &values = {}) const;
};

enum class ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
};

enum class ParameterStyle
{
    Form,
    Simple,
    Matrix,
    Label,
    SpaceDelimited,
    PipeDelimited,
    DeepObject,
};

QString parameterLocationName(ParameterLocation location);
QString parameterStyleName(ParameterStyle style);

struct SpecParameter
{
    QString name;
    ParameterLocation in = ParameterLocation::Query;
    bool required = false;
    bool deprecated = false;
    QString description;
    nlohmann::json schema = nlohmann::json::object(); // JSON Schema 2020-12, self-contained
    // Defaults per OAS: form/explode for query and cookie, simple/no explode for path and header.
    ParameterStyle style = ParameterStyle::Form;
    bool explode = true;
    bool allowReserved = false;
    QString contentType; // set when the parameter is described by `content` instead of `schema`
};

struct SpecEncoding
{
    QString contentType;
    std::optional<ParameterStyle> style;
    std::optional<bool> explode;
    bool allowReserved = false;
};

struct SpecMediaType
{
    QString contentType;                  // application/json, multipart/form-data, ...
    nlohmann::json schema;                // null when the media type has none (or, in a
                                          // response, when responseSchemas is off)
    QMap<QString, SpecEncoding> encoding; // property name -> encoding (form bodies)
};

struct SpecRequestBody
{
    bool required = false;
    QString description;
    QList<SpecMediaType> content;

    // The media type for contentType (exact, case-insensitive), or nullptr.
    const SpecMediaType *find(QStringView contentType) const;
};

struct SpecResponse
{
    QString status; // "200", "2XX" or "default"
    QString description;
    QList<SpecMediaType> content;
};

// One alternative of an operation's security: every scheme listed must be satisfied, with
// the scopes given. An empty requirement means anonymous access is allowed.
using SecurityRequirement = QMap<QString, QStringList>;

struct SecurityScheme
{
    QString name; // key in components/securitySchemes (securityDefinitions in 2.0)
    QString type; // apiKey, http, oauth2, openIdConnect, mutualTLS
    QString description;
    QString in;               // apiKey: header, query or cookie
    QString parameterName;    // apiKey: the header, query or cookie name
    QString scheme;           // http: basic, bearer, ... (lower case)
    QString bearerFormat;     // http bearer
    QString openIdConnectUrl; // openIdConnect
    nlohmann::json flows;     // oauth2: the OAS 3 `flows` object (2.0 flows converted)
};

struct SpecOperation
{
    QString method; // upper case: GET, POST, ...
    QString path;   // as in the spec: /invoices/{invoice_id}
    QString operationId;
    QString summary;
    QString description;
    QStringList tags;
    bool deprecated = false;
    QList<SpecParameter> parameters; // path-level and operation-level merged
    std::optional<SpecRequestBody> requestBody;
    QList<SpecResponse> responses; // 2XX and default responses only
    // Operation-level `security` when present (an empty list means no authentication), else
    // the document's.
    QList<SecurityRequirement> security;
    bool securityInherited = true; // true when `security` came from the document
    QList<SpecServer> servers;     // operation or path-level servers; empty: the document's
    QString pointer;               // #/paths/~1invoices/get

    QString key() const { return method + u' ' + path; }
};

// An operation the loader could not import, and why. The rest of the spec still loads.
struct SkippedOperation
{
    QString method; // upper case; empty when a whole path item was skipped
    QString path;
    QString pointer; // JSON pointer of the offending value, "#/paths/..."
    QString reason; // "billing.yaml:12: #/paths/~1invoices/get/parameters/0: parameter has no "in""
};

// A loaded OpenAPI document. Build one with SpecLoader.
//
// Schemas (parameters, request bodies, responses) are self-contained JSON Schema 2020-12:
// every `$ref` is inlined except the ones that take part in a cycle. Those become
// {"$ref": "#/$defs/Name"} and the schema's root carries a `$defs` object holding every
// definition it needs (the definitions follow the same rule). Whoever embeds such a schema
// into a larger one must hoist its `$defs` to the new root. schemaDefs() holds all of them.
class Spec
{
public:
    Spec() = default;

    SpecVersion version() const { return m_version; }
    QString versionString() const { return m_versionString; } // "3.0.3", "2.0", ...
    const QString &sourceName() const { return m_sourceName; }
    const SpecInfo &info() const { return m_info; }

    // The document's servers. With a base URL override (SpecLoadOptions::baseUrlOverride) this
    // is that one server, and operation-level servers are dropped.
    const QList<SpecServer> &servers() const { return m_servers; }
    // The URL requests go to: the override, else the first server with its defaults (for
    // operation, its own servers first). Empty when the document names no server.
    QString baseUrl() const;
    QString baseUrlFor(const SpecOperation &operation) const;

    const QList<SpecOperation> &operations() const { return m_operations; }
    const QList<SkippedOperation> &skipped() const { return m_skipped; }
    // Things that loaded but look wrong (a server variable without a default, ...).
    const QStringList &warnings() const { return m_warnings; }

    const QMap<QString, SecurityScheme> &securitySchemes() const { return m_securitySchemes; }
    const QList<SecurityRequirement> &security() const { return m_security; }
    // Every recursive definition, by the name its {"$ref": "#/$defs/Name"} uses.
    const nlohmann::json &schemaDefs() const { return m_schemaDefs; }

    // By operationId, or by "METHOD /path" (method case-insensitive).
    const SpecOperation *find(QStringView operationIdOrKey) const;

private:
    friend class SpecBuilder;

    SpecVersion m_version = SpecVersion::OpenApi31;
    QString m_versionString;
    QString m_sourceName;
    SpecInfo m_info;
    QList<SpecServer> m_servers;
    bool m_baseUrlOverridden = false;
    QList<SpecOperation> m_operations;
    QList<SkippedOperation> m_skipped;
    QStringList m_warnings;
    QMap<QString, SecurityScheme> m_securitySchemes;
    QList<SecurityRequirement> m_security;
    nlohmann::json m_schemaDefs = nlohmann::json::object();
};

} // namespace gatehouse::openapi
