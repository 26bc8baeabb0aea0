#include "ConnectSnippet.h"

#include <QUrl>

#include <nlohmann/json.hpp>

using namespace Qt::StringLiterals;

namespace gatehouse::oauth {

namespace {

QString pretty(const nlohmann::ordered_json &json)
{
    return QString::fromStdString(json.dump(2));
}

} // namespace

QList<ConnectSnippet::Program> ConnectSnippet::programs()
{
    return {Program::ClaudeDesktop, Program::VsCode, Program::Cursor, Program::McpInspector};
}

QString ConnectSnippet::programName(Program program)
{
    switch (program) {
    case Program::ClaudeDesktop:
        return tr("Claude Desktop");
    case Program::VsCode:
        return tr("VS Code");
    case Program::Cursor:
        return tr("Cursor");
    case Program::McpInspector:
        return tr("MCP Inspector");
    }
    return {};
}

QString ConnectSnippet::entryName(const QString &server)
{
    return u"gatehouse-"_s + server;
}

ConnectSnippet::Snippet ConnectSnippet::snippet(Program program, const QString &server,
                                                const QString &mcpUrl)
{
    const std::string name = entryName(server).toStdString();
    const std::string url = mcpUrl.toStdString();
    Snippet s;
    switch (program) {
    case Program::ClaudeDesktop: {
        // Claude Desktop's config file starts local (stdio) servers only; mcp-remote bridges
        // stdio to Streamable HTTP and does the OAuth sign-in in the browser.
        nlohmann::ordered_json entry;
        entry["command"] = "npx";
        entry["args"] = nlohmann::ordered_json::array({"-y", "mcp-remote", url});
        nlohmann::ordered_json json;
        json["mcpServers"][name] = entry;
        s.format = Format::Json;
        s.text = pretty(json);
        s.fileName = u"claude_desktop_config.json"_s;
        s.where = tr("Merge into claude_desktop_config.json (Settings → Developer → Edit Config) "
                     "and restart Claude Desktop; it needs Node.js for npx. A gateway reachable "
                     "over https from the internet can instead be added under Settings → "
                     "Connectors → Add custom connector with the URL alone.");
        break;
    }
    case Program::VsCode: {
        nlohmann::ordered_json entry;
        entry["type"] = "http";
        entry["url"] = url;
        nlohmann::ordered_json json;
        json["servers"][name] = entry;
        s.format = Format::Json;
        s.text = pretty(json);
        s.fileName = u".vscode/mcp.json"_s;
        s.where = tr("Merge into .vscode/mcp.json in the workspace, or into the user "
                     "configuration (command MCP: Open User Configuration). VS Code asks to sign "
                     "in when it first connects.");
        break;
    }
    case Program::Cursor: {
        nlohmann::ordered_json entry;
        entry["url"] = url;
        nlohmann::ordered_json json;
        json["mcpServers"][name] = entry;
        s.format = Format::Json;
        s.text = pretty(json);
        s.fileName = u"~/.cursor/mcp.json"_s;
        s.where = tr("Merge into ~/.cursor/mcp.json (every project) or .cursor/mcp.json (one "
                     "project). Cursor asks to sign in when it first connects.");
        break;
    }
    case Program::McpInspector: {
        // The Inspector takes its transport and server URL from the query of its page.
        const QString page = u"http://localhost:6274/?transport=streamable-http&serverUrl="_s +
                             QString::fromLatin1(QUrl::toPercentEncoding(mcpUrl));
        s.format = Format::Command;
        s.text = u"npx @modelcontextprotocol/inspector\n# then open: "_s + page;
        s.where = tr("Run in a terminal (needs Node.js), then open the page it names with the "
                     "address above. Connect starts the sign-in in the browser.");
        break;
    }
    }
    return s;
}

} // namespace gatehouse::oauth
