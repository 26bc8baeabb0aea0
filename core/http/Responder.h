#pragma once

#include "http/Headers.h"
#include "http/Request.h"
#include "http/Response.h"

#include <QPointer>

#include <functional>
#include <memory>

namespace gatehouse::http {

class Connection;

// Answers one request. It belongs to the worker thread that ran the handler: call it there,
// now or later (keep the shared_ptr and answer from a timer or an upstream callback).
// Responses leave in request order whatever order handlers answer in. A responder dropped
// without an answer answers 500; a dropped stream is ended.
class Responder
{
public:
    ~Responder();
    Responder(const Responder &) = delete;
    Responder &operator=(const Responder &) = delete;

    void respond(Response response);

    // Starts a streamed response (Server-Sent Events when the Content-Type is text/event-stream,
    // which is the default). Streams are never cut by request timeouts; the server sends a
    // ": keepalive" comment on them at the configured interval.
    bool startStream(int status = 200, Headers headers = {});
    bool send(QByteArrayView data);
    // One SSE event: "event:", "id:" when given, one "data:" line per line of data.
    bool sendEvent(QByteArrayView data, QByteArrayView event = {}, QByteArrayView id = {});
    void close();

    // False once the client has gone or the connection was closed.
    bool isConnected() const;
    bool isStreaming() const { return m_state == State::Streaming; }
    bool isFinished() const { return m_state == State::Finished; }
    // Called (on the worker thread) when the client goes away before the answer is complete:
    // the place to abort upstream work.
    void onDisconnected(std::function<void()> callback);

private:
    friend class Connection;
    enum class State
    {
        Pending,
        Streaming,
        Finished,
    };

    Responder(Connection *connection, quint64 id, bool head, bool http10, bool keepAlive);
    void connectionLost();
    void sendKeepAlive();
    bool write(QByteArray bytes, bool finished, bool close);
    QByteArrayView connectionField(bool close) const;

    QPointer<Connection> m_connection;
    std::function<void()> m_onDisconnected;
    quint64 m_id;
    State m_state = State::Pending;
    bool m_head;
    bool m_http10;
    bool m_keepAlive;
    bool m_closeStream = false;
    bool m_lost = false;
};

// Runs on a worker thread, possibly on several at once: it must be thread-safe.
using Handler = std::function<void(const Request &, std::shared_ptr<Responder>)>;

} // namespace gatehouse::http
