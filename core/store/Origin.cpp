#include "Origin.h"

using namespace Qt::StringLiterals;

namespace gatehouse::store {

QString originName(Origin origin)
{
    return origin == Origin::Config ? u"config"_s : u"local"_s;
}

std::optional<Origin> originFromName(const QString &name)
{
    if (name == "config"_L1)
        return Origin::Config;
    if (name == "local"_L1)
        return Origin::Local;
    return std::nullopt;
}

} // namespace gatehouse::store
