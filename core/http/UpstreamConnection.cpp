#include "http/UpstreamConnection.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace gatehouse::http {

namespace {

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

UpstreamConnection::UpstreamConnection(Listener *listener, QObject *parent)
    : QObject(parent)
    , m_listener(listener)
{}

UpstreamConnection::~UpstreamConnection()
{
    close();
}

Status UpstreamConnection::connectTo(const QHostAddress &address, quint16 port)
{
    close();
    sockaddr_storage storage{};
    socklen_t length = 0;
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        auto *a = reinterpret_cast<sockaddr_in *>(&storage);
        a->sin_family = AF_INET;
        a->sin_port = htons(port);
        a->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    } else {
        auto *a = reinterpret_cast<sockaddr_in6 *>(&storage);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(a->sin6_addr.s6_addr, bytes.c, 16);
        const QString zone = address.scopeId();
        bool numeric = false;
        a->sin6_scope_id = zone.toUInt(&numeric);
        if (!zone.isEmpty() && !numeric)
            a->sin6_scope_id = ::if_nametoindex(zone.toLocal8Bit().constData());
        length = sizeof(sockaddr_in6);
    }
    m_fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0)
        return Error(ErrorCode::Unavailable,
                     tr("cannot create a socket: %1").arg(systemError(errno)));
    const int on = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    // TCP keepalive probes after 60 s idle, as libcurl sets them: a NAT or load balancer that
    // forgot the flow is noticed rather than found by the next request.
    const int keepIdle = 60, keepInterval = 60;
    ::setsockopt(m_fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_KEEPIDLE, &keepIdle, sizeof keepIdle);
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_KEEPINTVL, &keepInterval, sizeof keepInterval);
    m_peer = address;
    m_peerPort = port;
    m_requests = 0;
    m_error.clear();
    m_state = State::Connecting;
    m_read = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    m_read->setEnabled(false);
    connect(m_read, &QSocketNotifier::activated, this, [this] { onReadable(); });
    m_write = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
    connect(m_write, &QSocketNotifier::activated, this, [this] { onWritable(); });
    // Success or failure is learnt from the write notifier either way, so the listener is never
    // called from inside this function.
    if (::connect(m_fd, reinterpret_cast<sockaddr *>(&storage), length) != 0 &&
        errno != EINPROGRESS)
        m_error = systemError(errno);
    return {};
}

void UpstreamConnection::send(QByteArray request, bool headRequest, ResponseParser::Limits limits)
{
    Q_ASSERT(m_state == State::Idle);
    m_state = State::Busy;
    ++m_requests;
    m_out = std::move(request);
    m_written = 0;
    m_error.clear();
    m_parser.begin(headRequest, limits);
    flush();
}

bool UpstreamConnection::stillUsable(std::chrono::milliseconds peekAfter,
                                     std::chrono::milliseconds maxIdle)
{
    if (m_state != State::Idle)
        return false;
    const auto idle = std::chrono::steady_clock::now() - m_idleSince;
    if (idle > maxIdle)
        return false;
    if (idle < peekAfter)
        return true;
    char byte;
    const ssize_t n = ::recv(m_fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

void UpstreamConnection::close()
{
    if (m_fd < 0)
        return;
    // Notifiers are deleted later: close() may run inside one of their own signals.
    for (QSocketNotifier *n : {m_read, m_write}) {
        n->setEnabled(false);
        n->disconnect(this);
        n->deleteLater();
    }
    m_read = m_write = nullptr;
    ::close(m_fd);
    m_fd = -1;
    m_state = State::Closed;
    m_out.clear();
}

void UpstreamConnection::flush()
{
    while (m_written < m_out.size()) {
        const ssize_t n = ::send(m_fd, m_out.constData() + m_written,
                                 size_t(m_out.size() - m_written), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                m_write->setEnabled(true);
                return;
            }
            // Not reported from inside send(): the read side sees the reset or EOF, or the
            // write notifier fires again and finds the same error.
            m_error = systemError(errno);
            m_write->setEnabled(true);
            return;
        }
        m_written += n;
    }
    m_out.clear();
    m_written = 0;
    if (m_write->isEnabled())
        m_write->setEnabled(false);
    if (!m_read->isEnabled())
        m_read->setEnabled(true);
}

void UpstreamConnection::onWritable()
{
    if (m_state == State::Connecting) {
        int error = 0;
        socklen_t length = sizeof error;
        if (m_error.isEmpty() && ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0)
            error = errno;
        if (!m_error.isEmpty() || error != 0) {
            const QString reason = m_error.isEmpty() ? systemError(error) : m_error;
            close();
            m_error = reason;
            m_listener->connectionOpened(this, Error(ErrorCode::Unavailable, reason));
            return;
        }
        m_write->setEnabled(false);
        m_read->setEnabled(true);
        m_state = State::Idle;
        m_idleSince = std::chrono::steady_clock::now();
        m_listener->connectionOpened(this, {});
        return;
    }
    if (m_state != State::Busy)
        return;
    if (!m_error.isEmpty()) {
        failExchange(m_error);
        return;
    }
    flush();
}

void UpstreamConnection::onReadable()
{
    char buffer[16 * 1024];
    for (;;) {
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return;
            const QString reason = systemError(errno);
            if (m_state == State::Busy) {
                failExchange(
                    m_parser.started()
                        ? tr("the connection failed while the response was read (%1)").arg(reason)
                        : tr("the upstream closed the connection before answering (%1)")
                              .arg(reason));
            } else {
                close();
                m_listener->idleConnectionLost(this);
            }
            return;
        }
        if (m_state != State::Busy) {
            // Idle: a close (n == 0) or bytes no request asked for; either way it is done.
            close();
            m_listener->idleConnectionLost(this);
            return;
        }
        if (n == 0) {
            finish(m_parser.finishAtEof(), false);
            return;
        }
        qsizetype consumed = 0;
        const ResponseParser::Progress progress =
            m_parser.feed(QByteArrayView(buffer, qsizetype(n)), &consumed);
        if (progress == ResponseParser::Progress::NeedMore) {
            if (n < qsizetype(sizeof buffer))
                return; // the socket is drained; saves a recv that would say EAGAIN
            continue;
        }
        // Bytes after the response that nobody asked for: the connection is out of step.
        finish(progress, consumed < n);
        return;
    }
}

void UpstreamConnection::finish(ResponseParser::Progress progress, bool surplus)
{
    if (progress == ResponseParser::Progress::Complete && m_parser.keepAlive() && !surplus &&
        m_fd >= 0 && m_out.isEmpty()) {
        m_state = State::Idle;
        m_idleSince = std::chrono::steady_clock::now();
    } else {
        close();
    }
    m_listener->responseFinished(this, progress);
}

void UpstreamConnection::failExchange(const QString &message)
{
    close();
    m_error = message;
    m_listener->responseFinished(this, ResponseParser::Progress::Failed);
}

} // namespace gatehouse::http
