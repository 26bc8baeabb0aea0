#pragma once

#include "Result.h"
#include "ServerCatalog.h"
#include "openapi/Tool.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>

namespace gatehouse::store {
class Database;
}

namespace gatehouse::gateway {

// What a client receives at session start (the tools/list result) for one server, per discovery
// mode, as an estimate of tokens (openapi::estimateTokens: bytes of the JSON over 4.4, measured
// on o200k). There is no tokenizer here, so the numbers are approximate and shown with "≈".
struct ContextCost
{
    int tools = 0;
    int flat = 0;
    int hierarchical = 0;
    int search = 0;

    int tokens(DiscoveryMode mode) const;
    static ContextCost of(const openapi::ToolCatalog &catalog, const QString &serverTitle);
};

// An OpenAPI spec loaded and turned into tools before anything is saved: what the Servers page's
// import shows for the owner to confirm.
struct ImportPreview
{
    QString source; // the absolute file path or the URL, as the store keeps it
    QString suggestedName;
    QString title; // the spec's info.title
    std::shared_ptr<const openapi::ToolCatalog> catalog;
    ContextCost cost;
};

// Adding a server from an OpenAPI spec, as `gatehouse import` would: the server's openapi is the
// spec's absolute path or its URL (the store keeps where the spec is, not its content; the
// gateway loads it from there). Loading blocks: run it on a worker thread.
class ServerImport
{
    Q_DECLARE_TR_FUNCTIONS(ServerImport)

public:
    // Loads a spec the way the gateway does (a URL is fetched with http::DocumentFetcher, the
    // owner's URL with its size and time bounds), keeping the response schemas for the editor.
    // remoteRefs: the server's openapi_remote_refs.
    static Result<std::shared_ptr<const openapi::Spec>> loadSpec(const QString &source,
                                                                 bool remoteRefs = false);

    // source: a file path or an http(s) URL. Generates the tools with the default heuristics.
    static Result<ImportPreview> preview(const QString &source);

    // What is wrong with a server name: a sentence, or empty. The name becomes /mcp/NAME.
    static QString nameProblem(const QString &name, const QStringList &taken);

    // Adds the server (refused when the name is taken or invalid); nothing else changes.
    static Status save(store::Database &database, const ImportPreview &preview,
                       const QString &name);
};

} // namespace gatehouse::gateway
