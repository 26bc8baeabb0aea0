#pragma once

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace gatehouse::oauth {

// Reading and writing the JSON of client metadata, token details and metadata documents, where
// a wrong type counts as absent (the callers check what they need and say so).
class OAuthJson
{
public:
    // The string, or empty when the value is not one.
    static QString text(const nlohmann::json &value);
    // The object's member as text; empty when it is absent, not a string or value is no object.
    static QString field(const nlohmann::json &object, const char *key);
    // The strings of an array (other items as empty strings); empty when it is no array.
    static QStringList strings(const nlohmann::json &value);
    static nlohmann::json array(const QStringList &list);
};

} // namespace gatehouse::oauth
