#include "TokenCommand.h"

#include "CommandLine.h"
#include "CommandText.h"
#include "ServeCommand.h"
#include "Workspace.h"
#include "config/ConfigLoader.h"
#include "gateway/Gateway.h"
#include "oauth/TokenService.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <cmath>

using namespace Qt::StringLiterals;

namespace gatehouse::app {

namespace {

QString cap(const std::optional<double> &spendCap)
{
    return spendCap ? QString::number(*spendCap) : u"-"_s;
}

} // namespace

TokenCommand::TokenCommand(CommandLine &commandLine, QTextStream &out, QTextStream &err)
    : m_cli(commandLine)
    , m_out(out)
    , m_err(err)
{}

int TokenCommand::run(const QStringList &args)
{
    const QString sub = args.size() > 1 ? args.at(1) : QString();
    QStringList rest = args.mid(2);
    rest.prepend(args.at(0) + u' ' + sub);
    if (sub == QLatin1String("mint"))
        return mint(rest);
    if (sub == QLatin1String("list"))
        return list(rest);
    if (sub == QLatin1String("revoke"))
        return revoke(rest);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub.isEmpty()) {
        m_out << tr("Usage: gatehouse token mint|list|revoke [--help]") << "\n\n"
              << tr("  mint --user NAME [--server S] [--ttl 1h] [--scope S:ACTION]... "
                    "[--spend-cap N]")
              << '\n'
              << tr("                 print a bearer token for an MCP client (shown once)") << '\n'
              << tr("  list [--user NAME]   list tokens: id, user, server, scopes, expiry") << '\n'
              << tr("  revoke ID            revoke the token with that id (or an unambiguous "
                    "start of it)")
              << '\n';
        return sub.isEmpty() ? CommandLine::Usage : CommandLine::Success;
    }
    return m_cli.usage(tr("unknown token command '%1'").arg(sub));
}

Result<QUrl> TokenCommand::publicUrl(const QCommandLineParser &parser)
{
    if (parser.isSet(u"public-url"_s)) {
        const QString text = parser.value(u"public-url"_s);
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            return Error(ErrorCode::InvalidArgument,
                         tr("--public-url %1: expected the gateway's http or https base URL, "
                            "e.g. https://gateway.example.com")
                             .arg(text));
        return url;
    }
    config::GatewayConfig gateway;
    if (parser.isSet(u"config"_s)) {
        config::ConfigLoader loader(config::ConfigLoader::Options{false});
        const config::LoadResult loaded = loader.loadFile(parser.value(u"config"_s));
        if (!loaded.ok())
            return loaded.toResult().error();
        gateway = loaded.config->gateway;
    }
    auto listen = ServeCommand::listenOptions(gateway, {});
    if (!listen)
        return listen.error();
    return gateway::Gateway::baseUrlFor(*listen, listen->port);
}

int TokenCommand::mint(const QStringList &args)
{
    QCommandLineParser parser;
    m_cli.addStoreOptions(parser);
    parser.addOption({u"user"_s, tr("The user the token speaks for (required)."), tr("NAME")});
    parser.addOption({u"server"_s,
                      tr("Bind the token to this server's MCP endpoint (RFC 8707); without it "
                         "the token is good for every server the user may use."),
                      tr("SERVER")});
    parser.addOption({u"ttl"_s,
                      tr("How long the token lives: 30m, 1h, 12h, 7d ... up to 365d (default "
                         "1h)."),
                      tr("TTL")});
    parser.addOption({u"scope"_s,
                      tr("Narrow the token to SERVER:ACTION (read, create, update, delete) or "
                         "offline_access; repeatable. Default: every action on --server."),
                      tr("SCOPE")});
    parser.addOption({u"spend-cap"_s,
                      tr("The most this token may spend (stored with the token; the policy "
                         "enforces it)."),
                      tr("N")});
    parser.addOption({u"public-url"_s,
                      tr("The gateway's public base URL that --server binds to (default: the "
                         "--config file's gateway.public_url, else http://127.0.0.1:8787)."),
                      tr("URL")});
    if (auto done = m_cli.parse(
            parser, args,
            u"gatehouse token mint --user NAME [--server S] [--ttl 1h] [--scope S:ACTION]... "
            "[--spend-cap N] [--public-url URL] [--data DIR]"_s,
            tr("Mints a bearer token for an MCP client that only takes a header. The token "
               "alone is printed on standard output, once: TOKEN=$(gatehouse token mint ...) "
               "keeps it; its id, expiry and scopes go to standard error. Only its hash is "
               "stored.")))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return m_cli.usage(
            tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));
    oauth::TokenService::MintRequest request;
    request.user = parser.value(u"user"_s);
    if (request.user.isEmpty())
        return m_cli.usage(tr("--user NAME is required"));
    request.server = parser.value(u"server"_s);
    if (parser.isSet(u"ttl"_s)) {
        const auto ttl = oauth::TokenService::parseTtl(parser.value(u"ttl"_s));
        if (!ttl)
            return m_cli.fail(ttl.error().withContext(u"--ttl"_s));
        request.ttl = *ttl;
    }
    for (const QString &scope : parser.values(u"scope"_s)) {
        // "--scope 'a:read b:read'" reads as two scopes, as an OAuth scope parameter would.
        for (const QString &one : scope.split(u' ', Qt::SkipEmptyParts)) {
            if (Status s = oauth::TokenService::checkScope(one); !s)
                return m_cli.fail(s.error().withContext(u"--scope"_s));
            request.scopes << one;
        }
    }
    if (parser.isSet(u"spend-cap"_s)) {
        bool ok = false;
        const double value = parser.value(u"spend-cap"_s).toDouble(&ok);
        if (!ok || !std::isfinite(value) || value < 0)
            return m_cli.usage(tr("--spend-cap %1: expected a number of zero or more")
                                   .arg(parser.value(u"spend-cap"_s)));
        request.spendCap = value;
    }
    const auto url = publicUrl(parser);
    if (!url)
        return m_cli.fail(url.error());
    auto workspace = m_cli.openWorkspace(parser);
    if (!workspace)
        return m_cli.fail(workspace.error());
    const oauth::TokenService tokens((*workspace)->database(), *url);
    const auto minted = tokens.mint(request, QDateTime::currentDateTimeUtc());
    if (!minted)
        return m_cli.fail(minted.error());

    m_out << minted->token << '\n';
    m_out.flush();
    m_err << tr("Token %1 for %2 on %3, scopes: %4, expires %5. It is shown only once; "
                "revoke it with: gatehouse token revoke %1")
                 .arg(minted->id, request.user,
                      minted->audience ? *minted->audience : tr("every server"),
                      minted->scopes.isEmpty() ? tr("not narrowed") : minted->scopes.join(u' '),
                      CommandText::utcMinutes(minted->expiresAt))
          << '\n';
    return CommandLine::Success;
}

int TokenCommand::list(const QStringList &args)
{
    QCommandLineParser parser;
    m_cli.addStoreOptions(parser);
    parser.addOption({u"user"_s, tr("Only this user's tokens."), tr("NAME")});
    if (auto done = m_cli.parse(parser, args, u"gatehouse token list [--user NAME] [--data DIR]"_s,
                                tr("Lists the access tokens: id, user, server (* for every "
                                   "server), scopes, expiry, state and spend cap. Tokens "
                                   "themselves are never stored, so never shown.")))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return m_cli.usage(
            tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));
    auto workspace = m_cli.openWorkspace(parser);
    if (!workspace)
        return m_cli.fail(workspace.error());
    const oauth::TokenService tokens((*workspace)->database(), QUrl());
    std::optional<QString> user;
    if (parser.isSet(u"user"_s))
        user = parser.value(u"user"_s);
    const auto listed = tokens.list(user);
    if (!listed)
        return m_cli.fail(listed.error());
    if (listed->isEmpty()) {
        m_out << tr("No tokens. Mint one with: gatehouse token mint --user NAME --server SERVER")
              << '\n';
        return CommandLine::Success;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QStringList> rows;
    rows << QStringList{tr("ID"),      tr("USER"),  tr("SERVER"),    tr("SCOPES"),
                        tr("EXPIRES"), tr("STATE"), tr("SPEND CAP"), tr("CLIENT")};
    for (const oauth::TokenService::Listed &t : *listed) {
        const QString state =
            t.revoked ? tr("revoked") : (t.expiresAt <= now ? tr("expired") : tr("active"));
        rows << QStringList{t.id,
                            t.user,
                            t.audience ? (t.server.isEmpty() ? *t.audience : t.server) : u"*"_s,
                            t.scopes.isEmpty() ? u"-"_s : t.scopes.join(u' '),
                            CommandText::utcMinutes(t.expiresAt),
                            state,
                            cap(t.spendCap),
                            t.clientId};
    }
    CommandText::printTable(m_out, rows);
    return CommandLine::Success;
}

int TokenCommand::revoke(const QStringList &args)
{
    QCommandLineParser parser;
    m_cli.addStoreOptions(parser);
    parser.addPositionalArgument(u"ID"_s, tr("The token's id as token list shows it, or an "
                                             "unambiguous start of it."));
    if (auto done = m_cli.parse(parser, args, u"gatehouse token revoke ID [--data DIR]"_s,
                                tr("Revokes an access token: the gateway refuses it from the "
                                   "next request on.")))
        return *done;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        return m_cli.usage(tr("expected the token's id (gatehouse token list shows it)"));
    auto workspace = m_cli.openWorkspace(parser);
    if (!workspace)
        return m_cli.fail(workspace.error());
    const oauth::TokenService tokens((*workspace)->database(), QUrl());
    const auto revoked = tokens.revoke(pos.at(0));
    if (!revoked)
        return m_cli.fail(revoked.error());
    m_out << (revoked->revoked ? tr("Token %1 of %2 was already revoked.")
                               : tr("Revoked token %1 of %2."))
                 .arg(revoked->id, revoked->user)
          << '\n';
    return CommandLine::Success;
}

} // namespace gatehouse::app
