#include "http/Connection.h"

#include "Logging.h"

#include <QSslSocket>
#include <QTcpSocket>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

namespace gatehouse::http {

namespace {

constexpr qint64 kReadBufferSize = 64 * 1024;
constexpr std::chrono::milliseconds kLinger{2000};
constexpr QByteArrayView kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

// RFC 9112 9.6: close the sending side only, keep reading until the client closes.
void shutdownWrite(qintptr descriptor)
{
#ifdef Q_OS_WIN
    ::shutdown(SOCKET(descriptor), SD_SEND);
#else
    ::shutdown(int(descriptor), SHUT_WR);
#endif
}

QHostAddress normalized(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 && address.protocol() == QAbstractSocket::IPv6Protocol ? QHostAddress(v4) : address;
}

} // namespace

Connection::Connection(std::shared_ptr<const ConnectionContext> context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
    , m_parser(m_context->options.limits)
    , m_timer(this)
    , m_keepAliveTimer(this)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Connection::onTimeout);
    m_keepAliveTimer.setInterval(m_context->options.sseKeepAlive);
    connect(&m_keepAliveTimer, &QTimer::timeout, this, &Connection::onKeepAliveTimer);
}

Connection::~Connection()
{
    if (m_finalized)
        return;
    m_finalized = true;
    if (m_admitted)
        m_context->tracker->release(m_peer);
    const auto slots = std::exchange(m_slots, {});
    for (const Slot &slot : slots) {
        if (const auto responder = slot.responder.lock())
            responder->connectionLost();
    }
}

bool Connection::start(qintptr descriptor)
{
    QSslSocket *ssl = nullptr;
    if (m_context->tls) {
        ssl = new QSslSocket(this);
        ssl->setSslConfiguration(*m_context->tls);
        m_socket = ssl;
        m_encrypted = true;
    } else {
        m_socket = new QTcpSocket(this);
    }
    m_socket->setReadBufferSize(kReadBufferSize);
    if (!m_socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcHttp) << "cannot take over an accepted socket:" << m_socket->errorString();
        m_finalized = true;
        return false;
    }
    connect(m_socket, &QIODevice::readyRead, this, &Connection::onReadyRead);
    connect(m_socket, &QIODevice::bytesWritten, this, [this] {
        if (m_closing && !m_encrypted && m_socket->bytesToWrite() == 0)
            shutdownWrite(m_socket->socketDescriptor());
    });
    connect(m_socket, &QAbstractSocket::disconnected, this, &Connection::finalize);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            finalize();
    });
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_peer = normalized(m_socket->peerAddress());

    const auto admission = m_context->tracker->acquire(m_peer);
    m_admitted = admission == ConnectionTracker::Admission::Admitted;
    if (ssl)
        ssl->startServerEncryption();
    if (!m_admitted) {
        qCInfo(lcHttp) << "refusing a connection from" << m_peer << "(connection limit)";
        failRequest(503, admission == ConnectionTracker::Admission::TooManyTotal
                             ? Response::tr("The server has too many open connections.")
                             : Response::tr("Too many open connections from your address."));
        return true;
    }
    updateTimer();
    return true;
}

bool Connection::isIdle() const
{
    return m_slots.empty() && m_parser.phase() != RequestParser::Phase::Body;
}

void Connection::beginShutdown()
{
    m_shuttingDown = true;
    if (m_finalized || m_closing)
        return;
    if (isIdle()) {
        closeAfterWrite();
        return;
    }
    if (!m_slots.empty())
        m_stopReading = true;
    // Streams never end on their own: end them now.
    std::vector<std::shared_ptr<Responder>> streams;
    for (const Slot &slot : m_slots) {
        if (slot.streaming) {
            if (auto responder = slot.responder.lock())
                streams.push_back(std::move(responder));
        }
    }
    for (const auto &responder : streams)
        responder->close();
    if (!m_finalized && !m_closing)
        updateTimer();
}

void Connection::abort()
{
    if (m_finalized)
        return;
    if (m_socket)
        m_socket->abort();
    finalize();
}

void Connection::onReadyRead()
{
    if (m_closing) {
        m_socket->readAll(); // lingering close: drain and discard
        return;
    }
    processInput();
}

void Connection::processInput()
{
    if (m_inProcess || m_closing || m_finalized)
        return;
    m_inProcess = true;
    const std::size_t maxPipelined = std::size_t(qMax(1, m_context->options.limits.maxPipelined));
    while (!m_stopReading && !m_closing && m_slots.size() < maxPipelined) {
        const auto progress = m_parser.parse();
        if (progress == RequestParser::Progress::NeedMore) {
            if (m_socket->bytesAvailable() <= 0)
                break;
            m_parser.append(m_socket->readAll());
        } else if (progress == RequestParser::Progress::ExpectContinue) {
            // RFC 9110 10.1.1: interim 100 once every earlier response is out.
            m_continuePending = true;
            if (m_slots.empty()) {
                m_socket->write(kContinue.data(), kContinue.size());
                m_continuePending = false;
            }
        } else if (progress == RequestParser::Progress::Failed) {
            failRequest(m_parser.errorStatus(), m_parser.errorMessage());
            break;
        } else {
            dispatch(m_parser.takeRequest());
        }
    }
    m_inProcess = false;
    updateTimer();
}

void Connection::dispatch(Request request)
{
    m_continuePending = false;
    ++m_requestCount;
    request.setPeer(m_peer, m_encrypted, m_context->options.trustedProxies);
    const bool last =
        m_requestCount >= m_context->options.limits.maxRequestsPerConnection || m_shuttingDown;
    const bool keepAlive = request.keepAlive() && !last;

    Slot slot;
    slot.id = m_nextId++;
    slot.close = !keepAlive;
    if (!keepAlive)
        m_stopReading = true;
    std::shared_ptr<Responder> responder(
        new Responder(this, slot.id, request.isHead(), request.versionMinor() == 0, keepAlive));
    slot.responder = responder;
    m_slots.push_back(std::move(slot));

    if (m_context->handler)
        m_context->handler(request, std::move(responder));
    else
        responder->respond(Response::error(404, Response::tr("Nothing is served here.")));
}

void Connection::failRequest(int status, const QString &message)
{
    qCDebug(lcHttp) << "answering" << status << "to" << m_peer << ":" << message;
    m_stopReading = true;
    m_continuePending = false;
    Slot slot;
    slot.id = m_nextId++;
    slot.pending = Response::error(status, message).serialize(false, "close", serverHeader());
    slot.finished = true;
    slot.close = true;
    m_slots.push_back(std::move(slot));
    flush();
}

Connection::Slot *Connection::findSlot(quint64 id)
{
    if (m_slots.empty() || id < m_slots.front().id)
        return nullptr;
    const std::size_t index = std::size_t(id - m_slots.front().id);
    return index < m_slots.size() ? &m_slots[index] : nullptr;
}

bool Connection::mustClose(quint64 id) const
{
    if (m_shuttingDown || m_closing)
        return true;
    for (const Slot &slot : m_slots) {
        if (slot.id == id)
            return slot.close;
    }
    return true;
}

void Connection::markStreaming(quint64 id)
{
    if (Slot *slot = findSlot(id))
        slot->streaming = true;
}

bool Connection::submit(quint64 id, QByteArray bytes, bool finished, bool close)
{
    if (m_finalized || m_closing)
        return false;
    Slot *slot = findSlot(id);
    if (!slot)
        return false;
    if (slot->pending.isEmpty())
        slot->pending = std::move(bytes);
    else
        slot->pending += bytes;
    slot->finished = slot->finished || finished;
    slot->close = slot->close || close;
    if (close)
        m_stopReading = true;
    flush();
    // A stream to a client that does not read would grow without bound.
    if (!finished && !m_finalized && m_socket->bytesToWrite() > m_context->options.maxWriteBuffer) {
        qCInfo(lcHttp) << "closing a connection whose client does not read:" << m_peer;
        abort();
    }
    return !m_finalized;
}

void Connection::flush()
{
    if (m_finalized || m_closing)
        return;
    while (!m_slots.empty()) {
        Slot &front = m_slots.front();
        if (!front.pending.isEmpty()) {
            m_socket->write(front.pending);
            front.pending.clear();
        }
        if (!front.finished)
            break;
        const bool close = front.close;
        m_slots.pop_front();
        if (close) {
            closeAfterWrite();
            return;
        }
    }
    if (m_slots.empty() && m_stopReading) {
        closeAfterWrite();
        return;
    }
    const bool streaming = !m_slots.empty() && m_slots.front().streaming;
    if (streaming && !m_keepAliveTimer.isActive())
        m_keepAliveTimer.start();
    else if (!streaming)
        m_keepAliveTimer.stop();
    if (m_continuePending && m_slots.empty()) {
        m_socket->write(kContinue.data(), kContinue.size());
        m_continuePending = false;
    }
    if (!m_inProcess)
        processInput();
}

void Connection::closeAfterWrite()
{
    if (m_closing || m_finalized)
        return;
    m_closing = true;
    m_stopReading = true;
    m_keepAliveTimer.stop();
    // Requests pipelined behind the closing response are never answered.
    const auto slots = std::exchange(m_slots, {});
    for (const Slot &slot : slots) {
        if (const auto responder = slot.responder.lock())
            responder->connectionLost();
    }
    m_timerMode = TimerMode::Closing;
    m_timer.start(qMin(kLinger, qMax(m_context->options.limits.headersTimeout, kLinger / 4)));
    if (m_encrypted) {
        m_socket->disconnectFromHost();
        return;
    }
    // RFC 9112 9.6: half-close, then read until the client closes, so that unread input does
    // not turn into a reset that destroys the response before the client reads it.
    if (m_socket->bytesToWrite() == 0)
        shutdownWrite(m_socket->socketDescriptor());
}

void Connection::finalize()
{
    if (m_finalized)
        return;
    m_finalized = true;
    m_timer.stop();
    m_keepAliveTimer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        if (m_socket->state() != QAbstractSocket::UnconnectedState)
            m_socket->abort();
    }
    if (m_admitted) {
        m_admitted = false;
        m_context->tracker->release(m_peer);
    }
    const auto slots = std::exchange(m_slots, {});
    for (const Slot &slot : slots) {
        if (const auto responder = slot.responder.lock())
            responder->connectionLost();
    }
    Q_EMIT closed();
}

void Connection::updateTimer()
{
    if (m_finalized || m_closing)
        return;
    const auto &limits = m_context->options.limits;
    TimerMode want = TimerMode::None;
    if (!m_stopReading && m_slots.size() < std::size_t(qMax(1, limits.maxPipelined))) {
        switch (m_parser.phase()) {
        case RequestParser::Phase::Headers:
            want = TimerMode::Headers;
            break;
        case RequestParser::Phase::Body:
            want = TimerMode::Body;
            break;
        case RequestParser::Phase::Idle:
            if (m_slots.empty())
                want = m_requestCount == 0 ? TimerMode::Headers : TimerMode::Idle;
            break;
        }
    }
    if (want == m_timerMode)
        return;
    m_timerMode = want;
    switch (want) {
    case TimerMode::None:
    case TimerMode::Closing:
        m_timer.stop();
        break;
    case TimerMode::Headers:
        m_timer.start(limits.headersTimeout);
        break;
    case TimerMode::Body:
        m_timer.start(limits.bodyTimeout);
        break;
    case TimerMode::Idle:
        m_timer.start(limits.idleTimeout);
        break;
    }
}

void Connection::onTimeout()
{
    switch (m_timerMode) {
    case TimerMode::Headers:
        failRequest(408, Response::tr("The request headers did not arrive in time."));
        break;
    case TimerMode::Body:
        failRequest(408, Response::tr("The request body did not arrive in time."));
        break;
    case TimerMode::Idle:
        closeAfterWrite();
        break;
    case TimerMode::Closing:
        abort();
        break;
    case TimerMode::None:
        break;
    }
}

void Connection::onKeepAliveTimer()
{
    if (m_slots.empty() || !m_slots.front().streaming || m_slots.front().finished) {
        m_keepAliveTimer.stop();
        return;
    }
    if (const auto responder = m_slots.front().responder.lock())
        responder->sendKeepAlive();
}

} // namespace gatehouse::http
