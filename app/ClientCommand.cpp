#include "ClientCommand.h"

#include "CommandLine.h"
#include "CommandText.h"
#include "TokenCommand.h"
#include "Workspace.h"
#include "oauth/ClientRegistry.h"
#include "oauth/RedirectUri.h"
#include "oauth/TokenService.h"
#include "oauth/UserDirectory.h"
#include "store/ClientRepository.h"

#include <QCommandLineParser>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace gatehouse::app {

ClientCommand::ClientCommand(CommandLine &commandLine, QTextStream &out, QTextStream &err)
    : m_cli(commandLine)
    , m_out(out)
    , m_err(err)
{}

int ClientCommand::run(const QStringList &args)
{
    const QString sub = args.size() > 1 ? args.at(1) : QString();
    QStringList rest = args.mid(2);
    rest.prepend(args.at(0) + u' ' + sub);
    if (sub == QLatin1String("issue"))
        return issue(rest);
    if (sub == QLatin1String("list"))
        return list(rest);
    if (sub == QLatin1String("revoke"))
        return revoke(rest);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub.isEmpty()) {
        m_out << tr("Usage: gatehouse client issue|list|revoke [--help]") << "\n\n"
              << tr("  issue --user NAME [--name TEXT] [--redirect-uri URI]...") << '\n'
              << tr("                 issue a user a confidential client: prints its client_id "
                    "and client_secret (shown once)")
              << '\n'
              << tr("  list [--user NAME]   list clients: client_id, kind, user, created, state, "
                    "name")
              << '\n'
              << tr("  revoke CLIENT_ID     revoke a client and every token issued to it") << '\n';
        return sub.isEmpty() ? CommandLine::Usage : CommandLine::Success;
    }
    return m_cli.usage(tr("unknown client command '%1'").arg(sub));
}

int ClientCommand::issue(const QStringList &args)
{
    QCommandLineParser parser;
    m_cli.addStoreOptions(parser);
    parser.addOption({u"user"_s, tr("The user the client acts for (required)."), tr("NAME")});
    parser.addOption({u"name"_s,
                      tr("A name for the client, shown in client list and on the consent page "
                         "(e.g. \"Bob's laptop\")."),
                      tr("TEXT")});
    parser.addOption({u"redirect-uri"_s,
                      tr("A redirect URI (https, http to a loopback address, or an app's "
                         "private-use scheme); repeatable. With one the client may also sign the "
                         "user in with authorization_code."),
                      tr("URI")});
    parser.addOption({u"public-url"_s,
                      tr("The gateway's public base URL, for the example on standard error "
                         "(default: the --config file's gateway.public_url, else "
                         "http://127.0.0.1:8787)."),
                      tr("URL")});
    if (auto done = m_cli.parse(
            parser, args,
            u"gatehouse client issue --user NAME [--name TEXT] [--redirect-uri URI]... "
            "[--public-url URL] [--data DIR]"_s,
            tr("Issues a user their own confidential OAuth client. Standard output is two "
               "lines, client_id: ... and client_secret: ...; the secret is shown only now, and "
               "only its hash is stored. The client gets tokens with client_credentials at "
               "{public_url}/oauth/token, and with --redirect-uri also with "
               "authorization_code.")))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return m_cli.usage(
            tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));
    const QString userName = parser.value(u"user"_s);
    if (userName.isEmpty())
        return m_cli.usage(tr("--user NAME is required"));
    const QString name = CommandText::printable(parser.value(u"name"_s));
    if (name.size() > oauth::UserDirectory::maxClientNameChars)
        return m_cli.usage(tr("--name: at most %1 characters, please")
                               .arg(oauth::UserDirectory::maxClientNameChars));
    QStringList redirectUris;
    for (const QString &uri : parser.values(u"redirect-uri"_s)) {
        if (Status s = oauth::RedirectUri::checkRegistrable(uri); !s)
            return m_cli.fail(s.error().withContext(u"--redirect-uri"_s));
        if (!redirectUris.contains(uri))
            redirectUris << uri;
    }
    if (redirectUris.size() > oauth::ClientRegistry::maxRedirectUris)
        return m_cli.usage(tr("--redirect-uri: at most %1 redirect URIs per client")
                               .arg(oauth::ClientRegistry::maxRedirectUris));
    const auto url = TokenCommand::publicUrl(parser);
    if (!url)
        return m_cli.fail(url.error());
    auto workspace = m_cli.openWorkspace(parser);
    if (!workspace)
        return m_cli.fail(workspace.error());
    store::Database &database = (*workspace)->database();

    const auto issued = oauth::UserDirectory::issueClient(database, {userName, name, redirectUris},
                                                          QDateTime::currentDateTimeUtc());
    if (!issued)
        return m_cli.fail(issued.error());
    const QString &secret = issued->secret;
    const QString &clientId = issued->clientId;

    m_out << "client_id: " << clientId << '\n' << "client_secret: " << secret << '\n';
    m_out.flush();

    QString base = url->toString(QUrl::StripTrailingSlash);
    while (base.endsWith(u'/'))
        base.chop(1);
    m_err << tr("Issued client %1 to %2. The secret is shown only now (the gateway keeps only "
                "its hash): store it with the client. The client gets access tokens with "
                "client_credentials at %3/oauth/token, for example:")
                 .arg(clientId, userName, base)
          << '\n'
          << "  curl -u '" << clientId << ":CLIENT_SECRET' -d grant_type=client_credentials"
          << " --data-urlencode 'resource=" << oauth::TokenService::resourceUrl(*url, u"SERVER"_s)
          << "' " << base << "/oauth/token\n";
    if (!redirectUris.isEmpty())
        m_err << tr("With its redirect URIs it may also sign %1 in with authorization_code.")
                     .arg(userName)
              << '\n';
    m_err << tr("Revoke it with: gatehouse client revoke %1").arg(clientId) << '\n';
    return CommandLine::Success;
}

int ClientCommand::list(const QStringList &args)
{
    QCommandLineParser parser;
    m_cli.addStoreOptions(parser);
    parser.addOption({u"user"_s, tr("Only this user's clients."), tr("NAME")});
    if (auto done = m_cli.parse(parser, args, u"gatehouse client list [--user NAME] [--data DIR]"_s,
                                tr("Lists the OAuth clients: client_id, kind (issued by the "
                                   "owner, registered by an MCP client, or a metadata document), "
                                   "user, when it was created, state and name. Client secrets are "
                                   "stored only as hashes and never shown.")))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return m_cli.usage(
            tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));
    auto workspace = m_cli.openWorkspace(parser);
    if (!workspace)
        return m_cli.fail(workspace.error());
    store::ClientRepository clients((*workspace)->database());
    const auto listed =
        parser.isSet(u"user"_s) ? clients.listForUser(parser.value(u"user"_s)) : clients.list();
    if (!listed)
        return m_cli.fail(listed.error());
    if (listed->isEmpty()) {
        m_out << tr("No OAuth clients. Issue one with: gatehouse client issue --user NAME") << '\n';
        return CommandLine::Success;
    }
    QList<QStringList> rows;
    rows << QStringList{tr("CLIENT_ID"), tr("KIND"),  tr("USER"),
                        tr("CREATED"),   tr("STATE"), tr("NAME")};
    for (const store::Client &c : *listed) {
        // The name last: it may hold spaces.
        const QString name = CommandText::printable(c.name.value_or(QString()));
        rows << QStringList{CommandText::printable(c.clientId),
                            c.kind,
                            c.user.value_or(u"-"_s),
                            CommandText::utcMinutes(c.createdAt),
                            c.revoked ? tr("revoked") : tr("active"),
                            name.isEmpty() ? u"-"_s : name};
    }
    CommandText::printTable(m_out, rows);
    return CommandLine::Success;
}

int ClientCommand::revoke(const QStringList &args)
{
    QCommandLineParser parser;
    m_cli.addStoreOptions(parser);
    parser.addPositionalArgument(u"CLIENT_ID"_s,
                                 tr("The client's client_id, as client list shows it."));
    if (auto done = m_cli.parse(parser, args, u"gatehouse client revoke CLIENT_ID [--data DIR]"_s,
                                tr("Revokes an OAuth client and every token issued to it: the "
                                   "gateway refuses them from the next request on, and the client "
                                   "can get no new ones. A revoked client stays revoked; issue a "
                                   "new one instead.")))
        return *done;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        return m_cli.usage(tr("expected the client's client_id (gatehouse client list shows it)"));
    const QString clientId = pos.at(0);
    if (clientId == oauth::TokenService::commandLineClientId())
        return m_cli.usage(tr("%1 is the client of the tokens gatehouse token mint makes: revoke "
                              "those one by one with gatehouse token revoke ID")
                               .arg(clientId));
    auto workspace = m_cli.openWorkspace(parser);
    if (!workspace)
        return m_cli.fail(workspace.error());
    const auto revoked = oauth::UserDirectory::revokeClient((*workspace)->database(), clientId,
                                                            QDateTime::currentDateTimeUtc());
    if (!revoked)
        return m_cli.fail(
            revoked.error().code() == ErrorCode::NotFound
                ? Error(ErrorCode::NotFound, tr("no OAuth client has the client_id '%1': gatehouse "
                                                "client list shows them")
                                                 .arg(CommandText::printable(clientId).left(200)))
                : revoked.error());
    const QString user = revoked->user.isEmpty() ? u"-"_s : revoked->user;
    if (revoked->wasRevoked) {
        m_out << tr("Client %1 (user %2) was already revoked.").arg(clientId, user) << '\n';
        return CommandLine::Success;
    }
    m_out << tr("Revoked client %1 (user %2) and every token issued to it; tokens that were still "
                "active: %3.")
                 .arg(clientId, user, QString::number(revoked->activeTokens))
          << '\n';
    return CommandLine::Success;
}

} // namespace gatehouse::app
