#pragma once

#include "Config.h"
#include "Diagnostic.h"
#include "Result.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace gatehouse::config {

enum class ConfigFormat
{
    Yaml,
    Json,
};

struct LoadResult
{
    std::optional<Config> config;  // nullopt as soon as one diagnostic is an error
    QList<Diagnostic> diagnostics; // errors and warnings, by line
    ConfigFormat format = ConfigFormat::Yaml;

    bool ok() const { return config.has_value(); }
    QList<Diagnostic> errors() const;
    QList<Diagnostic> warnings() const;
    // The config, or an Error(ErrorCode::Validation) listing every error, one per line.
    Result<Config> toResult() const;
};

// Reads a configuration file (YAML or JSON: yaml-cpp parses both, so every value has a line),
// validates it as a whole and collects every finding. See docs/configuration.md.
class ConfigLoader
{
    Q_DECLARE_TR_FUNCTIONS(ConfigLoader)

public:
    struct Options
    {
        // Read each server's local OpenAPI spec to check override keys and tool targets.
        bool checkSpecs = true;
    };

    ConfigLoader();
    explicit ConfigLoader(Options options);

    // Diagnostics name the file as `path` is given here.
    LoadResult loadFile(const QString &path) const;
    // displayName names the file in diagnostics and decides the format with the content;
    // relative paths resolve against baseDir (default: displayName's directory).
    LoadResult loadString(const QByteArray &content, const QString &displayName,
                          const QString &baseDir = {}) const;

    // .json -> Json, .yaml/.yml -> Yaml, otherwise Json when the content starts with '{'.
    static ConfigFormat detectFormat(const QString &fileName, const QByteArray &content);

private:
    Options m_options;
};

} // namespace gatehouse::config
