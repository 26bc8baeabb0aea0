#pragma once

#include "config/Config.h"
#include "openapi/Tool.h"

#include <QCoreApplication>
#include <QString>

#include <nlohmann/json.hpp>
#include <optional>

class QTextStream;

namespace gatehouse::app {

// `gatehouse openapi inspect SPEC`: loads a spec, generates its tools as the gateway would (with a
// server's tool settings from --config/--server) and prints them with their estimated tokens, what
// was left out and why, and the totals. Exit codes: 0 ok, 1 the spec cannot be loaded, 2 usage.
class OpenApiInspectCommand
{
    Q_DECLARE_TR_FUNCTIONS(OpenApiInspectCommand)

public:
    struct Options
    {
        QString spec;       // empty: the server's `openapi`
        QString configFile; // optional
        QString server;     // a server of configFile
        QString baseUrl;    // overrides the spec's servers (and the server's base_url)
        QString discovery;  // flat, hierarchical or search; empty: the server's, else flat
        bool json = false;
    };

    OpenApiInspectCommand(QTextStream &out, QTextStream &err);
    int run(const Options &options);

private:
    struct Totals
    {
        int tools = 0;
        int excluded = 0;
        QMap<QString, int> excludedBy; // heuristic -> count
        int estimatedTokens = 0;       // every tool's descriptor
        // tools/list at session start; nullopt until the meta-tools' figures are wired in.
        std::optional<int> sessionStartTokens;
    };

    int usage(const QString &problem);
    Totals totals(const openapi::ToolCatalog &catalog, config::Discovery discovery) const;
    void printTable(const openapi::ToolCatalog &catalog, const Totals &totals,
                    config::Discovery discovery);
    nlohmann::json toJson(const openapi::ToolCatalog &catalog, const Totals &totals,
                          config::Discovery discovery) const;

    QTextStream &m_out;
    QTextStream &m_err;
    QString m_serverName;
    QString m_serverTitle;
    qint64 m_loadMs = 0;
    qint64 m_generateMs = 0;
};

} // namespace gatehouse::app
