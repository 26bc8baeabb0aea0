#pragma once

#include "Config.h"
#include "Result.h"

#include <QByteArray>

namespace gatehouse::config {

// Writes a Config as the file ConfigLoader reads: keys in the documented order, only the
// optional values that are set, paths as written. Loading the output gives an equal Config
// (for the same base directory).
class ConfigWriter
{
public:
    static QByteArray toYaml(const Config &config);
    static QByteArray toJson(const Config &config);
    // JSON for a .json path, YAML otherwise; atomic (QSaveFile).
    static Status writeFile(const Config &config, const QString &path);
};

} // namespace gatehouse::config
