#pragma once

#include "ServerCatalog.h"
#include "mcp/ToolProvider.h"
#include "store/SpendRepository.h"

#include <functional>
#include <memory>

namespace gatehouse::dispatch {
class Dispatcher;
struct SentRequest;
} // namespace gatehouse::dispatch

namespace gatehouse::http {
struct UpstreamResponse;
}

namespace gatehouse::policy {
class PermissionPolicy;
class UsageLimits;
class UsageMeter;
struct Decision;
} // namespace gatehouse::policy

namespace gatehouse::store {
class Database;
struct AuditRow;
} // namespace gatehouse::store

namespace gatehouse::gateway {

// The tools one configured server offers its callers, on one worker thread: lists the current
// catalog in the server's discovery mode, answers the meta-tools, and dispatches tool calls
// upstream. The catalog is read afresh for every request, so a reload applies at once.
class CatalogProvider : public mcp::ToolProvider
{
    Q_OBJECT
public:
    using CatalogSource = std::function<std::shared_ptr<const ServerCatalog>()>;
    // The permission matrix in force; null (auth mode none, no store): every tool is allowed.
    struct Permissions
    {
        std::shared_ptr<const policy::PermissionPolicy> policy;
        std::shared_ptr<const policy::UsageLimits> limits; // null: no monthly spend caps
        quint64 generation = 0; // changes whenever the matrix may have changed
    };
    using PolicySource = std::function<Permissions()>;
    // Where calls are recorded and their cost reserved.
    struct Accounting
    {
        std::function<void(store::AuditRow)> audit; // null: calls are not recorded
        store::Database *database = nullptr;        // null: costs are neither reserved nor counted
        policy::UsageMeter *meter = nullptr;        // null: no quotas or rates
        // Runs work where it may wait on the store, then `then` on the calling thread; false:
        // not now (stopping). Null: spend reservations run on the calling thread.
        // then(false): the work did not run (the gateway is stopping).
        std::function<bool(std::function<void()> work, std::function<void(bool ran)> then)> offload;
    };
    // The JSON-RPC error code of a call a quota or rate limit stopped (the server-defined range of
    // JSON-RPC 2.0 section 5.1); alone in its body, it is answered with HTTP 429.
    static constexpr int kLimitErrorCode = -32029;

    CatalogProvider(QString server, CatalogSource catalog, PolicySource policy,
                    Accounting accounting, QObject *parent = nullptr);
    ~CatalogProvider() override;

    mcp::ToolList list(const mcp::Caller &caller) override;
    void call(const QString &name, const mcp::Json &arguments, mcp::ToolCallContext context,
              mcp::ToolCallback done) override;

    // What a call costs: the tool's fixed cost plus its cost argument times the factor; an error
    // sentence when the argument is not a number of zero or more.
    static Result<double> costOf(const openapi::Tool &tool, const mcp::Json &arguments);

    // "Try it" (ToolTrial): what this provider decided, sent and received, filled in on its
    // thread as a call goes. The audit rows of a traced provider's calls name kTrialClient as
    // their client, so the log tells a trial from a client's call.
    struct Trace
    {
        QString decision; // as the audit log writes it: allow, deny, quota, rate, spend
        QString reason;
        double cost = 0.0;                                            // what was charged
        std::function<void(const dispatch::SentRequest &)> sent;      // the request, masked
        std::function<void(const http::UpstreamResponse &)> received; // the answer, redacted
    };
    static constexpr const char *kTrialClient = "gatehouse:try-it";
    void setTrace(std::shared_ptr<Trace> trace);

private:
    // Whether the caller's grants allow the tool (recorded when they do not); the tool error that
    // says why not, or nothing. `reason` receives the allowing rule.
    std::optional<mcp::ToolResult> refusal(const Permissions &permissions,
                                           const ServerCatalog &catalog, const openapi::Tool &tool,
                                           const mcp::Caller &caller, QString &reason) const;
    void dispatch(const std::shared_ptr<const ServerCatalog> &catalog,
                  const Permissions &permissions, const QString &name, const mcp::Json &arguments,
                  mcp::ToolCallContext context, mcp::ToolCallback done, const QString &reason);
    // Counts the call against the caller's quota and rate; the refusal to answer otherwise.
    std::optional<mcp::ToolResult> admission(const Permissions &permissions,
                                             const mcp::Caller &caller, const QString &tool) const;
    // A costed call's money: reserved in the store before the request leaves.
    struct Charge
    {
        store::SpendRequest request;
        bool reserved = false;
        QString refusedBy;    // the spend cap that stopped the call
        bool settled = false; // recorded (and refunded) once: at the answer or a cancellation
    };
    // What the store said to a reservation: nothing (the call goes) or the tool error that stops
    // it. A reservation that lands after the client cancelled is given back.
    std::optional<mcp::ToolResult>
    reservationOutcome(store::Database &database, Charge &charge, const mcp::Caller &caller,
                       const openapi::Tool &tool, const Result<store::SpendOutcome> &outcome) const;
    void record(const mcp::Caller &caller, const QString &tool, const QString &decision,
                const QString &reason, int upstreamStatus = 0, qint64 latencyMs = -1,
                double cost = 0.0) const;

    QString m_server;
    CatalogSource m_catalog;
    PolicySource m_policy;
    Accounting m_accounting;
    dispatch::Dispatcher *m_dispatcher; // owned as a child
    std::shared_ptr<Trace> m_trace;     // null: not a trial
};

} // namespace gatehouse::gateway
