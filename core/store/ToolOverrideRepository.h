#pragma once

#include "Origin.h"
#include "Result.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QStringList>

#include <nlohmann/json.hpp>
#include <optional>

class QSqlDatabase;

namespace gatehouse::store {

class Database;

// Parameter name (as the spec spells it) -> a JSON value.
using ParamValues = QMap<QString, nlohmann::json>;

// One entry under a server's tools.overrides. Every optional field keeps "absent" (the spec's
// default applies) apart from "set", so the config re-exports as written.
struct ToolOverride
{
    QString server;
    QString key; // as written: an operationId ("createInvoice") or "POST /invoices"
    std::optional<QString> name;
    std::optional<QString> description;
    std::optional<QStringList> hideParams;
    std::optional<QStringList> responseFields;
    std::optional<QString> credential;
    // The upstream scopes the tool needs, over what the spec's security requirements say (an
    // empty list: none); the dispatch picks a credential of the server that carries them.
    std::optional<QStringList> scopes;
    std::optional<double> cost;          // fixed, per call
    std::optional<QString> costArgument; // an argument whose number, times costFactor, adds
    std::optional<double> costFactor;    // to the cost (absent factor: 1)
    std::optional<bool> refundOnFailure; // a failed upstream call gives its cost back
    std::optional<QString> action;       // read | create | update | delete
    std::optional<QString> resource;
    std::optional<bool> enabled;              // false: the operation becomes no tool
    std::optional<ParamValues> fixedParams;   // hidden, always sent with this value
    std::optional<ParamValues> paramDefaults; // visible, sent when the client leaves it out
    Origin origin = Origin::Local;

    bool operator==(const ToolOverride &) const = default;
};

class ToolOverrideRepository
{
    Q_DECLARE_TR_FUNCTIONS(ToolOverrideRepository)

public:
    explicit ToolOverrideRepository(Database &database);

    // Ordered by server, then in the order the overrides were first added.
    Result<QList<ToolOverride>> list();
    Result<QList<ToolOverride>> listByOrigin(Origin origin);
    Result<QList<ToolOverride>> listForServer(const QString &server);
    Result<ToolOverride> get(const QString &server, const QString &key);
    Status create(const ToolOverride &override_);
    Status upsert(const ToolOverride &override_);
    // Makes the server's overrides exactly these, in this order, in one transaction.
    Status replaceForServer(const QString &server, const QList<ToolOverride> &overrides);
    Status remove(const QString &server, const QString &key);

private:
    Status save(QSqlDatabase &db, const ToolOverride &override_, bool replace);
    Result<QList<ToolOverride>> select(const QString &where, const QVariantMap &values);

    Database &m_database;
};

} // namespace gatehouse::store
