#include "http/Server.h"

#include "Logging.h"
#include "http/Connection.h"
#include "http/ConnectionTracker.h"
#include "http/Listener.h"
#include "http/Worker.h"

#include <QThread>

namespace gatehouse::http {

namespace {

// Connections over the cap still get a 503; beyond this many more, accepting pauses.
constexpr int kRefusalSlack = 64;

} // namespace

Server::Server(ServerOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_deadline(this)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        qCInfo(lcHttp) << "shutdown deadline reached; dropping" << m_active << "connections";
        for (const WorkerThread &w : m_workers)
            QMetaObject::invokeMethod(w.worker, &Worker::abortAll, Qt::QueuedConnection);
    });
}

Server::~Server()
{
    close();
}

void Server::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

Status Server::listen(const QHostAddress &address, quint16 port,
                      std::optional<QSslConfiguration> tls)
{
    if (m_listener)
        return Error(ErrorCode::Conflict, tr("The HTTP server is already listening."));
    m_tracker = std::make_shared<ConnectionTracker>(m_options.limits.maxConnections,
                                                    m_options.limits.maxConnectionsPerAddress);
    auto context = std::make_shared<ConnectionContext>();
    context->options = m_options;
    context->handler = m_handler;
    context->tls = std::move(tls);
    context->tracker = m_tracker;

    m_listener = new Listener([this](qintptr descriptor) { onDescriptor(descriptor); }, this);
    m_listener->setMaxPendingConnections(m_options.limits.maxConnections);
    if (!m_listener->listen(address, port)) {
        const QString reason = m_listener->errorString();
        delete m_listener;
        m_listener = nullptr;
        return Error(
            ErrorCode::Io,
            tr("Cannot listen on %1 port %2: %3").arg(address.toString()).arg(port).arg(reason));
    }

    const int count = m_options.workerThreads > 0 ? m_options.workerThreads
                                                  : qMax(1, QThread::idealThreadCount());
    m_workers.reserve(std::size_t(count));
    for (int i = 0; i < count; ++i) {
        WorkerThread w;
        w.thread = new QThread(this);
        w.thread->setObjectName(QStringLiteral("http-worker-%1").arg(i));
        w.worker = new Worker(context);
        w.worker->moveToThread(w.thread);
        connect(w.worker, &Worker::connectionClosed, this, [this, i] { onConnectionClosed(i); });
        w.thread->start();
        m_workers.push_back(w);
    }
    m_shuttingDown = false;
    qCInfo(lcHttp) << "listening on" << m_listener->serverAddress() << m_listener->serverPort()
                   << (context->tls ? "(TLS)" : "") << "with" << count << "workers";
    return {};
}

bool Server::isListening() const
{
    return m_listener && m_listener->isListening();
}

quint16 Server::serverPort() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

QHostAddress Server::serverAddress() const
{
    return m_listener ? m_listener->serverAddress() : QHostAddress();
}

void Server::onDescriptor(qintptr descriptor)
{
    // Least-loaded worker, round-robin among equals.
    const int n = int(m_workers.size());
    int chosen = m_nextWorker % n;
    for (int k = 1; k < n; ++k) {
        const int i = (m_nextWorker + k) % n;
        if (m_workers[std::size_t(i)].connections < m_workers[std::size_t(chosen)].connections)
            chosen = i;
    }
    m_nextWorker = (chosen + 1) % n;
    WorkerThread &w = m_workers[std::size_t(chosen)];
    ++w.connections;
    ++m_active;
    Worker *worker = w.worker;
    QMetaObject::invokeMethod(
        worker, [worker, descriptor] { worker->addConnection(descriptor); }, Qt::QueuedConnection);
    if (m_active >= m_options.limits.maxConnections + kRefusalSlack && !m_acceptPaused) {
        qCWarning(lcHttp) << "too many connections; accepting paused";
        m_acceptPaused = true;
        m_listener->pauseAccepting();
    }
}

void Server::onConnectionClosed(int worker)
{
    if (worker < int(m_workers.size()))
        --m_workers[std::size_t(worker)].connections;
    --m_active;
    if (m_acceptPaused && m_active < m_options.limits.maxConnections && m_listener) {
        m_acceptPaused = false;
        m_listener->resumeAccepting();
    }
    maybeFinish();
}

void Server::shutdown(std::chrono::milliseconds deadline)
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    if (m_listener)
        m_listener->close();
    for (const WorkerThread &w : m_workers)
        QMetaObject::invokeMethod(w.worker, &Worker::beginShutdown, Qt::QueuedConnection);
    m_deadline.start(deadline);
    QMetaObject::invokeMethod(this, &Server::maybeFinish, Qt::QueuedConnection);
}

void Server::maybeFinish()
{
    if (!m_shuttingDown || m_active > 0 || m_workers.empty())
        return;
    m_deadline.stop();
    stopWorkers();
    delete m_listener;
    m_listener = nullptr;
    qCInfo(lcHttp) << "HTTP server stopped";
    Q_EMIT finished();
}

void Server::close()
{
    if (m_listener)
        m_listener->close();
    m_deadline.stop();
    stopWorkers();
    delete m_listener;
    m_listener = nullptr;
    m_active = 0;
}

void Server::stopWorkers()
{
    for (WorkerThread &w : m_workers) {
        Worker *worker = w.worker;
        worker->disconnect(this);
        QMetaObject::invokeMethod(
            w.worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
        w.thread->quit();
        w.thread->wait();
        delete w.thread;
    }
    m_workers.clear();
}

} // namespace gatehouse::http
