#pragma once

#include <QByteArray>
#include <QList>

#include <nlohmann/json.hpp>
#include <utility>

// A deliberately small HTTP/1.1 client for tests that talk to a gateway running in the same
// process: one request per connection, Content-Length or chunked answers. Each request runs on
// its own thread while the calling thread keeps processing events (the gateway's accept loop).
namespace gatehouse::test {

using Field = std::pair<QByteArray, QByteArray>;

struct HttpResponse
{
    int status = 0;
    QList<Field> headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const;
    nlohmann::json json() const;
};

HttpResponse request(quint16 port, const QByteArray &method, const QByteArray &path,
                     const QList<Field> &headers = {}, const QByteArray &body = {},
                     int timeoutMs = 5000);

// The JSON-RPC messages of an SSE body, in order.
QList<nlohmann::json> events(const QByteArray &body);

extern const QByteArray kInitialize; // initialize at protocol 2025-11-25
extern const QList<Field> kPostHeaders;

// An initialized MCP session on /mcp/{server}: post() sends one JSON-RPC message with the
// session's headers and returns the response, whether it came as JSON or as an SSE stream.
class McpTestSession
{
public:
    // extraHeaders go with every request, e.g. Authorization.
    McpTestSession(quint16 port, QByteArray server, QList<Field> extraHeaders = {});
    bool isOpen() const { return !m_session.isEmpty(); }
    HttpResponse post(const QByteArray &body) const;
    // A request with this method and params; the JSON-RPC response (last message on a stream).
    nlohmann::json call(const QByteArray &method, const nlohmann::json &params = nullptr);
    // tools/call; the CallToolResult, or the JSON-RPC error object.
    nlohmann::json callTool(const QString &name, const nlohmann::json &arguments);

private:
    quint16 m_port;
    QByteArray m_path;
    QByteArray m_session;
    QList<Field> m_extraHeaders;
    int m_nextId = 2;
};

} // namespace gatehouse::test
