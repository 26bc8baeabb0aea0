#include "OAuthJson.h"

namespace gatehouse::oauth {

using json = nlohmann::json;

QString OAuthJson::text(const json &value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

QString OAuthJson::field(const json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it == object.end() ? QString() : text(*it);
}

QStringList OAuthJson::strings(const json &value)
{
    QStringList list;
    if (value.is_array())
        for (const json &item : value)
            list << text(item);
    return list;
}

json OAuthJson::array(const QStringList &list)
{
    json array = json::array();
    for (const QString &item : list)
        array.push_back(item.toStdString());
    return array;
}

} // namespace gatehouse::oauth
