#include "http/Request.h"

namespace gatehouse::http {

namespace {

bool isTrusted(const QHostAddress &address, const QList<QHostAddress> &trusted)
{
    for (const QHostAddress &t : trusted) {
        if (t.isEqual(address, QHostAddress::TolerantConversion))
            return true;
    }
    return false;
}

} // namespace

QByteArray Request::version() const
{
    return QByteArrayLiteral("HTTP/1.") + QByteArray::number(m_versionMinor);
}

void Request::setPeer(const QHostAddress &peer, bool encrypted,
                      const QList<QHostAddress> &trustedProxies)
{
    m_peer = peer;
    m_client = peer;
    m_encrypted = encrypted;
    m_scheme = encrypted ? QByteArrayLiteral("https") : QByteArrayLiteral("http");
    if (trustedProxies.isEmpty() || !isTrusted(peer, trustedProxies))
        return;

    // Walk X-Forwarded-For from the right: each hop was appended by the proxy in front of us.
    const QList<QByteArray> hops = m_headers.combined("X-Forwarded-For").split(',');
    for (auto it = hops.crbegin(); it != hops.crend(); ++it) {
        const QByteArray hop = it->trimmed();
        QHostAddress address;
        if (hop.isEmpty() || !address.setAddress(QString::fromLatin1(hop)))
            break;
        m_client = address;
        if (!isTrusted(address, trustedProxies))
            break;
    }
    const QByteArray proto = m_headers.value("X-Forwarded-Proto").trimmed().toLower();
    if (proto == "https" || proto == "http")
        m_scheme = proto;
}

} // namespace gatehouse::http
