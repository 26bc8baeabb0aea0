#pragma once

#include "http/Request.h"
#include "http/ServerLimits.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace gatehouse::http {

// Incremental, strict HTTP/1.1 request parser (RFC 9112). Bytes are appended as they arrive, in
// pieces of any size; a cursor remembers what was consumed so nothing is parsed twice. Several
// requests in one buffer (pipelining) come out one parse() call at a time.
class RequestParser
{
    Q_DECLARE_TR_FUNCTIONS(gatehouse::http::RequestParser)
public:
    enum class Progress
    {
        NeedMore,       // everything buffered was consumed; append more
        Request,        // a request is complete: takeRequest()
        ExpectContinue, // headers asked for 100 Continue and the body is wanted; call parse() again
        Failed,         // errorStatus()/errorMessage(); the connection must close
    };
    enum class Phase
    {
        Idle,    // between requests, no byte of the next one seen
        Headers, // inside the request line or the header block
        Body,    // inside the body (or chunked trailers)
    };

    explicit RequestParser(ServerLimits limits = {});

    void append(QByteArrayView data);
    void append(const QByteArray &data);
    Progress parse();
    Request takeRequest();

    Phase phase() const;
    qsizetype bufferedBytes() const { return m_buf.size() - m_pos; }
    int errorStatus() const { return m_errorStatus; }
    const QString &errorMessage() const { return m_errorMessage; }

private:
    enum class State
    {
        RequestLine,
        Headers,
        Body,
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
        BareLf,
    };

    Line nextLine(qsizetype maxLength, QByteArrayView &line);
    void compact();
    Progress fail(int status, QString message);
    Progress parseRequestLine(QByteArrayView line);
    Progress parseTarget(QByteArrayView target);
    Progress parseFieldLine(QByteArrayView line, Headers &into);
    Progress finishHeaders();
    Progress parseChunkSize(QByteArrayView line);

    ServerLimits m_limits;
    QByteArray m_buf;
    qsizetype m_pos = 0;  // first unconsumed byte
    qsizetype m_scan = 0; // where the search for the next LF resumes
    State m_state = State::RequestLine;
    Request m_request;
    qsizetype m_blockBytes = 0;
    int m_emptyLines = 0;
    qint64 m_bodyLimit = 0;
    qint64 m_remaining = 0; // of Content-Length or of the current chunk
    int m_errorStatus = 0;
    QString m_errorMessage;
};

} // namespace gatehouse::http
