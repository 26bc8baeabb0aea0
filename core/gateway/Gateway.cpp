#include "Gateway.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QTcpServer>
#include <QTcpSocket>

namespace gatehouse::gateway {

namespace {
constexpr qsizetype kMaxRequestHead = 16 * 1024; // SECURITY-CASES.md: header block limit

QByteArray response(int status, const QByteArray &reason, const QByteArray &body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
           "\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}
} // namespace

Gateway::Gateway(QObject *parent)
    : QObject(parent)
{}

Gateway::~Gateway()
{
    stop();
}

Status Gateway::checkListenOptions(const ListenOptions &options)
{
    if (options.address.isLoopback() || options.tlsConfigured)
        return {};
    if (options.behindProxy) {
        if (options.publicUrl.scheme() != QLatin1String("https"))
            return Error(ErrorCode::Validation,
                         QCoreApplication::translate(
                             "Gateway",
                             "gateway.behind_proxy is set but public_url %1 is not https: "
                             "set public_url to the proxy's https address")
                             .arg(options.publicUrl.toString()));
        return {};
    }
    return Error(ErrorCode::Validation,
                 QCoreApplication::translate(
                     "Gateway", "plain HTTP on %1 is refused because it is not a loopback address: "
                                "configure gateway.tls, set gateway.behind_proxy with an https "
                                "public_url, or listen on 127.0.0.1")
                     .arg(options.address.toString()));
}

Status Gateway::start(const ListenOptions &options)
{
    if (m_state == State::Running)
        stop();
    if (Status allowed = checkListenOptions(options); !allowed) {
        setState(State::Failed, allowed.error().message());
        return allowed;
    }
    m_options = options;
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::newConnection, this, &Gateway::onNewConnection);
    if (!m_server->listen(options.address, options.port)) {
        const QString why =
            QCoreApplication::translate("Gateway", "cannot listen on %1:%2: %3. Choose another "
                                                   "port or stop the program that uses it")
                .arg(options.address.toString())
                .arg(options.port)
                .arg(m_server->errorString());
        delete m_server;
        m_server = nullptr;
        setState(State::Failed, why);
        return Error(ErrorCode::Unavailable, why);
    }
    qCInfo(lcGateway) << "listening on" << baseUrl().toString();
    setState(State::Running);
    return {};
}

void Gateway::stop()
{
    if (m_server) {
        m_server->close();
        delete m_server;
        m_server = nullptr;
    }
    if (m_state != State::Stopped)
        setState(State::Stopped);
}

QUrl Gateway::baseUrl() const
{
    if (!m_options.publicUrl.isEmpty())
        return m_options.publicUrl;
    QUrl url;
    url.setScheme(m_options.tlsConfigured ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(m_options.address.toString());
    url.setPort(port());
    return url;
}

quint16 Gateway::port() const
{
    return m_server ? m_server->serverPort() : m_options.port;
}

void Gateway::setState(State state, const QString &error)
{
    m_error = error;
    if (state == m_state && error.isEmpty())
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void Gateway::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void Gateway::onReadyRead(QTcpSocket *socket)
{
    // Minimal request-line handling until the real HTTP server lands: enough for /healthz.
    const QByteArray head = socket->peek(kMaxRequestHead);
    const qsizetype lineEnd = head.indexOf("\r\n");
    if (lineEnd < 0) {
        if (head.size() >= kMaxRequestHead) {
            socket->write(response(414, "URI Too Long", R"({"error":"request line too long"})"));
            socket->disconnectFromHost();
        }
        return;
    }
    if (head.indexOf("\r\n\r\n") < 0)
        return;
    const QList<QByteArray> parts = head.left(lineEnd).split(' ');
    socket->readAll();
    if (parts.size() == 3 && parts[0] == "GET" && parts[1] == "/healthz")
        socket->write(response(200, "OK", R"({"status":"ok"})"));
    else
        socket->write(response(404, "Not Found", R"({"error":"not_found"})"));
    socket->disconnectFromHost();
}

} // namespace gatehouse::gateway
