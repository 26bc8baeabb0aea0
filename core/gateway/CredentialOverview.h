#pragma once

#include "Result.h"
#include "gateway/CatalogLoader.h"
#include "secrets/CredentialManager.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <optional>

namespace gatehouse::store {
class Database;
}

namespace gatehouse::gateway {

// A credential as the Credentials page lists it: what it is, where it goes, who holds a secret
// of it, when it was last used, and what uses it.
struct CredentialEntry
{
    secrets::CredentialSummary summary;
    QString placement;
    bool fromVault = true;
    // The tools whose calls carry it, "tool (server)", from the catalogs the gateway serves.
    QStringList tools;
    // What names it in the store: "server billing", "tool override X of server Y"; servers whose
    // tools are not known (a spec that cannot be loaded, an upstream MCP server) show here only.
    QStringList namedBy;

    const QString &name() const { return summary.credential.name; }
    bool inUse() const { return !tools.isEmpty() || !namedBy.isEmpty(); }
    // For messages: the tools, or what names it when no tool is known.
    QStringList usedBy() const { return tools.isEmpty() ? namedBy : tools; }
};

// The Credentials page's model: every credential with its secrets' holders and the tools using
// it. Loaded whole from the store and the catalogs (any thread, never the GUI's: building the
// catalogs reads specs); the changes go through secrets::CredentialManager.
class CredentialOverview
{
    Q_DECLARE_TR_FUNCTIONS(CredentialOverview)

public:
    static Result<CredentialOverview> load(store::Database &database, const Catalogs &catalogs);

    const QList<CredentialEntry> &entries() const { return m_entries; }
    std::optional<CredentialEntry> entry(const QString &name) const;
    // Every user, in name order: the owners of per-user secrets.
    const QStringList &users() const { return m_users; }

private:
    QList<CredentialEntry> m_entries;
    QStringList m_users;
};

} // namespace gatehouse::gateway
