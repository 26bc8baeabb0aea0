#pragma once

#include "Result.h"
#include "ServerCatalog.h"

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

// Builds the catalogs of the configured servers from the store: loads each server's spec (kept
// while its file, size and modification time and the base URL stay the same), generates and
// curates its tools, resolves its credentials. Runs off the hot path, when the configuration
// changes; a server whose spec cannot be loaded still gets a catalog that says why.
class CatalogLoader
{
    Q_DECLARE_TR_FUNCTIONS(CatalogLoader)

public:
    CatalogLoader();
    ~CatalogLoader();

    Result<Catalogs> load(store::Database &database);

    // One server, from what the store holds for it.
    std::shared_ptr<const ServerCatalog> build(const store::Server &server,
                                               const QList<store::ToolOverride> &overrides,
                                               const QList<store::Credential> &credentials);

private:
    struct CachedSpec
    {
        QString baseUrl;
        qint64 size = -1;
        QDateTime modified;
        std::shared_ptr<const openapi::Spec> spec;
    };
    Result<std::shared_ptr<const openapi::Spec>> spec(const QString &path, const QString &baseUrl);

    QHash<QString, CachedSpec> m_specs; // by file path
    quint64 m_version = 0;
};

} // namespace gatehouse::gateway
