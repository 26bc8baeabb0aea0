#include "HostPolicy.h"

namespace gatehouse::gateway {

HostPolicy::HostPolicy(const QUrl &publicUrl, const QStringList &allowedHosts)
{
    m_hosts = {QStringLiteral("localhost"), QStringLiteral("127.0.0.1"), QStringLiteral("::1")};
    if (!publicUrl.host().isEmpty())
        m_hosts << publicUrl.host().toLower();
    for (const QString &host : allowedHosts)
        m_hosts << hostName(host.toUtf8());
}

QString HostPolicy::hostName(QByteArrayView host)
{
    QByteArrayView h = host.trimmed();
    if (h.startsWith('[')) {
        const qsizetype close = h.indexOf(']');
        return close < 0 ? QString() : QString::fromLatin1(h.sliced(1, close - 1)).toLower();
    }
    const qsizetype colon = h.lastIndexOf(':');
    if (colon >= 0 && h.indexOf(':') == colon)
        h = h.first(colon);
    return QString::fromLatin1(h).toLower();
}

bool HostPolicy::allowsHost(QByteArrayView host) const
{
    const QString name = hostName(host);
    return !name.isEmpty() && m_hosts.contains(name);
}

bool HostPolicy::allowsOrigin(QByteArrayView origin) const
{
    if (origin.isEmpty())
        return true;
    const QUrl url(QString::fromLatin1(origin));
    if (!url.isValid() || url.host().isEmpty())
        return false;
    return m_hosts.contains(url.host().toLower());
}

} // namespace gatehouse::gateway
