#pragma once

#include "Result.h"
#include "http/Responder.h"
#include "http/ServerOptions.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

class QThread;

namespace gatehouse::http {

class ConnectionTracker;
class Listener;
class Worker;
struct ConnectionContext;

// The HTTP/1.1 server. This object's thread accepts; each connection is handed to one of N
// worker threads, where it is parsed and where the handler runs.
class Server : public QObject
{
    Q_OBJECT
public:
    explicit Server(ServerOptions options = {}, QObject *parent = nullptr);
    ~Server() override;

    // Set before listen(); called on worker threads.
    void setHandler(Handler handler);
    const ServerOptions &options() const { return m_options; }

    Status listen(const QHostAddress &address, quint16 port,
                  std::optional<QSslConfiguration> tls = std::nullopt);
    bool isListening() const;
    quint16 serverPort() const;
    QHostAddress serverAddress() const;
    int workerCount() const { return int(m_workers.size()); }
    // Open connections, counted on the accepting thread.
    int connectionCount() const { return m_active; }

    // Stops at once: no more accepting, every connection dropped, worker threads joined.
    void close();
    // Stops gracefully: no more accepting, idle connections closed, requests in flight answered
    // (with Connection: close) until the deadline, then the rest dropped; emits finished().
    void shutdown(std::chrono::milliseconds deadline);

Q_SIGNALS:
    void finished();

private:
    void onDescriptor(qintptr descriptor);
    void onConnectionClosed(int worker);
    void maybeFinish();
    void stopWorkers();

    struct WorkerThread
    {
        QThread *thread = nullptr;
        Worker *worker = nullptr;
        int connections = 0;
    };

    ServerOptions m_options;
    Handler m_handler;
    Listener *m_listener = nullptr;
    std::shared_ptr<ConnectionTracker> m_tracker;
    std::vector<WorkerThread> m_workers;
    QTimer m_deadline;
    int m_active = 0;
    int m_nextWorker = 0;
    bool m_shuttingDown = false;
    bool m_acceptPaused = false;
};

} // namespace gatehouse::http
