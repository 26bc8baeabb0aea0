#pragma once

#include "http/ConnectionTracker.h"
#include "http/RequestParser.h"
#include "http/Responder.h"
#include "http/ServerOptions.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

#include <deque>
#include <memory>
#include <optional>

class QTcpSocket;

namespace gatehouse::http {

// What every connection of one server shares (read-only once listening).
struct ConnectionContext
{
    ServerOptions options;
    Handler handler;
    std::optional<QSslConfiguration> tls;
    std::shared_ptr<ConnectionTracker> tracker;
};

// One client connection on a worker thread: reads, parses, runs the handler, writes responses in
// request order, and enforces the timeouts. All state of the connection lives here.
class Connection : public QObject
{
    Q_OBJECT
public:
    Connection(std::shared_ptr<const ConnectionContext> context, QObject *parent = nullptr);
    ~Connection() override;

    // Takes the accepted socket descriptor; false when it cannot be used (then closed() follows).
    bool start(qintptr descriptor);
    // Graceful: finish what was received, answer it with Connection: close, end streams.
    void beginShutdown();
    void abort();

    const QHostAddress &peerAddress() const { return m_peer; }
    bool isIdle() const;

    // Used by Responder.
    bool submit(quint64 id, QByteArray bytes, bool finished, bool close);
    bool mustClose(quint64 id) const;
    void markStreaming(quint64 id);
    const QByteArray &serverHeader() const { return m_context->options.serverHeader; }

Q_SIGNALS:
    void closed();

private:
    enum class TimerMode
    {
        None,
        Headers,
        Body,
        Idle,
        Closing,
    };
    struct Slot
    {
        quint64 id = 0;
        std::weak_ptr<Responder> responder;
        QByteArray pending;
        bool finished = false;
        bool close = false;
        bool streaming = false;
    };

    void onReadyRead();
    void processInput();
    void dispatch(Request request);
    void failRequest(int status, const QString &message);
    void flush();
    void closeAfterWrite();
    void finalize();
    void updateTimer();
    void onTimeout();
    void onKeepAliveTimer();
    Slot *findSlot(quint64 id);

    std::shared_ptr<const ConnectionContext> m_context;
    QTcpSocket *m_socket = nullptr;
    RequestParser m_parser;
    std::deque<Slot> m_slots;
    QTimer m_timer;
    QTimer m_keepAliveTimer;
    QHostAddress m_peer;
    quint64 m_nextId = 1;
    int m_requestCount = 0;
    TimerMode m_timerMode = TimerMode::None;
    bool m_admitted = false;
    bool m_encrypted = false;
    bool m_stopReading = false; // a response will close the connection: parse no further
    bool m_closing = false;     // closing after the queued output is written
    bool m_finalized = false;
    bool m_shuttingDown = false;
    bool m_inProcess = false;
    bool m_continuePending = false;
};

} // namespace gatehouse::http
