#pragma once

#include "Result.h"
#include "dispatch/Dispatcher.h"
#include "http/UpstreamRequest.h"

#include <QObject>
#include <QString>

#include <chrono>
#include <nlohmann/json.hpp>

namespace gatehouse::store {
class Database;
}

namespace gatehouse::gateway {

class Gateway;

// What "Try it" shows of a tool before calling it, from the catalog the running gateway serves.
struct TrialTool
{
    QString server;
    QString name;
    QString title;
    QString description;
    nlohmann::json inputSchema; // {"type":"object","properties":...}
    QString action;             // read | create | update | delete
    QString method;             // the upstream's HTTP method
    QString upstream;           // the base URL and the operation's path ({param} unfilled)
};

// A user a trial can run as.
struct TrialUser
{
    QString name;
    bool disabled = false;
};

// One trial: how the gateway decided, what it sent and what came back.
struct TrialOutcome
{
    QString user;
    QString server;
    QString tool;
    // Set when the gateway did not take the call at all (stopped, unknown tool): why, and what
    // to do. The rest is then empty.
    QString error;
    bool cancelled = false;
    // As the audit log records it: allow, deny, quota, rate or spend; and the rule or limit
    // behind it. A call refused at any of these never reaches the upstream.
    QString decision;
    QString reason;
    bool sent = false;             // the request left for the upstream
    dispatch::SentRequest request; // when sent: as sent, credentials masked
    bool answered = false;         // the upstream answered: its status, headers and body
    int upstreamStatus = 0;
    http::UpstreamHeaders upstreamHeaders; // injected secrets redacted
    QByteArray upstreamBody;               // injected secrets redacted
    // What the MCP client would receive: the CallToolResult, or the JSON-RPC error of a call a
    // limit stopped. isError: a tool error or a JSON-RPC error.
    QByteArray result;
    bool isError = false;
    double cost = 0.0; // charged to the user's spend
    std::chrono::milliseconds elapsed{0};
};

// "Try it": calls one tool as a chosen user through the running gateway, the way that user's
// MCP client would reach it: the permission matrix decides (with every action's scope, as a token
// that is not narrowed has them), quotas and rate limits count it, its cost is reserved against
// the user's spend cap, the arguments are checked against the tool's schema, the user's
// credential is chosen and injected, and the answer is redacted and shaped into the result. A
// trial is a real call, so it counts against the user's quota and spend like any other, and its
// audit row names the client "gatehouse:try-it" (CatalogProvider::kTrialClient) so the owner's
// trials stand apart in the log.
//
// The call runs on the gateway's trial thread; finished() is emitted on this object's thread.
class ToolTrial : public QObject
{
    Q_OBJECT
public:
    explicit ToolTrial(Gateway &gateway, QObject *parent = nullptr);
    ~ToolTrial() override;

    // Reads only the gateway's in-memory catalog: safe on the GUI thread.
    static Result<TrialTool> describe(const Gateway &gateway, const QString &server,
                                      const QString &tool);
    // The users of the store, by name. Blocks on the database: call it off the GUI thread.
    static Result<QList<TrialUser>> loadUsers(store::Database &database);

    // Starts a trial; the outcome arrives through finished(). Refused while one runs or while
    // the gateway is stopped.
    Status start(const QString &user, const QString &server, const QString &tool,
                 const nlohmann::json &arguments);
    // Stops the trial in flight: the upstream request is aborted, the call recorded as
    // cancelled, and finished() reports it at once.
    void cancel();
    bool isRunning() const { return m_current != 0; }

Q_SIGNALS:
    void finished(const gatehouse::gateway::TrialOutcome &outcome);

private:
    void deliver(quint64 id, TrialOutcome outcome);
    void stopRun(quint64 id, bool wait);

    Gateway &m_gateway;
    quint64 m_next = 0;
    quint64 m_current = 0;  // the trial in flight; 0: none
    TrialOutcome m_pending; // who, where and what of the trial in flight
};

} // namespace gatehouse::gateway
