#pragma once

#include "Result.h"
#include "http/ResponseParser.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHostAddress>
#include <QObject>

#include <chrono>

class QSocketNotifier;

namespace gatehouse::http {

// One HTTP/1.1 connection of UpstreamClient's own to a plain-HTTP upstream: a non-blocking TCP
// socket driven by the owning thread's event loop, carrying one request at a time and kept
// alive between them. It reads with one recv(2) per readiness and writes with one send(2) per
// request, and never polls a socket to learn whether it is still alive: an idle connection keeps
// its read notifier on, so a peer's close is seen when it happens (idleConnectionLost).
//
// The listener is called from the event loop, never from inside connectTo() or send(). Delete a
// connection with deleteLater() after close(), never from a listener call.
class UpstreamConnection : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(gatehouse::http::UpstreamConnection)
public:
    class Listener
    {
    public:
        // The connect finished: ok, or the reason it failed.
        virtual void connectionOpened(UpstreamConnection *connection, const Status &status) = 0;
        // The response to send()'s request is complete (Complete) or failed (Failed: the
        // parser's failure, or a socket error when failure() is None; see errorMessage()).
        virtual void responseFinished(UpstreamConnection *connection,
                                      ResponseParser::Progress progress) = 0;
        // An idle connection was closed by the peer or sent bytes nobody asked for.
        virtual void idleConnectionLost(UpstreamConnection *connection) = 0;

    protected:
        ~Listener() = default;
    };

    enum class State
    {
        Closed,
        Connecting,
        Idle,
        Busy,
    };

    UpstreamConnection(Listener *listener, QObject *parent);
    ~UpstreamConnection() override;

    // Starts a non-blocking connect (a closed connection may connect again, to the next address
    // of a host). Fails at once only when no socket can be made.
    Status connectTo(const QHostAddress &address, quint16 port);
    // Sends one request on an Idle connection and reads its response.
    void send(QByteArray request, bool headRequest, ResponseParser::Limits limits);
    void close();

    State state() const { return m_state; }
    ResponseParser &parser() { return m_parser; }
    // Why the last connect or exchange failed, when the parser has no failure of its own.
    const QString &errorMessage() const { return m_error; }
    // Whether the response left the connection fit for another request.
    bool reusable() const { return m_state == State::Idle; }
    int requestsSent() const { return m_requests; }
    // For an Idle connection about to carry a request: false when it has been idle longer than
    // maxIdle, or, once idle for peekAfter or longer, when the peer closed it or sent bytes
    // nobody asked for (one recv(MSG_PEEK); a connection in use is not checked, so the hot path
    // makes no extra system call). Closing an idle connection is what servers' keep-alive
    // timeouts do, and its FIN may not have reached this event loop yet.
    bool stillUsable(std::chrono::milliseconds peekAfter, std::chrono::milliseconds maxIdle);
    const QHostAddress &peerAddress() const { return m_peer; }
    quint16 peerPort() const { return m_peerPort; }

    // For the owner's bookkeeping (the transfer this connection carries, its pool).
    quint64 transferId = 0;
    QByteArray poolKey;

private:
    void onReadable();
    void onWritable();
    void flush();
    void finish(ResponseParser::Progress progress, bool surplus);
    void failExchange(const QString &message);

    Listener *m_listener;
    int m_fd = -1;
    State m_state = State::Closed;
    QSocketNotifier *m_read = nullptr;
    QSocketNotifier *m_write = nullptr;
    QByteArray m_out;
    qsizetype m_written = 0;
    ResponseParser m_parser;
    QString m_error;
    QHostAddress m_peer;
    quint16 m_peerPort = 0;
    int m_requests = 0;
    std::chrono::steady_clock::time_point m_idleSince;
};

} // namespace gatehouse::http
