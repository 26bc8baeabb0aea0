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

// The text up to its first sentence end followed by a space, or all of it.
QString firstSentence(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (isSentenceEnd(text.at(i)) && text.at(i + 1).isSpace())
            return text.left(i + 1);
    }
    return text;
}

bool isObjectKeyword(const std::string &key)
{
    return key == "properties" || key == "required" || key == "additionalProperties" ||
           key == "patternProperties" || key == "propertyNames" || key == "minProperties" ||
           key == "maxProperties" || key == "dependentRequired" || key == "dependentSchemas" ||
           key == "unevaluatedProperties";
}

bool isAnnotationKeyword(const std::string &key)
{
    return key == "title" || key == "description" || key == "examples" || key == "example" ||
           key == "readOnly" || key == "writeOnly" || key == "deprecated" || key == "$comment" ||
           key == "$defs" || key == "definitions" || key == "externalDocs" || key == "xml" ||
           key == "contentMediaType" || key == "contentEncoding" || key.starts_with("x-");
}

constexpr size_t kMaxListedPattern = 60;
// Length bounds this large (Stripe puts maxLength 5000 on most strings) tell a model nothing.
constexpr double kMinListedLengthBound = 1000;

// HTML tags (Stripe's descriptions are HTML) reduced to their text.
QString stripHtmlTags(const QString &text)
{
    static const QRegularExpression tag(QStringLiteral("</?[A-Za-z][^<>]*>"));
    return QString(text).remove(tag);
}

// What brief prose starts from: links and tags reduced to text, whitespace collapsed.
QString plainText(const QString &text)
{
    return EditorialHeuristics::collapseWhitespace(
        EditorialHeuristics::stripMarkdownLinks(stripHtmlTags(text)));
}

struct Compactor
{
    const nlohmann::json &root;
    int objectDepth; // objects at this depth or deeper are listed without their properties

    nlohmann::json refType(const std::string &ref) const
    {
        static const std::string prefix = "#/$defs/";
        const auto defs = root.find("$defs");
        if (ref.starts_with(prefix) && defs != root.end() && defs->is_object()) {
            const auto def = defs->find(ref.substr(prefix.size()));
            if (def != defs->end() && def->is_object() && def->contains("type"))
                return {{"type", def->at("type")}};
        }
        return nlohmann::json::object();
    }

    // depth: 1 for a tool's parameters, 2 for their properties, and so on; array items and
    // anyOf/oneOf/allOf branches stay at their parent's depth.
    nlohmann::json node(const nlohmann::json &schema, int depth) const
    {
        if (!schema.is_object())
            return schema;
        if (const auto ref = schema.find("$ref"); ref != schema.end() && ref->is_string())
            return refType(ref->get<std::string>());
        const bool cutObject = depth >= objectDepth;
        nlohmann::json out = nlohmann::json::object();
        for (auto it = schema.begin(); it != schema.end(); ++it) {
            const std::string &key = it.key();
            if (isAnnotationKeyword(key) || (cutObject && isObjectKeyword(key)))
                continue;
            if (key == "properties" && it->is_object()) {
                nlohmann::json properties = nlohmann::json::object();
                for (auto p = it->begin(); p != it->end(); ++p)
                    properties[p.key()] = node(p.value(), depth + 1);
                out[key] = std::move(properties);
            } else if ((key == "items" || key == "additionalProperties" || key == "not" ||
                        key == "contains") &&
                       it->is_object()) {
                out[key] = node(*it, depth);
            } else if ((key == "anyOf" || key == "oneOf" || key == "allOf" ||
                        key == "prefixItems") &&
                       it->is_array()) {
                nlohmann::json branches = nlohmann::json::array();
                for (const nlohmann::json &branch : *it)
                    branches.push_back(node(branch, depth));
                out[key] = std::move(branches);
            } else if (key == "enum" && it->is_array() &&
                       it->size() > size_t(EditorialHeuristics::kMaxListedEnum)) {
                continue;
            } else if (key == "pattern" && it->is_string() &&
                       it->get_ref<const std::string &>().size() > kMaxListedPattern) {
                continue;
            } else if ((key == "maxLength" || key == "maxItems") && it->is_number() &&
                       it->get<double>() >= kMinListedLengthBound) {
                continue;
            } else {
                out[key] = *it;
            }
        }
        return out;
    }
};

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

QString EditorialHeuristics::briefDescription(const QString &summary, const QString &description,
                                              int maxChars)
{
    // OpenAPI's summary is "a short summary of what the operation does": the brief form the spec
    // author wrote. Without one, the description's first sentence stands in.
    const QString head = plainText(summary);
    return cut(head.isEmpty() ? firstSentence(plainText(description)) : head, maxChars);
}

QString EditorialHeuristics::recurringKey(const QString &property, const QString &description)
{
    return property + u'\n' + description;
}

nlohmann::json EditorialHeuristics::compactSchema(const nlohmann::json &schema,
                                                  const QSet<QString> &recurring)
{
    if (!schema.is_object())
        return schema;
    // Objects two levels deep; a tool still over its budget lists its parameters' objects
    // without their properties (GitHub's ruleset and permission bodies).
    nlohmann::json out = Compactor{schema, 2}.node(schema, 0);
    if (out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).size() >
        size_t(kListedSchemaBudget))
        out = Compactor{schema, 1}.node(schema, 0);
    // Parameters: short prose on the required ones the catalog does not repeat.
    const auto properties = schema.find("properties");
    const auto required = schema.find("required");
    if (properties == schema.end() || !properties->is_object() || required == schema.end() ||
        !required->is_array())
        return out;
    for (const nlohmann::json &name : *required) {
        if (!name.is_string())
            continue;
        const auto param = properties->find(name.get<std::string>());
        if (param == properties->end() || !param->is_object())
            continue;
        const auto description = param->find("description");
        if (description == param->end() || !description->is_string())
            continue;
        const QString property = QString::fromStdString(name.get<std::string>());
        const QString text = QString::fromStdString(description->get<std::string>());
        if (recurring.contains(recurringKey(property, text)))
            continue;
        const QString brief = cut(firstSentence(plainText(text)), kMaxListedParameterChars);
        if (!brief.isEmpty() && out["properties"][name.get<std::string>()].is_object())
            out["properties"][name.get<std::string>()]["description"] = brief.toStdString();
    }
    return out;
}

} // namespace gatehouse::openapi
