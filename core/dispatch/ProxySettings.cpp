#include "ProxySettings.h"

#include <QRegularExpression>

namespace gatehouse::dispatch {

namespace {

QByteArray firstSet(const QProcessEnvironment &environment, std::initializer_list<QString> names)
{
    for (const QString &name : names) {
        const QString value = environment.value(name).trimmed();
        if (value.isEmpty())
            continue;
        // A bare "host:port" means an HTTP proxy, as curl reads it.
        return value.contains(u"://") ? value.toUtf8() : "http://" + value.toUtf8();
    }
    return {};
}

// "host", "host:port", "[v6]:port", "v6", "10.0.0.0/8" -> (host, port).
std::pair<QString, int> splitPort(const QString &entry)
{
    if (entry.startsWith(u'[')) {
        const qsizetype close = entry.indexOf(u']');
        if (close < 0)
            return {entry, -1};
        const QString host = entry.mid(1, close - 1);
        bool ok = false;
        const int port = entry.mid(close + 2).toInt(&ok);
        return {host, entry.mid(close + 1).startsWith(u':') && ok ? port : -1};
    }
    if (entry.count(u':') == 1) {
        bool ok = false;
        const int port = entry.section(u':', 1).toInt(&ok);
        if (ok)
            return {entry.section(u':', 0, 0), port};
    }
    return {entry, -1};
}

bool isLoopback(const QString &host)
{
    if (host == u"localhost" || host.endsWith(u".localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

ProxySettings ProxySettings::fromEnvironment(const QProcessEnvironment &environment)
{
    ProxySettings s;
    const QByteArray all =
        firstSet(environment, {QStringLiteral("all_proxy"), QStringLiteral("ALL_PROXY")});
    s.m_httpsProxy =
        firstSet(environment, {QStringLiteral("https_proxy"), QStringLiteral("HTTPS_PROXY")});
    s.m_httpProxy =
        firstSet(environment, {QStringLiteral("http_proxy"), QStringLiteral("HTTP_PROXY")});
    if (s.m_httpsProxy.isEmpty())
        s.m_httpsProxy = all;
    if (s.m_httpProxy.isEmpty())
        s.m_httpProxy = all;

    QString noProxy = environment.value(QStringLiteral("no_proxy"));
    if (noProxy.trimmed().isEmpty())
        noProxy = environment.value(QStringLiteral("NO_PROXY"));
    const QStringList entries =
        noProxy.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
    for (QString entry : entries) {
        entry = entry.toLower();
        if (entry == u"*") {
            s.m_excludeAll = true;
            continue;
        }
        Exclusion exclusion;
        if (entry.contains(u'/')) {
            exclusion.subnet = QHostAddress::parseSubnet(entry);
            if (exclusion.subnet.first.isNull())
                continue;
            s.m_exclusions.append(exclusion);
            continue;
        }
        auto [host, port] = splitPort(entry);
        exclusion.port = port;
        const QHostAddress address(host);
        if (!address.isNull()) {
            exclusion.subnet = {address,
                                address.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32};
        } else {
            if (host.startsWith(u"*."))
                host.remove(0, 2);
            else if (host.startsWith(u'.'))
                host.remove(0, 1);
            if (host.isEmpty())
                continue;
            exclusion.domain = host;
        }
        s.m_exclusions.append(exclusion);
    }
    return s;
}

bool ProxySettings::excluded(const QUrl &url) const
{
    if (m_excludeAll)
        return true;
    QString host = url.host().toLower();
    if (host.endsWith(u'.'))
        host.chop(1);
    if (isLoopback(host))
        return true;
    const QHostAddress address(host);
    const int port = url.port(url.scheme() == u"https" ? 443 : 80);
    for (const Exclusion &e : m_exclusions) {
        if (e.port >= 0 && e.port != port)
            continue;
        if (e.subnet.second >= 0) {
            if (!address.isNull() && address.isInSubnet(e.subnet))
                return true;
            continue;
        }
        if (host == e.domain || host.endsWith(u'.' + e.domain))
            return true;
    }
    return false;
}

QByteArray ProxySettings::proxyFor(const QUrl &url) const
{
    const QString scheme = url.scheme().toLower();
    const QByteArray &proxy = scheme == u"https"  ? m_httpsProxy
                              : scheme == u"http" ? m_httpProxy
                                                  : QByteArray();
    if (proxy.isEmpty() || excluded(url))
        return {};
    return proxy;
}

} // namespace gatehouse::dispatch
