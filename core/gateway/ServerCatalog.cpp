#include "ServerCatalog.h"

namespace gatehouse::gateway {

std::optional<DiscoveryMode> discoveryModeFromName(QStringView name)
{
    if (name == u"flat")
        return DiscoveryMode::Flat;
    if (name == u"hierarchical")
        return DiscoveryMode::Hierarchical;
    if (name == u"search")
        return DiscoveryMode::Search;
    return std::nullopt;
}

QString discoveryModeName(DiscoveryMode mode)
{
    switch (mode) {
    case DiscoveryMode::Flat:
        return QStringLiteral("flat");
    case DiscoveryMode::Hierarchical:
        return QStringLiteral("hierarchical");
    case DiscoveryMode::Search:
        return QStringLiteral("search");
    }
    return {};
}

} // namespace gatehouse::gateway
