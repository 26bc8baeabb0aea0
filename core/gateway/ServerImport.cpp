#include "ServerImport.h"

#include "CatalogLoader.h"
#include "DiscoveryTools.h"
#include "config/Config.h"
#include "http/DocumentFetcher.h"
#include "openapi/SpecLoader.h"
#include "openapi/ToolGenerator.h"
#include "store/ServerRepository.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

namespace gatehouse::gateway {

int ContextCost::tokens(DiscoveryMode mode) const
{
    switch (mode) {
    case DiscoveryMode::Flat:
        return flat;
    case DiscoveryMode::Hierarchical:
        return hierarchical;
    case DiscoveryMode::Search:
        return search;
    }
    return flat;
}

ContextCost ContextCost::of(const openapi::ToolCatalog &catalog, const QString &serverTitle)
{
    const auto count = [&](DiscoveryMode mode) {
        return openapi::estimateTokens(
            DiscoveryTools::listResult(DiscoveryTools::listing(mode, catalog, serverTitle)));
    };
    ContextCost cost;
    cost.tools = int(catalog.tools.size());
    cost.flat = count(DiscoveryMode::Flat);
    cost.hierarchical = count(DiscoveryMode::Hierarchical);
    cost.search = count(DiscoveryMode::Search);
    return cost;
}

Result<std::shared_ptr<const openapi::Spec>> ServerImport::loadSpec(const QString &source,
                                                                    bool remoteRefs)
{
    openapi::SpecLoadOptions options = CatalogLoader::loadOptions(QString(), remoteRefs);
    // The editor offers the response fields as a tree: it needs the response schemas.
    options.responseSchemas = true;
    Result<openapi::Spec> spec = Error(ErrorCode::Internal, QString());
    if (config::isHttpUrl(source)) {
        // The owner names this URL, so it may be on their own network (as the gateway fetches it).
        auto document =
            http::DocumentFetcher::fetch(QUrl(source), http::DocumentFetcher::Options());
        if (!document)
            return document.error();
        spec = openapi::SpecLoader(options).loadFetched(document->body, QUrl(source));
    } else {
        const QFileInfo info(source);
        if (!info.exists())
            return Error(ErrorCode::NotFound,
                         tr("The file %1 does not exist. Choose the spec file again.").arg(source));
        spec = openapi::SpecLoader(options).loadFile(info.absoluteFilePath());
    }
    if (!spec)
        return spec.error();
    return std::make_shared<const openapi::Spec>(std::move(spec).value());
}

Result<ImportPreview> ServerImport::preview(const QString &source)
{
    const QString trimmed = source.trimmed();
    if (trimmed.isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     tr("Choose a spec file or enter the spec's URL (https://…)."));
    const QUrl asUrl(trimmed);
    const bool looksLikeUrl = asUrl.isValid() && !asUrl.scheme().isEmpty() &&
                              asUrl.scheme().size() > 1; // "C:" is a drive, not a scheme
    if (looksLikeUrl && !config::isHttpUrl(trimmed) && asUrl.scheme() != u"file")
        return Error(ErrorCode::InvalidArgument,
                     tr("%1 is neither a file nor an http(s) URL. Enter an https:// address or "
                        "choose a file.")
                         .arg(trimmed));
    const QString path = asUrl.scheme() == u"file" ? asUrl.toLocalFile() : trimmed;
    auto spec = loadSpec(path);
    if (!spec)
        return spec.error();
    if ((*spec)->operations().isEmpty())
        return Error(ErrorCode::Validation,
                     tr("%1 describes no operations, so it would give no tools. Check that it "
                        "is the API's full OpenAPI document.")
                         .arg((*spec)->sourceName()));

    ImportPreview preview;
    preview.source = config::isHttpUrl(path) ? path : QFileInfo(path).absoluteFilePath();
    preview.title = (*spec)->info().title;
    auto catalog = std::make_shared<openapi::ToolCatalog>(
        openapi::ToolGenerator::generate(*spec, openapi::ToolSettings()));
    preview.cost = ContextCost::of(*catalog, preview.title);
    preview.catalog = std::move(catalog);

    // A name from the title ("Billing API" -> billing-api), else from the file or host name.
    QString base = preview.title;
    if (base.isEmpty())
        base = config::isHttpUrl(path) ? QUrl(path).host() : QFileInfo(path).completeBaseName();
    QString name = base.toLower();
    static const QRegularExpression notAllowed(QStringLiteral("[^a-z0-9_-]+"));
    name.replace(notAllowed, QStringLiteral("-"));
    while (name.startsWith(u'-') || name.startsWith(u'_'))
        name.remove(0, 1);
    name.truncate(64);
    while (name.endsWith(u'-'))
        name.chop(1);
    preview.suggestedName = name.isEmpty() ? QStringLiteral("api") : name;
    return preview;
}

QString ServerImport::nameProblem(const QString &name, const QStringList &taken)
{
    // The same rule as servers[].name in the configuration (ConfigLoader).
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"));
    if (name.isEmpty())
        return tr("Give the server a name: it becomes the end of its MCP address, /mcp/NAME.");
    if (!valid.match(name).hasMatch())
        return tr("Use letters, digits, '-' and '_' only, starting with a letter or digit, at "
                  "most 64 characters: the name becomes the address /mcp/%1.")
            .arg(name);
    if (taken.contains(name))
        return tr("A server named %1 exists already. Choose another name.").arg(name);
    return {};
}

Status ServerImport::save(store::Database &database, const ImportPreview &preview,
                          const QString &name)
{
    store::ServerRepository servers(database);
    auto existing = servers.list();
    if (!existing)
        return existing.error();
    QStringList taken;
    for (const store::Server &s : *existing)
        taken.append(s.name);
    if (const QString problem = nameProblem(name, taken); !problem.isEmpty())
        return Error(taken.contains(name) ? ErrorCode::AlreadyExists : ErrorCode::Validation,
                     problem);
    store::Server server;
    server.name = name;
    if (!preview.title.isEmpty())
        server.title = preview.title;
    server.openapi = preview.source;
    return servers.create(server);
}

} // namespace gatehouse::gateway
