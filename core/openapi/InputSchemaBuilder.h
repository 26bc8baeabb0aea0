#pragma once

#include "Tool.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>
#include <optional>

namespace gatehouse::openapi {

// Builds a tool's one flat inputSchema from its parameters and body. Arguments are added in
// priority order (path, query, header, cookie, body); a later argument whose name is taken gets
// its location as a prefix (query_x, header_x, body_id), and names a client would reject are
// sanitised to [A-Za-z0-9_.-]. The `$defs` of every argument's schema move to the root.
class InputSchemaBuilder
{
public:
    struct Argument
    {
        ArgumentTarget target = ArgumentTarget::Query;
        QString name; // as the spec spells it
        int parameterIndex = -1;
        nlohmann::json schema = nlohmann::json::object();
        bool required = false;
    };

    // The properties of an object body, for flattening: nullopt when the body is not an object
    // with declared properties (an array, a scalar, a oneOf, a free-form map), which is then
    // sent whole as one `body` argument.
    struct ObjectBody
    {
        nlohmann::json properties = nlohmann::json::object();
        QStringList required;
        nlohmann::json defs = nlohmann::json::object(); // the $defs the properties refer to
    };
    static std::optional<ObjectBody> objectBody(const nlohmann::json &schema,
                                                const nlohmann::json &specDefs);

    // The prefix a colliding argument gets: "path", "query", "header", "cookie" or "body".
    static QString prefix(ArgumentTarget target);
    // name with every character outside [A-Za-z0-9_.-] replaced by '_', at most 64 characters.
    static QString propertyName(QStringView name);

    void add(Argument argument) { m_arguments.append(std::move(argument)); }
    // Extra $defs to carry at the root (an object body's).
    void addDefs(const nlohmann::json &defs);

    // {"type":"object","properties":{...},"required":[...],"$defs":{...}}; one ToolArgument per
    // added argument, in the order added.
    nlohmann::json build(QList<ToolArgument> &arguments);

private:
    QList<Argument> m_arguments;
    nlohmann::json m_defs = nlohmann::json::object();
};

} // namespace gatehouse::openapi
