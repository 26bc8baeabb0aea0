#pragma once

#include <QString>

#include <optional>

namespace gatehouse::store {

// Where an entity came from. The config sync adds, changes and removes Config entities to match
// the file that `serve --config` applies; Local ones (made in the GUI or by commands) stay.
enum class Origin
{
    Config,
    Local,
};

QString originName(Origin origin);
std::optional<Origin> originFromName(const QString &name);

} // namespace gatehouse::store
