#include "CheckCommand.h"

#include "CommandLine.h"
#include "Workspace.h"
#include "gateway/CatalogLoader.h"
#include "gateway/ServerCatalog.h"
#include "policy/PermissionMatrix.h"

#include <QCommandLineParser>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace gatehouse::app {

CheckCommand::CheckCommand(CommandLine &commandLine, QTextStream &out, QTextStream &err)
    : m_cli(commandLine)
    , m_out(out)
    , m_err(err)
{}

int CheckCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    m_cli.addStoreOptions(parser);
    parser.addOption({u"user"_s, tr("The user who would call the tool."), tr("NAME")});
    parser.addOption({u"tool"_s, tr("The tool, as SERVER.TOOL (e.g. billing.create_invoice)."),
                      tr("SERVER.TOOL")});
    parser.addOption({u"scope"_s,
                      tr("A scope of the caller's token (repeat it); without it the token is "
                         "not narrowed."),
                      tr("S:ACTION")});
    if (auto done = m_cli.parse(
            parser, args, u"gatehouse check --user NAME --tool SERVER.TOOL [--scope S:ACTION]..."_s,
            tr("Prints whether the user may call the tool, the rule that decides, and every "
               "rule that applied. Exit code 0: allowed, 1: denied or an error.")))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return m_cli.usage(
            tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));
    const QString user = parser.value(u"user"_s);
    const QString toolName = parser.value(u"tool"_s);
    const qsizetype dot = toolName.indexOf(u'.');
    if (user.isEmpty() || dot <= 0 || dot == toolName.size() - 1)
        return m_cli.usage(tr("give --user NAME and --tool SERVER.TOOL"));
    const QString serverName = toolName.left(dot);
    const QString name = toolName.mid(dot + 1);

    auto workspace = m_cli.openWorkspace(parser);
    if (!workspace)
        return m_cli.fail(workspace.error());
    store::Database &database = (*workspace)->database();
    gateway::CatalogLoader loader;
    auto catalogs = loader.load(database);
    if (!catalogs)
        return m_cli.fail(catalogs.error());
    const auto server = catalogs->value(serverName);
    if (!server) {
        QStringList names = catalogs->keys();
        names.sort();
        return m_cli.fail(
            Error(ErrorCode::NotFound,
                  tr("no server named '%1'; the servers are: %2")
                      .arg(serverName, names.isEmpty() ? tr("(none)") : names.join(u", "_s))));
    }
    const openapi::Tool *tool = server->tools ? server->tools->find(name) : nullptr;
    if (!tool)
        return m_cli.fail(Error(ErrorCode::NotFound,
                                tr("server '%1' has no tool named '%2': gatehouse openapi inspect "
                                   "lists its tools")
                                    .arg(serverName, name)));
    // The matrix explains the policy's decision the way the Permissions page does.
    auto matrix = policy::PermissionMatrix::load(database, {});
    if (!matrix)
        return m_cli.fail(matrix.error());
    std::optional<QStringList> scopes;
    if (parser.isSet(u"scope"_s))
        scopes = parser.values(u"scope"_s);
    const policy::ToolIdentity identity = policy::PermissionPolicy::identify(serverName, *tool);
    const policy::AccessExplanation explanation = matrix->explain(user, identity, scopes);
    const policy::Decision &decision = explanation.decision;

    m_out << tr("%1 (resource %2, action %3) for %4: %5")
                 .arg(toolName, identity.resource, identity.action, user,
                      decision.allowed ? tr("ALLOWED") : tr("DENIED"))
          << '\n';
    for (const QString &line : decision.trace)
        m_out << "  " << line << '\n';
    for (const QString &line : explanation.held)
        m_out << "  " << line << '\n';
    if (!explanation.advice.isEmpty())
        m_out << explanation.advice << '\n';
    return decision.allowed ? CommandLine::Success : CommandLine::Failure;
}

} // namespace gatehouse::app
