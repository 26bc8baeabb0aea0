#pragma once

#include "Result.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace gatehouse::gateway {

struct ListenOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8787;
    QUrl publicUrl; // empty: derived from address and port
    bool tlsConfigured = false;
    bool behindProxy = false; // a TLS-terminating proxy in front (gateway.behind_proxy)
};

// The embedded gateway's lifecycle: the GUI's tray and status bar and `serve` drive it.
// This layer owns the listening socket and the state; the HTTP/1.1 server, the MCP endpoint and
// the worker threads plug in behind it (gateway-core issue). Until then it answers /healthz only.
class Gateway : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Stopped,
        Running,
        Failed
    };
    Q_ENUM(State)

    explicit Gateway(QObject *parent = nullptr);
    ~Gateway() override;

    // Refuses plain HTTP on a non-loopback address unless TLS or behind_proxy is set.
    static Status checkListenOptions(const ListenOptions &options);

    Status start(const ListenOptions &options);
    void stop();

    State state() const { return m_state; }
    QString errorString() const { return m_error; }
    // The base URL MCP clients use: {public_url}/mcp/{server}.
    QUrl baseUrl() const;
    quint16 port() const;

Q_SIGNALS:
    void stateChanged(gatehouse::gateway::Gateway::State state);

private:
    void setState(State state, const QString &error = {});
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);

    QTcpServer *m_server = nullptr;
    ListenOptions m_options;
    State m_state = State::Stopped;
    QString m_error;
};

} // namespace gatehouse::gateway
