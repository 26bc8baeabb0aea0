#pragma once

#include "http/Headers.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace gatehouse::http {

// A complete response. Content-Length, Connection and Transfer-Encoding are set by the server;
// a handler that sets "Connection: close" gets the connection closed after this response.
class Response
{
    Q_DECLARE_TR_FUNCTIONS(gatehouse::http::Response)
public:
    Response() = default;
    explicit Response(int status, Headers headers = {}, QByteArray body = {})
        : m_status(status)
        , m_headers(std::move(headers))
        , m_body(std::move(body))
    {}

    static Response text(int status, QByteArray body);
    static Response json(int status, QByteArray body);
    // {"error": "<reason phrase>", "message": "<message>"}: what the server answers on bad input.
    static Response error(int status, const QString &message);

    int status() const { return m_status; }
    const Headers &headers() const { return m_headers; }
    Headers &headers() { return m_headers; }
    const QByteArray &body() const { return m_body; }
    void setStatus(int status) { m_status = status; }
    void setBody(QByteArray body) { m_body = std::move(body); }
    void setHeader(QByteArrayView name, QByteArray value) { m_headers.set(name, std::move(value)); }

    static QByteArray reasonPhrase(int status);
    static bool hasBody(int status) { return status >= 200 && status != 204 && status != 304; }

    // Status line, fields and body in one buffer. Fields that the server controls are replaced;
    // fields whose name is not a token or whose value holds CR, LF or NUL are dropped.
    // connection is the Connection field to send ("close", "keep-alive" or empty).
    QByteArray serialize(bool headRequest, QByteArrayView connection,
                         const QByteArray &serverHeader = {}) const;
    // The head of a streamed response: chunked on HTTP/1.1, close-delimited on HTTP/1.0.
    static QByteArray serializeStreamHead(int status, const Headers &headers, bool chunked,
                                          QByteArrayView connection,
                                          const QByteArray &serverHeader = {});

private:
    int m_status = 200;
    Headers m_headers;
    QByteArray m_body;
};

} // namespace gatehouse::http
