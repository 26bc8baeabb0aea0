#include "CredentialOverview.h"

#include "store/Database.h"
#include "store/ServerRepository.h"
#include "store/ToolOverrideRepository.h"
#include "store/UserRepository.h"

using namespace Qt::StringLiterals;

namespace gatehouse::gateway {

namespace {

// Whether a call of the tool can carry `credential`: its own or the server's default, or, for a
// tool that needs upstream scopes, one of the candidates that carry them.
bool carries(const CredentialChoice &choice, const QString &credential)
{
    return choice.byScope ? choice.eligible.contains(credential) : choice.fixed == credential;
}

} // namespace

Result<CredentialOverview> CredentialOverview::load(store::Database &database,
                                                    const Catalogs &catalogs)
{
    auto summaries = secrets::CredentialManager::summaries(database);
    if (!summaries)
        return summaries.error();
    auto servers = store::ServerRepository(database).list();
    if (!servers)
        return servers.error();
    auto overrides = store::ToolOverrideRepository(database).list();
    if (!overrides)
        return overrides.error();
    auto users = store::UserRepository(database).list();
    if (!users)
        return users.error();

    CredentialOverview overview;
    for (const store::User &user : std::as_const(*users))
        overview.m_users.append(user.name);
    overview.m_users.sort();

    QStringList serverNames;
    for (const store::Server &server : std::as_const(*servers))
        serverNames.append(server.name);
    serverNames.sort();

    for (secrets::CredentialSummary &summary : *summaries) {
        CredentialEntry entry;
        const QString &name = summary.credential.name;
        entry.placement = secrets::CredentialManager::placement(summary.credential);
        entry.fromVault = secrets::CredentialManager::fromVault(summary.credential);
        for (const QString &serverName : std::as_const(serverNames)) {
            const auto server =
                std::find_if(servers->cbegin(), servers->cend(),
                             [&](const store::Server &s) { return s.name == serverName; });
            const bool named = server->credential == name || server->credentials.contains(name);
            const std::shared_ptr<const ServerCatalog> catalog = catalogs.value(serverName);
            bool anyTool = false;
            if (catalog && catalog->tools) {
                const auto &tools = catalog->tools->tools;
                for (qsizetype i = 0; i < tools.size(); ++i) {
                    if (size_t(i) < catalog->credentialChoices.size() &&
                        carries(catalog->credentialChoices.at(size_t(i)), name)) {
                        entry.tools.append(tr("%1 (%2)").arg(tools.at(i).name, serverName));
                        anyTool = true;
                    }
                }
            }
            if (named && !anyTool)
                entry.namedBy.append(tr("server %1").arg(serverName));
        }
        for (const store::ToolOverride &o : std::as_const(*overrides))
            if (o.credential == name)
                entry.namedBy.append(tr("tool override %1 of server %2").arg(o.key, o.server));
        entry.summary = std::move(summary);
        overview.m_entries.append(std::move(entry));
    }
    return overview;
}

std::optional<CredentialEntry> CredentialOverview::entry(const QString &name) const
{
    for (const CredentialEntry &e : m_entries)
        if (e.name() == name)
            return e;
    return std::nullopt;
}

} // namespace gatehouse::gateway
