#pragma once

#include "Result.h"
#include "ServerImport.h"
#include "openapi/Tool.h"
#include "store/ServerRepository.h"
#include "store/ToolOverrideRepository.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

namespace gatehouse::store {
class Database;
}

namespace gatehouse::gateway {

// An edit of one tool's override: it changes only the fields the owner edited.
using OverrideChange = std::function<void(store::ToolOverride &)>;

// A parameter of an operation the owner may hide, fix or give a default (override `params`).
struct EditableParameter
{
    QString name;     // as the spec spells it
    QString location; // path | query | header | cookie | body
    bool required = false;
    QString description;
};

// One operation of a server as the editor shows it: the tool the gateway makes of it with the
// owner's overrides, also when the owner switched it off.
struct ToolRow
{
    QString key; // the override key: the operationId, else "METHOD /path"
    bool enabled = true;
    openapi::Tool tool;
    QString credential; // the tool's own, else the server's default; empty: none
    std::optional<store::ToolOverride> override_;
    QList<EditableParameter> parameters;
    nlohmann::json responseSchema; // of the first JSON success response; null when there is none
    // The heuristics leave the operation out unless its override says enabled: true.
    bool removedByHeuristics = false;
};

// An operation the generator left out, other than by the owner's switch, and why.
struct RemovedOperation
{
    QString key; // the override key that brings it back
    QString method;
    QString path;
    QString heuristic;
    QString reason;
};

// The Servers & tools page's model: the servers, and for one of them its tools as the gateway
// serves them, with the owner's overrides, what the heuristics removed, and what a client
// receives at session start. Loaded whole from the store on any thread (loading reads the spec,
// which may fetch a URL: never on the GUI thread); the writes are the page's edits.
class ServerEditor
{
    Q_DECLARE_TR_FUNCTIONS(ServerEditor)

public:
    struct Overview
    {
        QList<store::Server> servers; // in name order
        QStringList credentials;      // the store's credential names, in order
    };
    static Result<Overview> overview(store::Database &database);

    // reuse: a spec loaded before from reuseSource; used again when the server still names it.
    static Result<ServerEditor> load(store::Database &database, const QString &server,
                                     std::shared_ptr<const openapi::Spec> reuse = {},
                                     const QString &reuseSource = {});

    // Saves an override (it replaces the one of the same key); one that sets nothing is removed.
    static Status saveOverride(store::Database &database, const store::ToolOverride &override_);
    // Changes the stored override of key (none yet: an empty one) with change, reading and
    // writing it in one transaction, so that edits made from older data keep what other edits
    // wrote meanwhile. Returns the override it replaced (none: there was none), for undo.
    static Result<std::optional<store::ToolOverride>> update(store::Database &database,
                                                             const QString &server,
                                                             const QString &key,
                                                             const OverrideChange &change);
    // Puts back what an edit replaced (undo): the previous override, or none.
    static Status restoreOverride(store::Database &database, const QString &server,
                                  const QString &key,
                                  const std::optional<store::ToolOverride> &previous);
    // An operation the heuristics removed becomes a tool again (an override with enabled: true,
    // over the operation's other overrides).
    static Status bringBack(store::Database &database, const QString &server, const QString &key);
    // Removes the server and its overrides.
    static Status removeServer(store::Database &database, const QString &server);

    static QString overrideKey(const openapi::SpecOperation &operation);
    // Whether an override changes nothing (every field absent).
    static bool isEmpty(const store::ToolOverride &override_);

    // What is wrong with a new name for the tool of this key: a sentence, or empty. MCP tool
    // names: 1 to 64 of A-Z a-z 0-9 _ - (as the generator makes them), unique in the server.
    QString toolNameProblem(const QString &key, const QString &name) const;

    // What a client would receive at session start with this override in place of the stored
    // one of its key (the panel's edits before they are applied). Generates the tools again:
    // run it off the GUI thread.
    ContextCost costWith(const store::ToolOverride &override_) const;

    const store::Server &server() const { return m_server; }
    const QList<ToolRow> &tools() const { return m_tools; }
    const ToolRow *find(const QString &key) const;
    const QList<RemovedOperation> &removed() const { return m_removed; }
    const ContextCost &cost() const { return m_cost; }
    // The spec could not be loaded: why (the server then has no tools).
    const QString &loadError() const { return m_loadError; }
    const QStringList &warnings() const { return m_warnings; }
    std::shared_ptr<const openapi::Spec> spec() const { return m_spec; }
    QString specSource() const { return m_server.openapi.value_or(QString()); }

private:
    store::Server m_server;
    std::shared_ptr<const openapi::Spec> m_spec;
    QList<store::ToolOverride> m_overrides;
    QList<ToolRow> m_tools;
    QList<RemovedOperation> m_removed;
    ContextCost m_cost;
    QString m_loadError;
    QStringList m_warnings;
};

} // namespace gatehouse::gateway
