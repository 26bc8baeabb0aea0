#include "InputSchemaBuilder.h"

#include <QSet>

#include <set>

namespace gatehouse::openapi {

namespace {

using json = nlohmann::json;

constexpr qsizetype kMaxPropertyName = 64;
constexpr int kMaxResolveDepth = 16;

const std::string kDefsPrefix = "#/$defs/";

// Moves the $defs of schema into defs (names are shared across a spec, so equal names are equal
// definitions).
void hoistDefs(json &schema, json &defs)
{
    if (!schema.is_object())
        return;
    const auto it = schema.find("$defs");
    if (it == schema.end())
        return;
    if (it->is_object()) {
        for (auto def = it->begin(); def != it->end(); ++def) {
            if (!defs.contains(def.key()))
                defs[def.key()] = std::move(def.value());
        }
    }
    schema.erase(it);
}

void collectRefs(const json &node, std::set<std::string> &refs)
{
    if (node.is_object()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (it.key() == "$ref" && it->is_string()) {
                const std::string &ref = it->get_ref<const std::string &>();
                if (ref.starts_with(kDefsPrefix))
                    refs.insert(ref.substr(kDefsPrefix.size()));
            } else if (it->is_structured()) {
                collectRefs(*it, refs);
            }
        }
    } else if (node.is_array()) {
        for (const json &item : node)
            collectRefs(item, refs);
    }
}

bool hasType(const json &schema, const char *type)
{
    const auto it = schema.find("type");
    if (it == schema.end())
        return false;
    if (it->is_string())
        return *it == type;
    if (it->is_array()) {
        for (const json &t : *it) {
            if (t == type)
                return true;
        }
    }
    return false;
}

// The schema a {"$ref": "#/$defs/Name"} stands for, else schema itself.
const json *resolve(const json &schema, const json &localDefs, const json &specDefs)
{
    const json *current = &schema;
    for (int i = 0; i < kMaxResolveDepth && current->is_object(); ++i) {
        const auto ref = current->find("$ref");
        if (ref == current->end() || !ref->is_string())
            return current;
        const std::string &text = ref->get_ref<const std::string &>();
        if (!text.starts_with(kDefsPrefix))
            return nullptr;
        const std::string name = text.substr(kDefsPrefix.size());
        if (const auto it = localDefs.find(name); it != localDefs.end())
            current = &*it;
        else if (const auto it2 = specDefs.find(name); it2 != specDefs.end())
            current = &*it2;
        else
            return nullptr;
    }
    return current->is_object() ? current : nullptr;
}

bool collectObject(const json &schema, const json &localDefs, const json &specDefs,
                   InputSchemaBuilder::ObjectBody &out, int depth)
{
    if (depth > kMaxResolveDepth)
        return false;
    const json *s = resolve(schema, localDefs, specDefs);
    if (!s)
        return false;
    if (s->contains("oneOf") || s->contains("anyOf") || s->contains("not") || s->contains("if") ||
        s->contains("patternProperties"))
        return false;
    const auto type = s->find("type");
    const bool object = hasType(*s, "object") ||
                        (type == s->end() && (s->contains("properties") || s->contains("allOf")));
    if (!object)
        return false;
    if (const auto all = s->find("allOf"); all != s->end()) {
        if (!all->is_array())
            return false;
        for (const json &part : *all) {
            if (!collectObject(part, localDefs, specDefs, out, depth + 1))
                return false;
        }
    }
    if (const auto props = s->find("properties"); props != s->end() && props->is_object()) {
        for (auto it = props->begin(); it != props->end(); ++it) {
            if (!out.properties.contains(it.key()))
                out.properties[it.key()] = it.value();
        }
    }
    if (const auto req = s->find("required"); req != s->end() && req->is_array()) {
        for (const json &name : *req) {
            if (name.is_string()) {
                const QString text = QString::fromStdString(name.get<std::string>());
                if (!out.required.contains(text))
                    out.required.append(text);
            }
        }
    }
    return true;
}

} // namespace

std::optional<InputSchemaBuilder::ObjectBody>
InputSchemaBuilder::objectBody(const nlohmann::json &schema, const nlohmann::json &specDefs)
{
    if (!schema.is_object())
        return std::nullopt;
    static const json empty = json::object();
    const auto local = schema.find("$defs");
    const json &localDefs = local != schema.end() && local->is_object() ? *local : empty;
    ObjectBody out;
    if (!collectObject(schema, localDefs, specDefs, out, 0) || out.properties.empty())
        return std::nullopt;
    // The loader gives a schema's root every definition it needs (a root that is itself a
    // reference into a cycle included); build() drops the ones no property refers to.
    out.defs = localDefs;
    return out;
}

QString InputSchemaBuilder::prefix(ArgumentTarget target)
{
    switch (target) {
    case ArgumentTarget::Path:
        return QStringLiteral("path");
    case ArgumentTarget::Query:
        return QStringLiteral("query");
    case ArgumentTarget::Header:
        return QStringLiteral("header");
    case ArgumentTarget::Cookie:
        return QStringLiteral("cookie");
    case ArgumentTarget::BodyProperty:
    case ArgumentTarget::WholeBody:
        return QStringLiteral("body");
    }
    return {};
}

QString InputSchemaBuilder::propertyName(QStringView name)
{
    QString out;
    out.reserve(name.size());
    for (const QChar c : name) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
                        (c >= u'0' && c <= u'9') || c == u'_' || c == u'-' || c == u'.';
        out += ok ? c : u'_';
    }
    if (out.isEmpty())
        out = QStringLiteral("_");
    out.truncate(kMaxPropertyName);
    return out;
}

void InputSchemaBuilder::addDefs(const nlohmann::json &defs)
{
    if (!defs.is_object())
        return;
    for (auto it = defs.begin(); it != defs.end(); ++it) {
        if (!m_defs.contains(it.key()))
            m_defs[it.key()] = it.value();
    }
}

nlohmann::json InputSchemaBuilder::build(QList<ToolArgument> &arguments)
{
    json properties = json::object();
    json required = json::array();
    QSet<QString> taken;
    for (Argument &argument : m_arguments) {
        const QString base = propertyName(argument.name);
        QString property = base;
        if (taken.contains(property))
            property = propertyName(QString(prefix(argument.target) + u'_' + argument.name));
        for (int n = 2; taken.contains(property); ++n) {
            const QString suffix = u'_' + QString::number(n);
            property = base.left(kMaxPropertyName - suffix.size()) + suffix;
        }
        taken.insert(property);
        hoistDefs(argument.schema, m_defs);
        const std::string key = property.toStdString();
        properties[key] = std::move(argument.schema);
        if (argument.required)
            required.push_back(key);
        arguments.append(
            ToolArgument{property, argument.target, argument.name, argument.parameterIndex});
    }
    m_arguments.clear();

    json schema = json::object();
    schema["type"] = "object";
    schema["properties"] = std::move(properties);
    if (!required.empty())
        schema["required"] = std::move(required);
    if (!m_defs.empty()) {
        // Keep only the definitions reachable from the properties.
        std::set<std::string> reachable;
        std::set<std::string> pending;
        collectRefs(schema, pending);
        while (!pending.empty()) {
            const std::string name = *pending.begin();
            pending.erase(pending.begin());
            if (reachable.contains(name) || !m_defs.contains(name))
                continue;
            reachable.insert(name);
            collectRefs(m_defs[name], pending);
        }
        json defs = json::object();
        for (auto it = m_defs.begin(); it != m_defs.end(); ++it) {
            if (reachable.contains(it.key()))
                defs[it.key()] = std::move(it.value());
        }
        if (!defs.empty())
            schema["$defs"] = std::move(defs);
        m_defs = json::object();
    }
    return schema;
}

} // namespace gatehouse::openapi
