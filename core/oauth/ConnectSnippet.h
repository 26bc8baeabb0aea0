#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace gatehouse::oauth {

// Ready-to-paste settings that point a common MCP client program at one of the gateway's servers
// ({public_url}/mcp/{server}). Every program here signs in with OAuth itself (discovery through
// RFC 9728 and RFC 8414, then dynamic registration and PKCE), so the settings carry only the URL,
// never a secret.
class ConnectSnippet
{
    Q_DECLARE_TR_FUNCTIONS(ConnectSnippet)

public:
    enum class Program
    {
        ClaudeDesktop,
        VsCode,
        Cursor,
        McpInspector,
    };

    enum class Format
    {
        Json,
        Command, // a shell command line
    };

    struct Snippet
    {
        Format format = Format::Json;
        QString text;     // what to paste
        QString where;    // where it goes, a sentence
        QString fileName; // the settings file, when there is one
    };

    static QList<Program> programs();
    static QString programName(Program program);
    // The name of the entry in the client's settings, e.g. "gatehouse-billing".
    static QString entryName(const QString &server);
    // certificateFile: the PEM certificate an https gateway presents (ListenOptions::
    // tlsCertificateFile), empty when it has none of its own; the settings then say how each
    // program comes to trust it, since a self-signed one is refused otherwise.
    static Snippet snippet(Program program, const QString &server, const QString &mcpUrl,
                           const QString &certificateFile = {});
};

} // namespace gatehouse::oauth
