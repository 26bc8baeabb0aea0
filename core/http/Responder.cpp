#include "http/Responder.h"

#include "Logging.h"
#include "http/Connection.h"

#include <QThread>

namespace gatehouse::http {

Responder::Responder(Connection *connection, quint64 id, bool head, bool http10, bool keepAlive)
    : m_connection(connection)
    , m_id(id)
    , m_head(head)
    , m_http10(http10)
    , m_keepAlive(keepAlive)
{}

Responder::~Responder()
{
    if (!isConnected())
        return;
    if (m_state == State::Pending) {
        qCWarning(lcHttp) << "a handler dropped its responder without answering";
        respond(Response::error(500, Response::tr("The request was not answered.")));
    } else if (m_state == State::Streaming) {
        close();
    }
}

bool Responder::isConnected() const
{
    return !m_lost && !m_connection.isNull();
}

void Responder::onDisconnected(std::function<void()> callback)
{
    m_onDisconnected = std::move(callback);
}

void Responder::connectionLost()
{
    if (m_lost)
        return;
    m_lost = true;
    const bool unfinished = m_state != State::Finished;
    m_state = State::Finished;
    if (unfinished && m_onDisconnected) {
        const auto callback = std::move(m_onDisconnected);
        m_onDisconnected = nullptr;
        callback();
    }
}

QByteArrayView Responder::connectionField(bool close) const
{
    if (close)
        return "close";
    return m_http10 ? QByteArrayView("keep-alive") : QByteArrayView();
}

bool Responder::write(QByteArray bytes, bool finished, bool close)
{
    Q_ASSERT(!m_connection || m_connection->thread() == QThread::currentThread());
    if (!isConnected())
        return false;
    return m_connection->submit(m_id, std::move(bytes), finished, close);
}

void Responder::respond(Response response)
{
    if (m_state != State::Pending) {
        qCWarning(lcHttp) << "a request was answered twice; the second answer is ignored";
        return;
    }
    m_state = State::Finished;
    if (!isConnected())
        return;
    const bool close = !m_keepAlive || response.headers().hasToken("Connection", "close") ||
                       m_connection->mustClose(m_id);
    write(response.serialize(m_head, connectionField(close), m_connection->serverHeader()), true,
          close);
}

bool Responder::startStream(int status, Headers headers)
{
    if (m_state != State::Pending) {
        qCWarning(lcHttp) << "startStream() on a request that was already answered";
        return false;
    }
    if (!isConnected()) {
        m_state = State::Finished;
        return false;
    }
    if (!headers.contains("Content-Type"))
        headers.add("Content-Type", "text/event-stream");
    if (!headers.contains("Cache-Control"))
        headers.add("Cache-Control", "no-cache");
    // HTTP/1.0 has no chunked coding: the stream ends with the connection (RFC 9112 6.3).
    m_closeStream = m_http10 || !m_keepAlive || headers.hasToken("Connection", "close") ||
                    m_connection->mustClose(m_id);
    const QByteArray head = Response::serializeStreamHead(
        status, headers, !m_http10, connectionField(m_closeStream), m_connection->serverHeader());
    if (m_head) {
        m_state = State::Finished;
        return write(head, true, m_closeStream);
    }
    m_state = State::Streaming;
    m_connection->markStreaming(m_id);
    return write(head, false, false);
}

bool Responder::send(QByteArrayView data)
{
    if (m_state != State::Streaming || data.isEmpty())
        return m_state == State::Streaming && isConnected();
    if (m_http10)
        return write(data.toByteArray(), false, false);
    QByteArray chunk;
    chunk.reserve(data.size() + 12);
    chunk += QByteArray::number(data.size(), 16);
    chunk += "\r\n";
    chunk += data;
    chunk += "\r\n";
    return write(std::move(chunk), false, false);
}

bool Responder::sendEvent(QByteArrayView data, QByteArrayView event, QByteArrayView id)
{
    QByteArray out;
    out.reserve(data.size() + event.size() + id.size() + 32);
    // Field values must not contain line breaks (WHATWG HTML 9.2.5).
    if (!event.isEmpty() && !event.contains('\n') && !event.contains('\r'))
        out += "event: " + event.toByteArray() + '\n';
    if (!id.isEmpty() && !id.contains('\n') && !id.contains('\r'))
        out += "id: " + id.toByteArray() + '\n';
    qsizetype start = 0;
    do {
        qsizetype end = data.indexOf('\n', start);
        if (end < 0)
            end = data.size();
        QByteArrayView line = data.sliced(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        out += "data: ";
        out += line;
        out += '\n';
        start = end + 1;
    } while (start < data.size());
    out += '\n';
    return send(out);
}

void Responder::sendKeepAlive()
{
    send(": keepalive\n\n");
}

void Responder::close()
{
    if (m_state == State::Pending) {
        respond(Response(204));
        return;
    }
    if (m_state != State::Streaming)
        return;
    m_state = State::Finished;
    write(m_http10 ? QByteArray() : QByteArrayLiteral("0\r\n\r\n"), true, m_closeStream);
}

} // namespace gatehouse::http
