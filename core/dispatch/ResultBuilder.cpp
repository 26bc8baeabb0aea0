#include "ResultBuilder.h"

#include "http/Response.h"
#include "mcp/JsonRpc.h"

#include <QRegularExpression>
#include <QStringDecoder>

#include <set>

namespace gatehouse::dispatch {

using nlohmann::json;

namespace {

std::string toStd(const QString &text)
{
    return text.toStdString();
}

json textItem(std::string text)
{
    return json{{"type", "text"}, {"text", std::move(text)}};
}

mcp::ToolResult finish(json content, const json *structured, bool isError)
{
    json result = json::object();
    result["content"] = std::move(content);
    if (structured)
        result["structuredContent"] = *structured;
    result["isError"] = isError;
    return mcp::ToolResult{mcp::JsonRpc::dump(result), 0, isError};
}

mcp::ToolResult textResult(const QString &text, bool isError)
{
    return finish(json::array({textItem(toStd(text))}), nullptr, isError);
}

// A successful JSON result spliced without a DOM: `jsonText` (valid JSON) as the text item and,
// for an object, as structuredContent; then the shaping note, if any.
QByteArray jsonResult(QByteArrayView jsonText, bool isObject, const QString &note)
{
    QByteArray out;
    out.reserve(2 * jsonText.size() + note.size() + 96);
    out.append(R"({"content":[{"type":"text","text":)");
    mcp::JsonRpc::appendString(out, jsonText);
    out.append('}');
    if (!note.isEmpty()) {
        out.append(R"(,{"type":"text","text":)");
        mcp::JsonRpc::appendString(out, note.toUtf8());
        out.append('}');
    }
    out.append(']');
    if (isObject)
        out.append(R"(,"structuredContent":)").append(jsonText);
    out.append(R"(,"isError":false})");
    return out;
}

QString mediaEssence(const QByteArray &contentType)
{
    return QString::fromLatin1(contentType).section(u';', 0, 0).trimmed().toLower();
}

QString charsetOf(const QByteArray &contentType)
{
    static const QRegularExpression re(QStringLiteral("charset\\s*=\\s*\"?([^\";\\s]+)"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto match = re.match(QString::fromLatin1(contentType));
    return match.hasMatch() ? match.captured(1).toLower() : QString();
}

bool isJsonMedia(const QString &essence)
{
    return essence == u"application/json" || essence.endsWith(u"+json");
}

bool isTextMedia(const QString &essence)
{
    static const QStringList textual{
        QStringLiteral("application/xml"),
        QStringLiteral("application/javascript"),
        QStringLiteral("application/ecmascript"),
        QStringLiteral("application/x-www-form-urlencoded"),
        QStringLiteral("application/yaml"),
        QStringLiteral("application/x-yaml"),
        QStringLiteral("application/graphql"),
        QStringLiteral("application/sql"),
        QStringLiteral("application/x-ndjson"),
        QStringLiteral("application/csv"),
    };
    return essence.startsWith(u"text/") || essence.endsWith(u"+xml") ||
           essence.endsWith(u"+yaml") || textual.contains(essence);
}

bool looksLikeText(QByteArrayView body)
{
    if (body.contains('\0'))
        return false;
    auto decoder = QStringDecoder(QStringDecoder::Utf8);
    const QString text = decoder(body);
    Q_UNUSED(text)
    return !decoder.hasError();
}

QByteArray withoutBom(const QByteArray &body)
{
    return body.startsWith("\xEF\xBB\xBF") ? body.mid(3) : body;
}

QString formatSize(qint64 bytes)
{
    if (bytes < 1024)
        return ResultBuilder::tr("%1 bytes").arg(bytes);
    if (bytes < 1024 * 1024)
        return ResultBuilder::tr("%1 KiB").arg(QString::number(double(bytes) / 1024, 'f', 1));
    return ResultBuilder::tr("%1 MiB").arg(QString::number(double(bytes) / (1024 * 1024), 'f', 1));
}

// The UTF-8 prefix of at most maxBytes bytes that does not split a character.
qsizetype utf8Boundary(QByteArrayView text, qsizetype maxBytes)
{
    if (text.size() <= maxBytes)
        return text.size();
    qsizetype end = maxBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return end;
}

QString decodeText(const QByteArray &body, const QByteArray &contentType)
{
    const QString charset = charsetOf(contentType);
    if (!charset.isEmpty() && charset != u"utf-8" && charset != u"utf8") {
        auto decoder = QStringDecoder(charset.toLatin1().constData());
        if (decoder.isValid())
            return decoder(body);
    }
    return QString::fromUtf8(body);
}

// --- shaping ---

struct Shaping
{
    bool dropped = false; // nested members or elements left out
    bool links = false;   // links into the API left out
    bool cut = false;     // strings cut
};

json cutString(const json &value, Shaping &s)
{
    if (!value.is_string())
        return value;
    const auto &text = value.get_ref<const std::string &>();
    if (qsizetype(text.size()) <= ResultBuilder::MaxStringChars)
        return value;
    qsizetype chars = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
            continue;
        if (chars++ == ResultBuilder::MaxStringChars) {
            s.cut = true;
            return json(text.substr(0, i) + "\u2026");
        }
    }
    return value;
}

// Members that say which thing a nested object is; a nested object keeps these alone, so that a
// repository's owner is its login and id rather than forty fields.
bool isIdentityMember(const std::string &key)
{
    static const std::set<std::string> keys = {
        "id",    "uuid",   "key",   "name",   "full_name", "display_name", "login",  "username",
        "email", "slug",   "title", "number", "type",      "object",       "status", "state",
        "code",  "handle", "sha",   "label",  "html_url",  "web_url",
    };
    return keys.contains(key);
}

constexpr size_t kNestedMembersWithoutIdentity = 4;

// A nested object: its identity members, or its first few scalar members when it has none.
json nestedObject(const json &object, Shaping &s)
{
    json out = json::object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().is_structured() && isIdentityMember(it.key()))
            out[it.key()] = cutString(it.value(), s);
    }
    if (out.empty()) {
        for (auto it = object.begin();
             it != object.end() && out.size() < kNestedMembersWithoutIdentity; ++it) {
            if (!it.value().is_structured())
                out[it.key()] = cutString(it.value(), s);
        }
    }
    if (out.size() != object.size())
        s.dropped = true;
    return out;
}

// A value below the top level: objects keep their identity members; arrays keep scalars and
// objects reduced the same way (nested arrays go).
json shapeMember(const json &value, Shaping &s)
{
    if (value.is_object())
        return nestedObject(value, s);
    if (value.is_array()) {
        json out = json::array();
        for (const json &item : value) {
            if (item.is_object())
                out.push_back(nestedObject(item, s));
            else if (item.is_array())
                s.dropped = true;
            else
                out.push_back(cutString(item, s));
        }
        return out;
    }
    return cutString(value, s);
}

bool isHttpUrl(const std::string &text)
{
    return text.starts_with("https://") || text.starts_with("http://");
}

// A link into the API rather than data: an RFC 6570 URI template ("…/issues{/number}"), or a
// URL under the object's own "url" (GitHub's forks_url, hooks_url, ...). The client reaches
// those resources through their own tools.
bool isApiLink(const std::string &key, const json &value, const std::string &self)
{
    if (!value.is_string() || key == "url")
        return false;
    const auto &text = value.get_ref<const std::string &>();
    if (!isHttpUrl(text))
        return false;
    if (text.find('{') != std::string::npos && text.find('}') != std::string::npos)
        return true;
    return !self.empty() && text.size() > self.size() && text.starts_with(self) &&
           text[self.size()] == '/';
}

json shapeTop(const json &value, Shaping &s, bool inArray = false)
{
    if (value.is_object()) {
        std::string self;
        if (const auto url = value.find("url");
            url != value.end() && url->is_string() && isHttpUrl(url->get<std::string>()))
            self = url->get<std::string>();
        json out = json::object();
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (isApiLink(it.key(), it.value(), self)) {
                s.links = true;
                continue;
            }
            out[it.key()] = shapeMember(it.value(), s);
        }
        return out;
    }
    if (value.is_array() && !inArray) {
        // A list: each element is treated as a top-level object.
        json out = json::array();
        for (const json &item : value)
            out.push_back(item.is_object() ? shapeTop(item, s, true) : shapeMember(item, s));
        return out;
    }
    return shapeMember(value, s);
}

json keepFields(const json &value, const QStringList &fields, Shaping &s)
{
    if (value.is_object()) {
        json out = json::object();
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (fields.contains(QString::fromStdString(it.key())))
                out[it.key()] = it.value();
            else
                s.dropped = true;
        }
        return out;
    }
    if (value.is_array()) {
        json out = json::array();
        for (const json &item : value)
            out.push_back(item.is_object() ? keepFields(item, fields, s) : item);
        return out;
    }
    return value;
}

// --- error excerpts ---

QString messageIn(const json &value, int depth = 0)
{
    if (depth > 3)
        return {};
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_object()) {
        // GitHub, RFC 9457 problem details, OAuth (RFC 6749 §5.2), Stripe's {"error": {...}}.
        for (const char *key : {"message", "detail", "error_description", "error", "title",
                                "errors", "msg", "description"}) {
            const auto it = value.find(key);
            if (it == value.end())
                continue;
            const QString text = messageIn(*it, depth + 1);
            if (!text.trimmed().isEmpty())
                return text;
        }
        return {};
    }
    if (value.is_array() && !value.empty())
        return messageIn(value.front(), depth + 1);
    return {};
}

QString stripHtml(QString html)
{
    static const QRegularExpression blocks(QStringLiteral("<(script|style)\\b.*?</\\1\\s*>"),
                                           QRegularExpression::CaseInsensitiveOption |
                                               QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    html.remove(blocks);
    html.replace(tags, QStringLiteral(" "));
    html.replace(QStringLiteral("&nbsp;"), QStringLiteral(" "))
        .replace(QStringLiteral("&lt;"), QStringLiteral("<"))
        .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
        .replace(QStringLiteral("&quot;"), QStringLiteral("\""))
        .replace(QStringLiteral("&#39;"), QStringLiteral("'"))
        .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return html;
}

QString cutExcerpt(QString text)
{
    text = text.simplified();
    if (text.size() > ResultBuilder::MaxExcerptChars) {
        qsizetype end = ResultBuilder::MaxExcerptChars;
        if (text.at(end - 1).isHighSurrogate())
            --end;
        text = text.left(end) + u'\u2026';
    }
    return text;
}

QString excerptOf(const http::UpstreamResponse &r)
{
    const QByteArray body = withoutBom(r.body);
    if (body.trimmed().isEmpty())
        return {};
    const QByteArray contentType = r.header("Content-Type");
    const QString essence = mediaEssence(contentType);
    if (isJsonMedia(essence) || essence.isEmpty() || body.trimmed().startsWith('{')) {
        const json parsed =
            json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
        if (!parsed.is_discarded()) {
            const QString message = messageIn(parsed);
            if (!message.trimmed().isEmpty())
                return cutExcerpt(message);
            return cutExcerpt(QString::fromStdString(
                parsed.dump(-1, ' ', false, json::error_handler_t::replace)));
        }
    }
    if (isTextMedia(essence) || (essence.isEmpty() && looksLikeText(body))) {
        const QByteArray head = body.left(utf8Boundary(body, 16 * 1024));
        QString text = decodeText(head, contentType);
        if (essence == u"text/html" || essence == u"application/xhtml+xml")
            text = stripHtml(text);
        return cutExcerpt(text);
    }
    return ResultBuilder::tr("%1 content of %2").arg(essence, formatSize(body.size()));
}

QString statusLine(int status)
{
    return QString::number(status) + u' ' +
           QString::fromLatin1(http::Response::reasonPhrase(status));
}

} // namespace

mcp::ToolResult ResultBuilder::fromResponse(const openapi::Tool &tool,
                                            const http::UpstreamResponse &r)
{
    if (r.status >= 300 && r.status < 400) {
        const QByteArray location = r.header("Location");
        return textResult(
            tr("Upstream answered %1 and redirected to %2, which the gateway does not follow: it "
               "follows redirects only within the same origin.")
                .arg(statusLine(r.status),
                     location.isEmpty() ? tr("nowhere") : QString::fromUtf8(location.left(500))),
            true);
    }
    if (r.status >= 400) {
        QString text;
        const QString excerpt = excerptOf(r);
        text = excerpt.isEmpty()
                   ? tr("Upstream answered %1.").arg(statusLine(r.status))
                   : tr("Upstream answered %1: %2").arg(statusLine(r.status), excerpt);
        const QByteArray retryAfter = r.header("Retry-After").trimmed();
        if ((r.status == 429 || r.status == 503) && !retryAfter.isEmpty() && retryAfter.size() < 64)
            text += u' ' + tr("(Retry-After: %1)").arg(QString::fromLatin1(retryAfter));
        return textResult(text, true);
    }
    if (r.status < 200)
        return textResult(
            tr("Upstream answered with status %1, which the gateway cannot use.").arg(r.status),
            true);

    const QByteArray body = withoutBom(r.body);
    const QByteArray contentType = r.header("Content-Type");
    const QString essence = mediaEssence(contentType);
    if (body.trimmed().isEmpty()) {
        QString text =
            r.status == 204
                ? tr("Upstream answered %1.").arg(statusLine(r.status))
                : tr("Upstream answered %1 with an empty body.").arg(statusLine(r.status));
        const QByteArray location = r.header("Location");
        if (!location.isEmpty())
            text += u' ' + tr("Location: %1").arg(QString::fromUtf8(location.left(500)));
        return textResult(text, false);
    }

    const bool declaredJson = isJsonMedia(essence);
    if (declaredJson || essence.isEmpty()) {
        const bool shape = !tool.responseFields.isEmpty() || tool.shapeResponse;
        if (!shape) {
            // The body goes into the result as it came, validated but not rebuilt.
            const QByteArray trimmed = body.trimmed();
            if (json::accept(trimmed.constData(), trimmed.constData() + trimmed.size()))
                return mcp::ToolResult{jsonResult(trimmed, trimmed.startsWith('{'), {})};
        } else {
            const json parsed =
                json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
            if (!parsed.is_discarded()) {
                Shaping s;
                QString note;
                json value;
                if (!tool.responseFields.isEmpty()) {
                    value = keepFields(parsed, tool.responseFields, s);
                    if (s.dropped)
                        note = tr("Response shaped: kept fields %1 (owner chose them).")
                                   .arg(tool.responseFields.join(QStringLiteral(", ")));
                } else {
                    value = shapeTop(parsed, s);
                    QStringList what;
                    if (s.dropped)
                        what << tr("nested objects reduced to the fields that identify them");
                    if (s.links)
                        what << tr("links to other API resources left out");
                    if (s.cut)
                        what << tr("strings cut at %1 characters").arg(MaxStringChars);
                    if (!what.isEmpty())
                        note = tr("Response shaped: %1. The owner can list the fields to keep "
                                  "(response_fields) or turn shaping off.")
                                   .arg(what.join(QStringLiteral("; ")));
                }
                const std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
                return mcp::ToolResult{jsonResult(
                    QByteArrayView(text.data(), qsizetype(text.size())), value.is_object(), note)};
            }
        }
        // Declared JSON that does not parse is shown as text below.
    }

    if (essence.startsWith(u"image/") && essence != u"image/svg+xml") {
        if (body.size() > MaxImageBytes)
            return textResult(tr("The upstream answered with a %1 image of %2, too large to show "
                                 "(the limit is %3).")
                                  .arg(essence, formatSize(body.size()), formatSize(MaxImageBytes)),
                              false);
        json image = {{"type", "image"},
                      {"data", body.toBase64().toStdString()},
                      {"mimeType", toStd(essence)}};
        return finish(json::array({image}), nullptr, false);
    }

    if (declaredJson || isTextMedia(essence) || essence == u"image/svg+xml" ||
        ((essence.isEmpty() || essence == u"application/octet-stream") && looksLikeText(body))) {
        const qsizetype end = utf8Boundary(body, MaxTextBytes);
        json content = json::array({textItem(toStd(decodeText(body.left(end), contentType)))});
        if (end < body.size())
            content.push_back(textItem(toStd(
                tr("The response was cut at %1 of %2; ask for less, for example with a filter or "
                   "a smaller page.")
                    .arg(formatSize(MaxTextBytes), formatSize(body.size())))));
        return finish(std::move(content), nullptr, false);
    }

    return textResult(
        tr("The upstream answered with %1 content of %2, which is not shown.")
            .arg(essence.isEmpty() ? tr("untyped binary") : essence, formatSize(body.size())),
        false);
}

mcp::ToolResult ResultBuilder::fromFailure(const openapi::Tool &tool, const QString &upstream,
                                           const Error &error)
{
    const QString who = upstream.isEmpty() ? tool.name : upstream;
    QString text;
    switch (error.code()) {
    case ErrorCode::Unavailable:
    case ErrorCode::Io:
        text = tr("Could not reach %1: %2").arg(who, error.message());
        break;
    case ErrorCode::PermissionDenied:
        text = tr("The gateway refused to call %1: %2").arg(who, error.message());
        break;
    case ErrorCode::Validation:
        text = tr("The answer from %1 was refused: %2").arg(who, error.message());
        break;
    default:
        text = tr("Calling %1 failed: %2").arg(who, error.message());
        break;
    }
    return textResult(text, true);
}

} // namespace gatehouse::dispatch
