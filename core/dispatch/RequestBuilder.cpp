#include "RequestBuilder.h"

#include "Logging.h"
#include "ParameterSerializer.h"
#include "UpstreamCredential.h"
#include "config/Config.h"
#include "http/Headers.h"

#include <QHash>
#include <QRandomGenerator>
#include <QUrl>

#include <algorithm>

namespace gatehouse::dispatch {

using nlohmann::json;
using openapi::ArgumentTarget;
using openapi::ParameterLocation;
using openapi::ParameterStyle;
using openapi::SpecParameter;
using openapi::Tool;

namespace {

using Encoding = ParameterSerializer::Encoding;

struct Value
{
    ArgumentTarget target = ArgumentTarget::Query;
    QString name;
    int parameterIndex = -1;
    json value;
};

class Values
{
public:
    // A later put() for the same target and name replaces the value only when `replace`.
    void put(ArgumentTarget target, const QString &name, int parameterIndex, const json &value,
             bool replace)
    {
        const QString key = keyFor(target, name);
        const auto it = m_index.constFind(key);
        if (it != m_index.cend()) {
            if (replace)
                m_values[*it].value = value;
            return;
        }
        m_index.insert(key, m_values.size());
        m_values.append(Value{target, name, parameterIndex, value});
    }
    bool contains(ArgumentTarget target, const QString &name) const
    {
        return m_index.contains(keyFor(target, name));
    }
    const Value *find(ArgumentTarget target, const QString &name) const
    {
        const auto it = m_index.constFind(keyFor(target, name));
        return it == m_index.cend() ? nullptr : &m_values.at(*it);
    }
    const QList<Value> &all() const { return m_values; }

private:
    static QString keyFor(ArgumentTarget target, const QString &name)
    {
        // Header names are case-insensitive (RFC 9110 §5.1); everything else is exact.
        return QString::number(int(target)) + u':' +
               (target == ArgumentTarget::Header ? name.toLower() : name);
    }
    QList<Value> m_values;
    QHash<QString, qsizetype> m_index;
};

ParameterLocation locationOf(ArgumentTarget target)
{
    switch (target) {
    case ArgumentTarget::Path:
        return ParameterLocation::Path;
    case ArgumentTarget::Header:
        return ParameterLocation::Header;
    case ArgumentTarget::Cookie:
        return ParameterLocation::Cookie;
    default:
        return ParameterLocation::Query;
    }
}

// The spec's parameter for a value; a default one (OAS default style for its location) when the
// operation does not list it.
SpecParameter parameterFor(const Tool &tool, const Value &v)
{
    const ParameterLocation in = locationOf(v.target);
    const QList<SpecParameter> &parameters = tool.operation.parameters;
    if (v.parameterIndex >= 0 && v.parameterIndex < parameters.size() &&
        parameters.at(v.parameterIndex).in == in)
        return parameters.at(v.parameterIndex);
    for (const SpecParameter &p : parameters)
        if (p.in == in && p.name == v.name)
            return p;
    SpecParameter p;
    p.name = v.name;
    p.in = in;
    const bool simple = in == ParameterLocation::Path || in == ParameterLocation::Header;
    p.style = simple ? ParameterStyle::Simple : ParameterStyle::Form;
    p.explode = !simple;
    return p;
}

int orderOf(const Tool &tool, const Value &v)
{
    const ParameterLocation in = locationOf(v.target);
    const QList<SpecParameter> &parameters = tool.operation.parameters;
    if (v.parameterIndex >= 0 && v.parameterIndex < parameters.size())
        return v.parameterIndex;
    for (qsizetype i = 0; i < parameters.size(); ++i)
        if (parameters.at(i).in == in && parameters.at(i).name == v.name)
            return int(i);
    return int(parameters.size());
}

QString mediaEssence(const QString &contentType)
{
    return contentType.section(u';', 0, 0).trimmed().toLower();
}

bool isJsonMedia(const QString &essence)
{
    return essence == u"application/json" || essence.endsWith(u"+json");
}

// The text of a parameter described by `content` (OAS 3.1.1 §4.8.12.2): JSON media types get
// the value serialised as JSON, others a string as it is.
QByteArray contentText(const QString &contentType, const json &value)
{
    if (!isJsonMedia(mediaEssence(contentType)) && value.is_string())
        return ParameterSerializer::scalarText(value);
    const std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
    return QByteArray(text.data(), qsizetype(text.size()));
}

// Literal parts of the path template: pchar and '/' pass, anything else is encoded.
QByteArray encodePathLiteral(const QString &literal)
{
    static const QByteArray keep = QByteArrayLiteral("!$&'()*+,;=:@/%");
    QByteArray out;
    for (const char ch : literal.toUtf8()) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~' || keep.contains(char(c)))
            out.append(char(c));
        else
            out.append(ParameterSerializer::percentEncode(QByteArrayView(&ch, 1)));
    }
    return out;
}

bool isDotSegment(QByteArrayView segment)
{
    const QByteArray decoded = ParameterSerializer::percentDecode(segment);
    return decoded == "." || decoded == "..";
}

// Header parameters the request must not take from a client: OAS 3.1.1 §4.8.12.2 ignores
// Accept, Content-Type and Authorization; the rest frame or route the message (RFC 9110 §7.6.1,
// RFC 9112 §6-7) or would let a client set cookies beside the cookie parameters.
bool isReservedHeader(QByteArrayView name)
{
    static constexpr std::string_view reserved[] = {
        "accept",
        "content-type",
        "authorization",
        "host",
        "content-length",
        "transfer-encoding",
        "connection",
        "keep-alive",
        "upgrade",
        "te",
        "trailer",
        "expect",
        "proxy-authorization",
        "proxy-connection",
        "cookie",
    };
    for (const std::string_view r : reserved)
        if (http::Headers::equalNames(name, QByteArrayView(r.data(), qsizetype(r.size()))))
            return true;
    return false;
}

bool isIdentityHeader(QByteArrayView name, const QList<IdentityHeader> &identity)
{
    return std::any_of(identity.cbegin(), identity.cend(), [&](const IdentityHeader &h) {
        return http::Headers::equalNames(name, h.name);
    });
}

// Why an identity value cannot go into a header; empty when it can. RFC 9110 §5.5: a field
// value has no control characters and no whitespace at either end (a recipient would strip it,
// and " bob" would arrive as someone else's "bob"). Other non-ASCII text goes as UTF-8 octets.
QString identityValueProblem(const QString &value)
{
    for (const QChar c : value)
        if (c.category() == QChar::Other_Control)
            return RequestBuilder::tr("it contains a line break or another control character");
    if (value != value.trimmed())
        return RequestBuilder::tr("it starts or ends with whitespace");
    return {};
}

void appendIdentity(http::UpstreamRequest &request, const QList<IdentityHeader> &identity,
                    const Tool &tool)
{
    for (const IdentityHeader &h : identity) {
        if (h.value.isEmpty())
            continue;
        const QString name = QString::fromLatin1(h.name);
        if (!config::isHeaderName(name) || config::isReservedIdentityHeader(name)) {
            qCWarning(lcDispatch).noquote()
                << "identity header" << name << "of" << tool.name
                << "is left out: it is not a header name the gateway may set";
            continue;
        }
        if (const QString problem = identityValueProblem(h.value); !problem.isEmpty()) {
            // The value names the caller, so it stays out of the log as well.
            qCWarning(lcDispatch).noquote()
                << "identity header" << name << "of" << tool.name << "is left out:" << problem;
            continue;
        }
        request.headers.append({h.name, h.value.toUtf8()});
    }
}

struct Body
{
    QByteArray contentType;
    QByteArray data;
};

QByteArray randomBoundary()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return "gatehouse-" + QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex();
}

// RFC 7578 §4.2 leaves quoting to the HTML form rules: '"', CR and LF percent-encoded.
QByteArray dispositionName(const QString &name)
{
    QByteArray out = name.toUtf8();
    out.replace('"', "%22").replace('\r', "%0D").replace('\n', "%0A");
    return out;
}

QByteArray firstMediaType(const QString &list)
{
    const QString first = list.section(u',', 0, 0).trimmed();
    if (first.isEmpty() || first.contains(u'*'))
        return {};
    return first.toUtf8();
}

bool allScalars(const json &array)
{
    for (const json &item : array)
        if (item.is_structured())
            return false;
    return true;
}

} // namespace

Result<http::UpstreamRequest>
RequestBuilder::build(const Tool &tool, const json &arguments, const QString &baseUrl,
                      const UpstreamCredential *credential,
                      const QMap<QString, openapi::SecurityScheme> &schemes,
                      const QList<IdentityHeader> &identity)
{
    if (!arguments.is_null() && !arguments.is_object())
        return Error(ErrorCode::InvalidArgument,
                     tr("The arguments of %1 must be a JSON object.").arg(tool.name));

    // Fixed values last and replacing: a client cannot override them, even by sending a value
    // under the same name.
    Values values;
    if (arguments.is_object()) {
        for (const openapi::ToolArgument &argument : tool.arguments) {
            const auto it = arguments.find(argument.property.toStdString());
            if (it != arguments.end())
                values.put(argument.target, argument.name, argument.parameterIndex, *it, false);
        }
    }
    for (const openapi::SuppliedArgument &d : tool.defaults)
        values.put(d.target, d.name, d.parameterIndex, d.value, false);
    for (const openapi::SuppliedArgument &f : tool.fixed)
        values.put(f.target, f.name, f.parameterIndex, f.value, true);

    http::UpstreamRequest request;
    request.method = tool.operation.method.isEmpty() ? QByteArrayLiteral("GET")
                                                     : tool.operation.method.toUpper().toLatin1();
    request.followRedirects = true; // same origin only, enforced by UpstreamClient

    // URL: base + path template.
    const QUrl base(baseUrl.trimmed());
    const QString scheme = base.scheme().toLower();
    if (!base.isValid() || (scheme != u"http" && scheme != u"https") || base.host().isEmpty())
        return Error(ErrorCode::Validation,
                     tr("The base URL \"%1\" of %2 is not an absolute http or https URL; fix the "
                        "server's base_url.")
                         .arg(baseUrl, tool.name));
    QByteArray url = base.toEncoded(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
    QByteArray basePath = base.path(QUrl::FullyEncoded).toUtf8();
    while (basePath.endsWith('/'))
        basePath.chop(1);
    url += basePath;

    const QString &tpl = tool.operation.path;
    QByteArray path;
    if (!tpl.startsWith(u'/'))
        path += '/';
    for (qsizetype i = 0; i < tpl.size();) {
        const qsizetype open = tpl.indexOf(u'{', i);
        const qsizetype close = open < 0 ? -1 : tpl.indexOf(u'}', open);
        if (close < 0) {
            path += encodePathLiteral(tpl.mid(i));
            break;
        }
        path += encodePathLiteral(tpl.mid(i, open - i));
        const QString name = tpl.mid(open + 1, close - open - 1);
        i = close + 1;
        const Value *v = values.find(ArgumentTarget::Path, name);
        if (!v || v->value.is_null())
            return Error(
                ErrorCode::InvalidArgument,
                tr("The path parameter %1 of %2 has no value; pass it.").arg(name, tool.name));
        const SpecParameter p = parameterFor(tool, *v);
        const QByteArray text =
            p.contentType.isEmpty()
                ? ParameterSerializer::pathValue(name, p.style, p.explode, v->value)
                : ParameterSerializer::percentEncode(contentText(p.contentType, v->value));
        // An empty value would turn /users/{id} into /users/, another resource.
        if (text.isEmpty())
            return Error(
                ErrorCode::InvalidArgument,
                tr("The path parameter %1 of %2 is empty; pass a value.").arg(name, tool.name));
        path += text;
    }
    // '/' in values is encoded, so segments come from the template; a value that is a whole
    // "." or ".." segment would still climb the path once the URL is normalised (RFC 3986
    // §5.2.4), and %2E is equivalent to '.' (§2.3), so encoding cannot help: refuse it.
    for (const QByteArray &segment : path.split('/'))
        if (isDotSegment(segment))
            return Error(ErrorCode::InvalidArgument,
                         tr("A path parameter of %1 is \".\" or \"..\", which would leave the "
                            "operation's path; pass a real value.")
                             .arg(tool.name));
    url += path;

    // Parameters in the order the operation lists them.
    QList<const Value *> parameters;
    for (const Value &v : values.all())
        if (v.target == ArgumentTarget::Query || v.target == ArgumentTarget::Header ||
            v.target == ArgumentTarget::Cookie)
            parameters.append(&v);
    std::stable_sort(parameters.begin(), parameters.end(), [&](const Value *a, const Value *b) {
        return orderOf(tool, *a) < orderOf(tool, *b);
    });

    QList<QByteArray> query;
    const QByteArray baseQuery = base.query(QUrl::FullyEncoded).toUtf8();
    if (!baseQuery.isEmpty())
        query.append(baseQuery);
    http::UpstreamHeaders headerParameters;
    QList<QByteArray> cookies;
    for (const Value *v : std::as_const(parameters)) {
        if (ParameterSerializer::isUndefined(v->value))
            continue;
        const SpecParameter p = parameterFor(tool, *v);
        switch (v->target) {
        case ArgumentTarget::Query:
            if (!p.contentType.isEmpty())
                query.append(
                    ParameterSerializer::percentEncode(v->name.toUtf8()) + '=' +
                    ParameterSerializer::percentEncode(contentText(p.contentType, v->value)));
            else
                query.append(ParameterSerializer::queryPairs(v->name, p.style, p.explode,
                                                             p.allowReserved, v->value));
            break;
        case ArgumentTarget::Header: {
            const QByteArray name = v->name.toUtf8();
            if (isReservedHeader(name) || isIdentityHeader(name, identity))
                break;
            if (!http::isToken(name))
                return Error(ErrorCode::Validation,
                             tr("The header parameter \"%1\" of %2 is not a valid header name; "
                                "fix the spec or hide the parameter.")
                                 .arg(v->name, tool.name));
            const QByteArray text = p.contentType.isEmpty()
                                        ? ParameterSerializer::headerValue(p.explode, v->value)
                                        : contentText(p.contentType, v->value);
            // Refused, not cleaned: a line break here would start a header of the client's
            // choosing (header injection).
            if (!ParameterSerializer::isFieldValue(text))
                return Error(ErrorCode::InvalidArgument,
                             tr("The header parameter %1 of %2 contains a line break or another "
                                "control character, which a header cannot carry; remove it.")
                                 .arg(v->name, tool.name));
            headerParameters.append({name, text});
            break;
        }
        case ArgumentTarget::Cookie: {
            const QByteArray name = v->name.toUtf8();
            if (!http::isToken(name))
                return Error(ErrorCode::Validation,
                             tr("The cookie parameter \"%1\" of %2 is not a valid cookie name; "
                                "fix the spec or hide the parameter.")
                                 .arg(v->name, tool.name));
            if (!p.contentType.isEmpty())
                cookies.append(name + '=' +
                               ParameterSerializer::percentEncode(
                                   contentText(p.contentType, v->value), Encoding::Cookie));
            else
                cookies.append(ParameterSerializer::cookiePairs(v->name, p.explode, v->value));
            break;
        }
        default:
            break;
        }
    }
    if (!query.isEmpty())
        url += '?' + query.join('&');

    request.url = QUrl::fromEncoded(url, QUrl::StrictMode);
    if (!request.url.isValid())
        return Error(ErrorCode::Internal,
                     tr("The request URL for %1 came out invalid (%2); please report this.")
                         .arg(tool.name, request.url.errorString()));

    // Accept: JSON first, then what the operation says it returns.
    QList<QByteArray> accept{QByteArrayLiteral("application/json")};
    for (const openapi::SpecResponse &response : tool.operation.responses) {
        for (const openapi::SpecMediaType &media : response.content) {
            const QByteArray type = media.contentType.trimmed().toUtf8();
            if (type.isEmpty() || !ParameterSerializer::isFieldValue(type) || type.contains(','))
                continue;
            bool seen = false;
            for (const QByteArray &a : std::as_const(accept))
                seen = seen || http::Headers::equalNames(a, type);
            if (!seen)
                accept.append(type);
        }
    }
    request.headers.append({QByteArrayLiteral("Accept"), accept.join(", ")});
    request.headers.append(headerParameters);
    appendIdentity(request, identity, tool);
    if (!cookies.isEmpty())
        request.headers.append({QByteArrayLiteral("Cookie"), cookies.join("; ")});

    // Body.
    if (!tool.bodyContentType.isEmpty()) {
        const json *whole = nullptr;
        QList<std::pair<QString, json>> properties;
        for (const Value &v : values.all()) {
            if (v.target == ArgumentTarget::WholeBody)
                whole = &v.value;
            else if (v.target == ArgumentTarget::BodyProperty)
                properties.append({v.name, v.value});
        }
        const bool required = tool.operation.requestBody && tool.operation.requestBody->required;
        const QString essence = mediaEssence(tool.bodyContentType);
        const bool isForm = essence == u"application/x-www-form-urlencoded";
        const bool isMultipart = essence == u"multipart/form-data";
        // Form and multipart bodies given as one object are sent member by member.
        if (whole && whole->is_object() && (isForm || isMultipart)) {
            for (auto it = whole->begin(); it != whole->end(); ++it)
                properties.append({QString::fromStdString(it.key()), it.value()});
            whole = nullptr;
        }
        const openapi::SpecMediaType *media =
            tool.operation.requestBody ? tool.operation.requestBody->find(tool.bodyContentType)
                                       : nullptr;
        const auto encodingOf = [&](const QString &name) -> const openapi::SpecEncoding * {
            if (!media)
                return nullptr;
            const auto it = media->encoding.constFind(name);
            return it == media->encoding.cend() ? nullptr : &*it;
        };

        std::optional<Body> body;
        if (!whole && properties.isEmpty() && !required) {
            // Nothing to send and nothing required: no body at all.
        } else if (isJsonMedia(essence) || essence.contains(u'*')) {
            json object = json::object();
            for (const auto &[name, value] : properties)
                object[name.toStdString()] = value;
            const std::string text =
                (whole ? *whole : object).dump(-1, ' ', false, json::error_handler_t::replace);
            body = Body{essence.contains(u'*') ? QByteArrayLiteral("application/json")
                                               : tool.bodyContentType.toUtf8(),
                        QByteArray(text.data(), qsizetype(text.size()))};
        } else if (isForm) {
            // OAS 3.1.1 §4.8.15 (Encoding Object): a property whose encoding sets style,
            // explode or allowReserved is serialised like a query parameter of that style
            // (deepObject with the Stripe bracket convention for nesting, see
            // ParameterSerializer); otherwise by its contentType: objects and arrays of
            // objects as JSON text (the application/json default), scalars as they are, and an
            // array of scalars as one pair per item (like form with explode, the default style).
            QList<QByteArray> pairs;
            if (whole) {
                pairs.append(ParameterSerializer::scalarText(*whole));
            }
            for (const auto &[name, value] : properties) {
                if (ParameterSerializer::isUndefined(value))
                    continue;
                const openapi::SpecEncoding *encoding = encodingOf(name);
                if (encoding && (encoding->style || encoding->explode || encoding->allowReserved)) {
                    const ParameterStyle style = encoding->style.value_or(ParameterStyle::Form);
                    const bool explode = encoding->explode.value_or(style == ParameterStyle::Form);
                    pairs.append(ParameterSerializer::queryPairs(name, style, explode,
                                                                 encoding->allowReserved, value));
                    continue;
                }
                const QByteArray n = ParameterSerializer::percentEncode(name.toUtf8());
                const QByteArray type =
                    encoding ? firstMediaType(encoding->contentType) : QByteArray();
                const bool asJson = isJsonMedia(mediaEssence(QString::fromUtf8(type))) ||
                                    (type.isEmpty() && (value.is_object() ||
                                                        (value.is_array() && !allScalars(value))));
                if (asJson) {
                    const std::string text =
                        value.dump(-1, ' ', false, json::error_handler_t::replace);
                    pairs.append(n + '=' +
                                 ParameterSerializer::percentEncode(
                                     QByteArrayView(text.data(), qsizetype(text.size()))));
                } else if (value.is_array()) {
                    for (const json &item : value)
                        if (!item.is_null())
                            pairs.append(n + '=' +
                                         ParameterSerializer::percentEncode(
                                             ParameterSerializer::scalarText(item)));
                } else {
                    pairs.append(
                        n + '=' +
                        ParameterSerializer::percentEncode(ParameterSerializer::scalarText(value)));
                }
            }
            body = Body{tool.bodyContentType.toUtf8(), pairs.join('&')};
        } else if (isMultipart) {
            if (whole)
                return Error(ErrorCode::InvalidArgument,
                             tr("The body of %1 must be an object to be sent as "
                                "multipart/form-data.")
                                 .arg(tool.name));
            // RFC 7578: one part per property, one per item for arrays (§4.3). Encoding styles
            // are not applied to parts; contentType is (default text/plain for scalars,
            // application/json for objects, OAS 3.1.1 §4.8.15).
            struct Part
            {
                QByteArray name;
                QByteArray contentType;
                QByteArray data;
            };
            QList<Part> parts;
            for (const auto &[name, value] : properties) {
                if (value.is_null())
                    continue;
                const openapi::SpecEncoding *encoding = encodingOf(name);
                const QByteArray declared =
                    encoding ? firstMediaType(encoding->contentType) : QByteArray();
                if (!ParameterSerializer::isFieldValue(declared))
                    return Error(ErrorCode::Validation,
                                 tr("The encoding of %1 in %2 names a content type with control "
                                    "characters; fix the spec.")
                                     .arg(name, tool.name));
                const json items = value.is_array() ? value : json::array({value});
                for (const json &item : items) {
                    if (item.is_null())
                        continue;
                    QByteArray type = declared;
                    if (type.isEmpty())
                        type = item.is_structured() ? QByteArrayLiteral("application/json")
                                                    : QByteArrayLiteral("text/plain");
                    const bool asJson = isJsonMedia(mediaEssence(QString::fromUtf8(type)));
                    QByteArray data;
                    if (asJson) {
                        const std::string text =
                            item.dump(-1, ' ', false, json::error_handler_t::replace);
                        data = QByteArray(text.data(), qsizetype(text.size()));
                    } else {
                        data = ParameterSerializer::scalarText(item);
                    }
                    parts.append(Part{dispositionName(name), type, data});
                }
            }
            QByteArray boundary;
            for (bool clash = true; clash;) {
                boundary = randomBoundary();
                clash = false;
                for (const Part &part : std::as_const(parts))
                    clash = clash || part.data.contains(boundary);
            }
            QByteArray data;
            for (const Part &part : std::as_const(parts)) {
                data += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" +
                        part.name + "\"\r\n";
                if (part.contentType != "text/plain")
                    data += "Content-Type: " + part.contentType + "\r\n";
                data += "\r\n" + part.data + "\r\n";
            }
            data += "--" + boundary + "--\r\n";
            body = Body{"multipart/form-data; boundary=" + boundary, data};
        } else {
            // text/plain, application/octet-stream, XML...: the whole-body value as text.
            if (!whole && !properties.isEmpty())
                return Error(ErrorCode::Validation,
                             tr("%1 sends its body as %2, which the gateway can only fill from "
                                "a single text value, not from separate properties.")
                                 .arg(tool.name, tool.bodyContentType));
            body = Body{tool.bodyContentType.toUtf8(),
                        whole ? ParameterSerializer::scalarText(*whole) : QByteArray()};
        }
        if (body) {
            if (!ParameterSerializer::isFieldValue(body->contentType))
                return Error(ErrorCode::Validation,
                             tr("The request content type of %1 contains control characters; "
                                "fix the spec.")
                                 .arg(tool.name));
            request.headers.append({QByteArrayLiteral("Content-Type"), body->contentType});
            request.body = std::move(body->data);
        }
    }

    if (credential) {
        const Status injected = inject(request, *credential, tool.operation, schemes);
        if (!injected)
            return injected.error();
    }
    return request;
}

} // namespace gatehouse::dispatch
