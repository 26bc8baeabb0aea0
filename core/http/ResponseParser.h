#pragma once

#include "http/UpstreamRequest.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

namespace gatehouse::http {

// Incremental HTTP/1.1 response parser (RFC 9112) for the upstream client's own connections.
// Bytes are fed as they arrive, in pieces of any size; nothing is parsed twice. Interim 1xx
// responses are skipped (101 fails: no protocol switch is ever asked for). The body's framing
// follows RFC 9112 §6.3: none for HEAD, 204 and 304; chunked when Transfer-Encoding ends in
// chunked; Content-Length otherwise; else until the peer closes (finishAtEof()).
class ResponseParser
{
    Q_DECLARE_TR_FUNCTIONS(gatehouse::http::ResponseParser)
public:
    enum class Progress
    {
        NeedMore, // everything given was consumed; feed more (or finishAtEof() on close)
        Complete, // the response is complete: status(), takeHeaders(), takeBody()
        Failed,   // failure() and errorMessage(); the connection cannot be reused
    };
    enum class Failure
    {
        None,
        Malformed,       // not a valid HTTP/1.x response
        HeadersTooLarge, // header lines (interim responses and trailers included) over the limit
        BodyTooLarge,    // the body (or its announced Content-Length) over the limit
        Truncated,       // the peer closed before the response was complete
    };

    struct Limits
    {
        qint64 maxHeaderBytes = 64 * 1024;
        qint64 maxBodyBytes = 8 * 1024 * 1024;
    };

    // Prepares for the response to one request. headRequest: the request was HEAD, so the
    // response has no body whatever its headers say.
    void begin(bool headRequest, Limits limits);

    // Consumes bytes of the response. On Complete, *consumed tells how many bytes of `data`
    // belonged to it (bytes after a complete response are not consumed); on NeedMore all of
    // them were consumed.
    Progress feed(QByteArrayView data, qsizetype *consumed);
    // The peer closed the connection: completes a body delimited by the close, fails otherwise
    // (Truncated).
    Progress finishAtEof();

    int status() const { return m_status; }
    UpstreamHeaders takeHeaders() { return std::move(m_headers); }
    QByteArray takeBody() { return std::move(m_body); }
    // Whether the connection may carry another request after this response: false for
    // HTTP/1.0 without "Connection: keep-alive", "Connection: close", a body delimited by the
    // close, and Transfer-Encoding together with Content-Length (RFC 9112 §6.3).
    bool keepAlive() const { return m_keepAlive; }
    // Whether any byte of the response has arrived since begin().
    bool started() const { return m_started; }

    Failure failure() const { return m_failure; }
    const QString &errorMessage() const { return m_errorMessage; }

private:
    // Implementation state; see ResponseParser.cpp.
    enum class State
    {
        StatusLine,
        Headers,
        Body,
        UntilClose,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        Complete,
        Failed,
    };

    enum class Line
    {
        Ok,
        Incomplete,
        TooLong,
    };

    Line readLine(QByteArrayView data, qsizetype &pos, qint64 room, QByteArrayView &line,
                  qsizetype &rawLength);
    Progress lineArrived(QByteArrayView line);
    Progress fail(Failure failure, QString message);
    Progress parseStatusLine(QByteArrayView line);
    Progress parseFieldLine(QByteArrayView line, bool store);
    Progress finishHeaders();
    Progress parseChunkSize(QByteArrayView line);

    Limits m_limits;
    bool m_head = false;
    State m_state = State::StatusLine;
    QByteArray m_line; // a line split across feeds
    qint64 m_headerBytes = 0;
    qint64 m_remaining = 0;
    int m_status = 0;
    int m_minorVersion = 1;
    UpstreamHeaders m_headers;
    bool m_foldable = false; // a field line came before, so an obs-fold line may continue it
    QByteArray m_body;
    bool m_keepAlive = true;
    bool m_started = false;
    Failure m_failure = Failure::None;
    QString m_errorMessage;
};

} // namespace gatehouse::http
