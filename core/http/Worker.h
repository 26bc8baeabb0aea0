#pragma once

#include "http/Connection.h"

#include <QObject>
#include <QSet>

#include <memory>

namespace gatehouse::http {

// Owns the connections of one worker thread. Lives on that thread; the Server talks to it only
// through queued calls.
class Worker : public QObject
{
    Q_OBJECT
public:
    explicit Worker(std::shared_ptr<const ConnectionContext> context, QObject *parent = nullptr);
    ~Worker() override;

    void addConnection(qintptr descriptor);
    void beginShutdown();
    void abortAll();

Q_SIGNALS:
    void connectionClosed();

private:
    void onConnectionClosed(Connection *connection);

    std::shared_ptr<const ConnectionContext> m_context;
    QSet<Connection *> m_connections;
    bool m_shuttingDown = false;
};

} // namespace gatehouse::http
