#include "http/Response.h"

#include "Logging.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace gatehouse::http {

namespace {

bool isReservedField(QByteArrayView name)
{
    return Headers::equalNames(name, "Content-Length") ||
           Headers::equalNames(name, "Transfer-Encoding") ||
           Headers::equalNames(name, "Connection") || Headers::equalNames(name, "Keep-Alive");
}

bool isSafeName(QByteArrayView name)
{
    if (name.isEmpty())
        return false;
    for (char c : name) {
        if (c <= ' ' || c >= 0x7F || c == ':' || c == '(' || c == ')' || c == ',' || c == '/' ||
            c == ';' || c == '<' || c == '=' || c == '>' || c == '?' || c == '@' || c == '[' ||
            c == '\\' || c == ']' || c == '{' || c == '}' || c == '"')
            return false;
    }
    return true;
}

bool isSafeValue(QByteArrayView value)
{
    for (char c : value) {
        if (c == '\r' || c == '\n' || c == '\0')
            return false;
    }
    return true;
}

void appendStatusLine(QByteArray &out, int status)
{
    out += "HTTP/1.1 ";
    out += QByteArray::number(status);
    out += ' ';
    out += Response::reasonPhrase(status);
    out += "\r\n";
}

void appendFields(QByteArray &out, const Headers &headers, const QByteArray &serverHeader)
{
    if (!serverHeader.isEmpty())
        out += "Server: " + serverHeader + "\r\n";
    for (const auto &[name, value] : headers.fields()) {
        if (isReservedField(name))
            continue;
        if (!isSafeName(name) || !isSafeValue(value)) {
            qCWarning(lcHttp) << "dropping a response header field with an invalid name or value";
            continue;
        }
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    }
}

void appendConnection(QByteArray &out, QByteArrayView connection)
{
    if (connection.isEmpty())
        return;
    out += "Connection: ";
    out += connection;
    out += "\r\n";
}

qsizetype fieldsSize(const Headers &headers)
{
    qsizetype n = 0;
    for (const auto &[name, value] : headers.fields())
        n += name.size() + value.size() + 4;
    return n;
}

} // namespace

Response Response::text(int status, QByteArray body)
{
    return Response(status, {{"Content-Type", "text/plain; charset=utf-8"}}, std::move(body));
}

Response Response::json(int status, QByteArray body)
{
    return Response(status, {{"Content-Type", "application/json"}}, std::move(body));
}

Response Response::error(int status, const QString &message)
{
    const QJsonObject object{
        {QStringLiteral("error"), QString::fromLatin1(reasonPhrase(status))},
        {QStringLiteral("message"), message},
    };
    Response response = json(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
    response.headers().add("Cache-Control", "no-store");
    return response;
}

QByteArray Response::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 417:
        return "Expectation Failed";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return status < 400 ? "OK" : status < 500 ? "Client Error" : "Server Error";
    }
}

QByteArray Response::serialize(bool headRequest, QByteArrayView connection,
                               const QByteArray &serverHeader) const
{
    const bool withBody = hasBody(m_status);
    QByteArray out;
    out.reserve(64 + serverHeader.size() + fieldsSize(m_headers) +
                ((withBody && !headRequest) ? m_body.size() : 0));
    appendStatusLine(out, m_status);
    appendFields(out, m_headers, serverHeader);
    if (withBody) {
        out += "Content-Length: ";
        out += QByteArray::number(m_body.size());
        out += "\r\n";
    }
    appendConnection(out, connection);
    out += "\r\n";
    if (withBody && !headRequest)
        out += m_body;
    return out;
}

QByteArray Response::serializeStreamHead(int status, const Headers &headers, bool chunked,
                                         QByteArrayView connection, const QByteArray &serverHeader)
{
    QByteArray out;
    out.reserve(96 + serverHeader.size() + fieldsSize(headers));
    appendStatusLine(out, status);
    appendFields(out, headers, serverHeader);
    if (chunked)
        out += "Transfer-Encoding: chunked\r\n";
    appendConnection(out, connection);
    out += "\r\n";
    return out;
}

} // namespace gatehouse::http
