#include "TestHttpServer.h"

#include <QHash>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace {

QByteArray response(int status, const QByteArray &body, const QByteArray &extraHeaders = {})
{
    return "HTTP/1.1 " + QByteArray::number(status) +
           " X\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" + extraHeaders +
           "\r\n" + body;
}

QByteArray headerValue(const QByteArray &head, const QByteArray &name)
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower())
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

class Handler : public QObject
{
public:
    explicit Handler(TestHttpServer *owner)
        : m_owner(owner)
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                m_owner->recordAccept();
                QObject::connect(socket, &QTcpSocket::readyRead, this,
                                 [this, socket] { onData(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                    m_buffers.remove(socket);
                    m_served.remove(socket);
                    socket->deleteLater();
                });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }

private:
    void onData(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buffer.left(end + 4);
            const qint64 length = headerValue(head, "content-length").toLongLong();
            if (buffer.size() < end + 4 + length)
                return;
            const QByteArray body = buffer.mid(end + 4, length);
            buffer.remove(0, end + 4 + length);
            m_owner->recordRequest(head);
            answer(socket, head, body);
        }
    }

    void answer(QTcpSocket *socket, const QByteArray &head, const QByteArray &body)
    {
        const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
        const QByteArray method = requestLine.value(0);
        const QUrl target(QString::fromLatin1(requestLine.value(1)));
        const QUrlQuery query(target);
        const QString path = target.path();
        const int n = query.queryItemValue(QStringLiteral("n")).toInt();
        const int served = m_served[socket]++;
        if (path == QLatin1String("/hello")) {
            socket->write(response(200, "hello", "Content-Type: text/plain\r\n"));
        } else if (path == QLatin1String("/echo")) {
            socket->write(response(200, body,
                                   "X-Method: " + method + "\r\nX-Request-Content-Type: " +
                                       headerValue(head, "content-type") + "\r\n"));
        } else if (path == QLatin1String("/head")) {
            socket->write(response(200, head));
        } else if (path == QLatin1String("/bytes")) {
            socket->write(response(200, QByteArray(n, 'x')));
        } else if (path == QLatin1String("/chunked")) {
            QByteArray out = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
            for (int left = n; left > 0; left -= 1000) {
                const int chunk = qMin(left, 1000);
                out += QByteArray::number(chunk, 16) + "\r\n" + QByteArray(chunk, 'y') + "\r\n";
            }
            socket->write(out + "0\r\n\r\n");
        } else if (path == QLatin1String("/headers")) {
            QByteArray extra;
            for (int i = 0; i < n; ++i)
                extra += "X-Filler-" + QByteArray::number(i) + ": " + QByteArray(86, 'h') + "\r\n";
            socket->write(response(200, "ok", extra));
        } else if (path == QLatin1String("/silent")) {
            // never answers
        } else if (path == QLatin1String("/stall")) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n0123456789");
        } else if (path == QLatin1String("/delay")) {
            const QPointer<QTcpSocket> guarded(socket);
            QTimer::singleShot(query.queryItemValue(QStringLiteral("ms")).toInt(), this, [guarded] {
                if (guarded)
                    guarded->write(response(200, "hello"));
            });
        } else if (path == QLatin1String("/redirect")) {
            const QByteArray code = query.queryItemValue(QStringLiteral("code")).toLatin1();
            const QByteArray to =
                query.queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded).toUtf8();
            socket->write(
                response(code.isEmpty() ? 302 : code.toInt(), "moved", "Location: " + to + "\r\n"));
        } else if (path == QLatin1String("/close-after")) {
            socket->write(response(200, "hello"));
            socket->disconnectFromHost();
        } else if (path == QLatin1String("/close-soon")) {
            socket->write(response(200, "hello"));
            const QPointer<QTcpSocket> guarded(socket);
            QTimer::singleShot(50, this, [guarded] {
                if (guarded)
                    guarded->disconnectFromHost();
            });
        } else if (path == QLatin1String("/first-only")) {
            if (served == 0)
                socket->write(response(200, "first"));
            else
                socket->abort();
        } else if (path == QLatin1String("/until-close")) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end");
            socket->disconnectFromHost();
        } else if (path == QLatin1String("/garbage")) {
            socket->write("NOT HTTP AT ALL\r\n\r\n");
            socket->disconnectFromHost();
        } else if (path == QLatin1String("/loop")) {
            socket->write(response(302, {}, "Location: /loop\r\n"));
        } else {
            socket->write(response(404, "not found"));
        }
    }

    TestHttpServer *m_owner;
    QHash<QTcpSocket *, QByteArray> m_buffers; // before m_server: its sockets die first
    QHash<QTcpSocket *, int> m_served;         // requests answered per connection
    QTcpServer m_server;
};

} // namespace

TestHttpServer::TestHttpServer()
{
    start();
    m_ready.acquire();
}

TestHttpServer::~TestHttpServer()
{
    quit();
    wait();
}

QUrl TestHttpServer::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:") + QString::number(m_port) + pathAndQuery);
}

QList<QByteArray> TestHttpServer::heads() const
{
    QMutexLocker lock(&m_mutex);
    return m_heads;
}

void TestHttpServer::recordRequest(const QByteArray &head)
{
    {
        QMutexLocker lock(&m_mutex);
        m_heads.append(head);
    }
    ++m_requests;
}

void TestHttpServer::run()
{
    Handler handler(this);
    const bool listening = handler.listen();
    m_port = listening ? handler.port() : 0;
    m_ready.release();
    if (listening)
        exec();
}
