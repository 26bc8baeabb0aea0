#pragma once

#include "mcp/JsonRpc.h"
#include "mcp/LogLevel.h"
#include "mcp/ToolProvider.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

namespace gatehouse::mcp {

// The server side of one MCP session, independent of the transport: decodes JSON-RPC, enforces
// the lifecycle, runs the method table and produces the bytes to send. State is small (phase,
// protocol version, log level, calls in flight), so a session can be rebuilt from a verified
// session id (resume()) on any instance, or run without a session at all
// (Options::requireInitialize = false, the stateless revision).
class ServerSession : public QObject
{
    Q_OBJECT
public:
    enum class Phase
    {
        New,          // nothing yet: only initialize and ping
        Initializing, // initialize answered, notifications/initialized not yet received
        Operating,
    };

    struct Options
    {
        QString serverName = QStringLiteral("gatehouse");
        QString serverTitle = QStringLiteral("Gatehouse");
        QString serverVersion = QStringLiteral(GATEHOUSE_VERSION);
        QString instructions; // optional, sent in the initialize result when set
        int pageSize = 100;   // tools per tools/list page
        // Signs tools/list cursors. Instances that share sessions must share it (derive it from
        // the session signing key); when empty, a random per-object key is used.
        QByteArray cursorKey;
        bool requireInitialize = true;
        LogLevel logLevel = LogLevel::Info; // until logging/setLevel
        JsonRpc::Limits limits;
    };

    // What the transport answers to one incoming body.
    struct Reply
    {
        enum class Kind
        {
            Accepted,   // only notifications/responses: 202, no body
            Response,   // body: a response object, or a batch array: 200 application/json (or
                        // the last SSE event when a stream was opened)
            Rejected,   // body: a JSON-RPC error for a malformed body: 400
            NoResponse, // every request in it was cancelled: end the stream with no response
        };
        Kind kind = Kind::Accepted;
        QByteArray body;
        int httpStatus = 202;
        qint64 retryAfterSeconds = 0; // with 429: when to try again (Retry-After)
        // Set when this body carried a successful initialize: the negotiated version, which the
        // transport binds into the MCP-Session-Id it returns.
        QString initializedVersion;
    };

    using MessageSink = std::function<void(const QByteArray &message)>;
    using ReplySink = std::function<void(const Reply &reply)>;

    // `provider` must outlive the session.
    ServerSession(ToolProvider *provider, Caller caller, Options options,
                  QObject *parent = nullptr);
    ServerSession(ToolProvider *provider, Caller caller, QObject *parent = nullptr)
        : ServerSession(provider, std::move(caller), Options{}, parent)
    {}
    ~ServerSession() override;

    // Continues a session that was initialized elsewhere (its id verified by SessionId).
    void resume(const QString &protocolVersion);
    // The caller of the requests from now on (the same subject; its token may differ).
    void setCaller(Caller caller) { m_caller = std::move(caller); }

    // Handles one body (one message, or a batch under 2025-03-26). `protocolVersion` is what the
    // transport resolved for this request (ProtocolVersion::resolve). `related` receives
    // notifications that belong to these requests (progress, logs), which the transport sends
    // on the request's SSE stream; `done` receives the reply exactly once. When `done` runs
    // before handle() returns, the transport can answer with plain JSON; otherwise it opens a
    // stream. Both sinks are dropped after `done`.
    // parsed: the body as JsonRpc::parse() gave it, when the caller parsed it already.
    void handle(QByteArrayView body, const QString &protocolVersion, MessageSink related,
                ReplySink done, std::optional<Json> parsed = std::nullopt);

    // Sends notifications/message when `level` passes the level set by the client.
    void log(LogLevel level, const QString &logger, const Json &data);

    Phase phase() const { return m_phase; }
    const QString &protocolVersion() const { return m_protocolVersion; }
    LogLevel logLevel() const { return m_logLevel; }
    qsizetype callsInFlight() const { return m_inFlight.size(); }

Q_SIGNALS:
    // A message not tied to any request (tools/list_changed, session logs): the transport sends it
    // on the standalone GET stream, or drops it when there is none.
    void notification(const QByteArray &message);

private:
    struct Exchange;
    struct Call;
    using Completion = std::function<void(std::optional<QByteArray> response)>;

    void dispatch(const std::shared_ptr<Exchange> &exchange, const JsonRpcMessage &request,
                  Completion complete);
    void notify(const JsonRpcMessage &notification);
    QByteArray initialize(const std::shared_ptr<Exchange> &exchange, const JsonRpcMessage &request);
    QByteArray listTools(const std::shared_ptr<Exchange> &exchange, const JsonRpcMessage &request);
    QByteArray setLevel(const JsonRpcMessage &request);
    void callTool(const std::shared_ptr<Exchange> &exchange, const JsonRpcMessage &request,
                  Completion complete);
    void onToolsChanged();

    QByteArray cursorFor(quint64 version, quint32 offset) const;
    Result<quint32> offsetFromCursor(const std::string &cursor, quint64 version) const;

    QPointer<ToolProvider> m_provider;
    Caller m_caller;
    Options m_options;
    Phase m_phase = Phase::New;
    QString m_protocolVersion;
    LogLevel m_logLevel;
    QHash<QString, std::shared_ptr<Call>> m_inFlight; // by request id text
};

} // namespace gatehouse::mcp
