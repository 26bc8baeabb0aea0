#pragma once

#include "Result.h"
#include "ServerCatalog.h"
#include "openapi/SpecLoader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>

#include <memory>

namespace gatehouse::store {
class Database;
struct Credential;
struct Server;
struct ToolOverride;
} // namespace gatehouse::store

namespace gatehouse::gateway {

using Catalogs = QHash<QString, std::shared_ptr<const ServerCatalog>>;

// Builds the catalogs of the configured servers from the store: loads each server's spec (a
// file's is kept while its size, modification time and settings stay the same; a URL's is
// fetched again on every load, the last good one kept when that fails), generates and
// curates its tools, resolves its credentials. Runs off the hot path, when the configuration
// changes; a server whose spec cannot be loaded still gets a catalog that says why.
class CatalogLoader
{
    Q_DECLARE_TR_FUNCTIONS(CatalogLoader)

public:
    CatalogLoader();
    ~CatalogLoader();

    Result<Catalogs> load(store::Database &database);
    // The vault that keychain secrets are decrypted with (at each call) and sealed secrets with
    // (when a catalog is built), for the catalogs built from now on.
    void setVault(std::shared_ptr<const secrets::CredentialVault> vault);
    // false: a URL's spec fetched before is used again rather than fetched at every load (the
    // desktop application reloads after each edit of a tool); a new URL is still fetched.
    void setRefetchUrls(bool refetch) { m_refetchUrls = refetch; }

    // How a server's spec is loaded: the owner's base URL, and remote $refs fetched from public
    // addresses only when remoteRefs (openapi_remote_refs) allows them.
    static openapi::SpecLoadOptions loadOptions(const QString &baseUrl, bool remoteRefs);

    // One server, from what the store holds for it.
    std::shared_ptr<const ServerCatalog> build(const store::Server &server,
                                               const QList<store::ToolOverride> &overrides,
                                               const QList<store::Credential> &credentials);

private:
    struct CachedSpec
    {
        QString baseUrl;
        bool remoteRefs = false;
        qint64 size = -1; // -1: fetched from a URL
        QDateTime modified;
        std::shared_ptr<const openapi::Spec> spec;
    };
    Result<std::shared_ptr<const openapi::Spec>> spec(const QString &path, const QString &baseUrl,
                                                      bool remoteRefs);

    QHash<QString, CachedSpec> m_specs; // by file path or URL
    std::shared_ptr<const secrets::CredentialVault> m_vault;
    // Upstream access tokens outlive reloads: a changed credential gets a new key there.
    std::shared_ptr<dispatch::TokenCache> m_tokens;
    quint64 m_version = 0;
    bool m_refetchUrls = true;
};

} // namespace gatehouse::gateway
