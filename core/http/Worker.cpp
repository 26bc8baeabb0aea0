#include "http/Worker.h"

#include "Logging.h"

#include <QTcpSocket>

namespace gatehouse::http {

Worker::Worker(std::shared_ptr<const ConnectionContext> context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
{}

Worker::~Worker()
{
    abortAll();
}

void Worker::addConnection(qintptr descriptor)
{
    auto *connection = new Connection(m_context, this);
    connect(connection, &Connection::closed, this,
            [this, connection] { onConnectionClosed(connection); });
    m_connections.insert(connection);
    if (!connection->start(descriptor)) {
        QTcpSocket closer; // closes a descriptor that could not be taken over
        closer.setSocketDescriptor(descriptor);
        closer.abort();
        onConnectionClosed(connection);
        return;
    }
    if (m_shuttingDown)
        connection->beginShutdown();
}

void Worker::onConnectionClosed(Connection *connection)
{
    if (!m_connections.remove(connection))
        return;
    connection->deleteLater();
    Q_EMIT connectionClosed();
}

void Worker::beginShutdown()
{
    m_shuttingDown = true;
    const auto connections = m_connections;
    for (Connection *connection : connections) {
        if (m_connections.contains(connection))
            connection->beginShutdown();
    }
}

void Worker::abortAll()
{
    const auto connections = m_connections;
    for (Connection *connection : connections) {
        if (m_connections.contains(connection))
            connection->abort();
    }
    for (Connection *connection : std::as_const(m_connections))
        delete connection;
    m_connections.clear();
}

} // namespace gatehouse::http
