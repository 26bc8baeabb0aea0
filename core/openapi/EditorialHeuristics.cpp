#include "EditorialHeuristics.h"

#include <QRegularExpression>
#include <QSet>

namespace gatehouse::openapi {

namespace {

bool isSentenceEnd(QChar c)
{
    return c == u'.' || c == u'!' || c == u'?';
}

// Keeps a surrogate pair whole when text is cut before `end`.
qsizetype safeEnd(const QString &text, qsizetype end)
{
    if (end > 0 && end < text.size() && text.at(end - 1).isHighSurrogate())
        return end - 1;
    return end;
}

const QSet<QString> &pageSizeNames()
{
    static const QSet<QString> names{
        QStringLiteral("per_page"),   QStringLiteral("page_size"),   QStringLiteral("pagesize"),
        QStringLiteral("limit"),      QStringLiteral("max_results"), QStringLiteral("maxresults"),
        QStringLiteral("page[size]"), QStringLiteral("per-page"),
    };
    return names;
}

const QSet<QString> &formattingNames()
{
    static const QSet<QString> names{QStringLiteral("pretty"), QStringLiteral("prettyprint"),
                                     QStringLiteral("callback"), QStringLiteral("jsonp")};
    return names;
}

const QSet<QString> &serialisationFormats()
{
    static const QSet<QString> formats{
        QStringLiteral("json"),     QStringLiteral("xml"),     QStringLiteral("csv"),
        QStringLiteral("tsv"),      QStringLiteral("yaml"),    QStringLiteral("yml"),
        QStringLiteral("html"),     QStringLiteral("text"),    QStringLiteral("txt"),
        QStringLiteral("jsonp"),    QStringLiteral("atom"),    QStringLiteral("rss"),
        QStringLiteral("protobuf"), QStringLiteral("msgpack"),
    };
    return formats;
}

// The enum of a schema, looking through a nullable type array's anyOf and an array's items.
const nlohmann::json *enumOf(const nlohmann::json &schema)
{
    if (!schema.is_object())
        return nullptr;
    if (const auto it = schema.find("enum"); it != schema.end() && it->is_array())
        return &*it;
    if (const auto items = schema.find("items"); items != schema.end())
        return enumOf(*items);
    return nullptr;
}

bool isSerialisationEnum(const nlohmann::json &schema)
{
    const nlohmann::json *values = enumOf(schema);
    if (!values || values->empty())
        return false;
    for (const nlohmann::json &value : *values) {
        if (value.is_null())
            continue;
        if (!value.is_string() || !serialisationFormats().contains(
                                      QString::fromStdString(value.get<std::string>()).toLower()))
            return false;
    }
    return true;
}

void cutDescription(nlohmann::json &value, int maxChars, EditorialHeuristics::CutCount &count)
{
    const QString original = QString::fromStdString(value.get_ref<const std::string &>());
    QString text =
        EditorialHeuristics::collapseWhitespace(EditorialHeuristics::stripMarkdownLinks(original));
    text = EditorialHeuristics::cut(text, maxChars);
    if (text == original)
        return;
    if (original.size() > maxChars) {
        ++count.cut;
        count.longest = std::max(count.longest, int(original.size()));
    }
    value = text.toStdString();
}

// Walks schema keywords only: `default`, `enum`, `examples` and the like hold data, where a
// "description" key is not ours to cut.
void cutSchema(nlohmann::json &schema, int maxChars, EditorialHeuristics::CutCount &count)
{
    if (!schema.is_object())
        return;
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        const std::string &key = it.key();
        nlohmann::json &value = *it;
        if (key == "description") {
            if (value.is_string())
                cutDescription(value, maxChars, count);
        } else if (key == "properties" || key == "patternProperties" || key == "$defs" ||
                   key == "dependentSchemas") {
            if (value.is_object()) {
                for (nlohmann::json &sub : value)
                    cutSchema(sub, maxChars, count);
            }
        } else if (key == "allOf" || key == "anyOf" || key == "oneOf" || key == "prefixItems") {
            if (value.is_array()) {
                for (nlohmann::json &sub : value)
                    cutSchema(sub, maxChars, count);
            }
        } else if (key == "items" || key == "additionalProperties" || key == "not" ||
                   key == "contains" || key == "propertyNames" || key == "if" || key == "then" ||
                   key == "else" || key == "unevaluatedItems" || key == "unevaluatedProperties" ||
                   key == "additionalItems" || key == "contentSchema") {
            cutSchema(value, maxChars, count);
        }
    }
}

} // namespace

QString EditorialHeuristics::collapseWhitespace(QStringView text)
{
    QString out;
    out.reserve(text.size());
    bool space = false;
    for (const QChar c : text) {
        if (c.isSpace()) {
            space = !out.isEmpty();
            continue;
        }
        if (space)
            out += u' ';
        space = false;
        out += c;
    }
    return out;
}

QString EditorialHeuristics::stripMarkdownLinks(const QString &text)
{
    if (!text.contains(QLatin1String("](")))
        return text;
    static const QRegularExpression link(
        QStringLiteral(R"(!?\[([^\]\n]*)\]\([^)\s]*(?:\s+"[^"]*")?\))"));
    QString out = text;
    out.replace(link, QStringLiteral("\\1"));
    return out;
}

QString EditorialHeuristics::cut(const QString &text, int maxChars)
{
    if (maxChars <= 0 || text.size() <= maxChars)
        return text;
    if (maxChars < 4)
        return text.left(safeEnd(text, maxChars - 1)) + u'…';
    // A sentence end followed by a space, leaving room for " …".
    for (qsizetype p = std::min<qsizetype>(maxChars - 3, text.size() - 2); p >= maxChars / 2; --p) {
        if (isSentenceEnd(text.at(p)) && text.at(p + 1).isSpace())
            return text.left(p + 1) + QStringLiteral(" …");
    }
    for (qsizetype q = maxChars - 1; q >= maxChars / 2; --q) {
        if (text.at(q).isSpace()) {
            QString out = text.left(q);
            while (!out.isEmpty() && (out.back().isSpace() || out.back() == u',' ||
                                      out.back() == u';' || out.back() == u':'))
                out.chop(1);
            return out + u'…';
        }
    }
    return text.left(safeEnd(text, maxChars - 1)) + u'…';
}

QString EditorialHeuristics::paginationReason(const QString &name, const nlohmann::json &schema)
{
    const QString lower = name.toLower();
    if (pageSizeNames().contains(lower)) {
        return tr("A page size: hidden so the upstream's default page size applies. Position "
                  "parameters (page, cursor, offset, starting_after) stay visible, so a client "
                  "can still reach every page.");
    }
    if (formattingNames().contains(lower) ||
        ((lower == QLatin1String("format") || lower == QLatin1String("alt")) &&
         isSerialisationEnum(schema))) {
        return tr("Output formatting: hidden so the upstream's default (JSON) applies, which is "
                  "what the gateway reads.");
    }
    if (lower == QLatin1String("expand") || lower == QLatin1String("expand[]")) {
        return tr("Response expansion: hidden so responses keep the upstream's default shape; "
                  "expanded objects can be fetched with their own tools.");
    }
    return {};
}

EditorialHeuristics::CutCount EditorialHeuristics::cutSchemaDescriptions(nlohmann::json &schema,
                                                                         int maxChars)
{
    CutCount count;
    if (maxChars > 0)
        cutSchema(schema, maxChars, count);
    return count;
}

} // namespace gatehouse::openapi
