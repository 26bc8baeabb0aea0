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

// mcp-remote refuses plain http except to the host names localhost and 127.0.0.1; any other
// address (e.g. [::1] or a LAN address) needs its --allow-http flag.
bool needsAllowHttp(const QUrl &url)
{
    if (url.scheme() != u"http"_s)
        return false;
    const QString host = url.host();
    return host != u"localhost"_s && host != u"127.0.0.1"_s;
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
                                                const QString &mcpUrl,
                                                const QString &certificateFile)
{
    const std::string name = entryName(server).toStdString();
    const std::string url = mcpUrl.toStdString();
    const bool https = QUrl(mcpUrl).scheme() == u"https"_s;
    const bool ownCertificate = https && !certificateFile.isEmpty();
    Snippet s;
    switch (program) {
    case Program::ClaudeDesktop: {
        // Claude Desktop's config file starts local (stdio) servers only; mcp-remote bridges
        // stdio to Streamable HTTP and does the OAuth sign-in in the browser.
        nlohmann::ordered_json entry;
        entry["command"] = "npx";
        entry["args"] = nlohmann::ordered_json::array({"-y", "mcp-remote", url});
        if (needsAllowHttp(QUrl(mcpUrl)))
            entry["args"].push_back("--allow-http");
        // Node trusts only its own CA list; this adds the gateway's certificate to it.
        if (ownCertificate)
            entry["env"]["NODE_EXTRA_CA_CERTS"] = certificateFile.toStdString();
        nlohmann::ordered_json json;
        json["mcpServers"][name] = entry;
        s.format = Format::Json;
        s.text = pretty(json);
        s.fileName = u"claude_desktop_config.json"_s;
        s.where = tr("Merge into claude_desktop_config.json (Settings → Developer → Edit Config) "
                     "and restart Claude Desktop; it needs Node.js for npx. A gateway reachable "
                     "over https from the internet can instead be added under Settings → "
                     "Connectors → Add custom connector with the URL alone.");
        if (ownCertificate)
            s.where += u' ' + tr("NODE_EXTRA_CA_CERTS makes mcp-remote trust the gateway's "
                                 "certificate, which must stay readable at that path.");
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
        if (ownCertificate)
            s.where +=
                u' ' + tr("If the gateway's certificate is self-signed, VS Code refuses it until "
                          "you add %1 to the operating system's trusted certificates (VS Code "
                          "reads them with its default setting http.systemCertificates), then "
                          "restart VS Code.")
                           .arg(certificateFile);
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
        if (ownCertificate)
            s.where +=
                u' ' + tr("If the gateway's certificate is self-signed, Cursor refuses it until "
                          "you add %1 to the operating system's trusted certificates (Cursor is "
                          "built on VS Code and reads them), then restart Cursor.")
                           .arg(certificateFile);
        break;
    }
    case Program::McpInspector: {
        // The Inspector's page needs the session token it prints at start
        // (?MCP_PROXY_AUTH_TOKEN=...), so the address cannot be given whole; its README documents
        // transport and serverUrl as query parameters that fill in the connection.
        const QString query = u"&transport=streamable-http&serverUrl="_s +
                              QString::fromLatin1(QUrl::toPercentEncoding(mcpUrl));
        s.format = Format::Command;
        s.text = u"npx @modelcontextprotocol/inspector\n"_s +
                 u"# then open the address it prints (with MCP_PROXY_AUTH_TOKEN=...),\n"_s +
                 u"# with this added to its end:\n# "_s + query; // comments: safe to paste whole
        s.where = tr("Run in a terminal (needs Node.js). It prints an address with its session "
                     "token; open it with the last line above (without the #) added to its end. "
                     "Connect starts the sign-in in the browser.");
        if (ownCertificate)
            s.where +=
                u' ' + tr("If the gateway's certificate is self-signed, start the Inspector with "
                          "the environment variable NODE_EXTRA_CA_CERTS set to %1, and add the "
                          "certificate to the browser's or the operating system's trusted "
                          "certificates.")
                           .arg(certificateFile);
        break;
    }
    }
    return s;
}

} // namespace gatehouse::oauth
