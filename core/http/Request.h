#pragma once

#include "http/Headers.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>

namespace gatehouse::http {

// One parsed HTTP/1.x request (RFC 9112). Bytes stay bytes; only the path is decoded.
class Request
{
public:
    const QByteArray &method() const { return m_method; }
    // The request-target exactly as received (origin-, absolute- or asterisk-form).
    const QByteArray &target() const { return m_target; }
    // The percent-decoded path (UTF-8). Encoded '/' and NUL, invalid UTF-8 and dot segments are
    // refused by the parser, so the decoded path names the same resource as the raw one.
    const QString &path() const { return m_path; }
    const QByteArray &rawPath() const { return m_rawPath; }
    // The query without '?', not decoded; null when the target had none.
    const QByteArray &query() const { return m_query; }
    // The authority the request is for: the absolute-form target's, else the Host field's.
    const QByteArray &host() const { return m_host; }
    int versionMinor() const { return m_versionMinor; } // HTTP/1.<minor>
    QByteArray version() const;

    const Headers &headers() const { return m_headers; }
    QByteArray header(QByteArrayView name) const { return m_headers.value(name); }
    const Headers &trailers() const { return m_trailers; }
    const QByteArray &body() const { return m_body; }
    bool keepAlive() const { return m_keepAlive; }
    bool isHead() const { return m_method == "HEAD"; }

    // The TCP peer. clientAddress() is the peer unless the peer is a trusted proxy, in which
    // case it is the rightmost X-Forwarded-For entry that is not itself a trusted proxy.
    const QHostAddress &peerAddress() const { return m_peer; }
    const QHostAddress &clientAddress() const { return m_client; }
    // "https" on TLS, or X-Forwarded-Proto from a trusted proxy; else "http".
    const QByteArray &scheme() const { return m_scheme; }
    bool isEncrypted() const { return m_encrypted; }

    void setMethod(QByteArray v) { m_method = std::move(v); }
    void setTarget(QByteArray v) { m_target = std::move(v); }
    void setPath(QString v) { m_path = std::move(v); }
    void setRawPath(QByteArray v) { m_rawPath = std::move(v); }
    void setQuery(QByteArray v) { m_query = std::move(v); }
    void setHost(QByteArray v) { m_host = std::move(v); }
    void setVersionMinor(int v) { m_versionMinor = v; }
    void setHeaders(Headers v) { m_headers = std::move(v); }
    Headers &headers() { return m_headers; }
    Headers &trailers() { return m_trailers; }
    QByteArray &body() { return m_body; }
    void setBody(QByteArray v) { m_body = std::move(v); }
    void setKeepAlive(bool v) { m_keepAlive = v; }
    // Sets peer, client address and scheme; forwarded fields are read only from trusted peers.
    void setPeer(const QHostAddress &peer, bool encrypted,
                 const QList<QHostAddress> &trustedProxies = {});

private:
    QByteArray m_method;
    QByteArray m_target;
    QString m_path;
    QByteArray m_rawPath;
    QByteArray m_query;
    QByteArray m_host;
    Headers m_headers;
    Headers m_trailers;
    QByteArray m_body;
    QHostAddress m_peer;
    QHostAddress m_client;
    QByteArray m_scheme = QByteArrayLiteral("http");
    int m_versionMinor = 1;
    bool m_keepAlive = true;
    bool m_encrypted = false;
};

} // namespace gatehouse::http
