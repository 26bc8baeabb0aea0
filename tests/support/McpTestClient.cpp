#include "McpTestClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpSocket>

#include <future>

namespace gatehouse::test {

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &[n, v] : headers)
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

nlohmann::json HttpResponse::json() const
{
    return nlohmann::json::parse(body.toStdString(), nullptr, false);
}

namespace {

// A deliberately small HTTP/1.1 client: one request per connection, Content-Length or chunked.
// Blocking, so it runs on its own thread while this one keeps the gateway's accept loop going.
HttpResponse blockingRequest(quint16 port, const QByteArray &method, const QByteArray &path,
                             const QList<std::pair<QByteArray, QByteArray>> &headers,
                             const QByteArray &body, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs))
        return {};
    QByteArray out = method + ' ' + path + " HTTP/1.1\r\nConnection: close\r\n";
    bool host = false;
    for (const auto &[n, v] : headers) {
        out += n + ": " + v + "\r\n";
        host = host || n.compare("host", Qt::CaseInsensitive) == 0;
    }
    if (!host)
        out += "Host: 127.0.0.1\r\n";
    if (!body.isEmpty() || method == "POST")
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "\r\n" + body;
    socket.write(out);
    QByteArray in;
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs) {
        if (socket.waitForReadyRead(100))
            in += socket.readAll();
    }
    in += socket.readAll();
    HttpResponse response;
    const qsizetype headEnd = in.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return response;
    const QList<QByteArray> lines = in.left(headEnd).split('\n');
    response.status = lines.value(0).split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            response.headers.append(Field(line.left(colon), line.mid(colon + 1).trimmed()));
    }
    QByteArray rest = in.mid(headEnd + 4);
    if (response.header("transfer-encoding").contains("chunked")) {
        QByteArray decoded;
        while (true) {
            const qsizetype nl = rest.indexOf("\r\n");
            if (nl < 0)
                break;
            const int size = rest.left(nl).toInt(nullptr, 16);
            if (size == 0)
                break;
            decoded += rest.mid(nl + 2, size);
            rest = rest.mid(nl + 2 + size + 2);
        }
        response.body = decoded;
    } else {
        response.body = rest;
    }
    return response;
}

} // namespace

HttpResponse request(quint16 port, const QByteArray &method, const QByteArray &path,
                     const QList<Field> &headers, const QByteArray &body, int timeoutMs)
{
    auto future = std::async(std::launch::async, [=] {
        return blockingRequest(port, method, path, headers, body, timeoutMs);
    });
    while (future.wait_for(std::chrono::milliseconds(5)) != std::future_status::ready)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return future.get();
}

const QByteArray kInitialize =
    R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25",)"
    R"("capabilities":{},"clientInfo":{"name":"test","version":"1"}}})";

const QList<Field> kPostHeaders = {{"Content-Type", "application/json"},
                                   {"Accept", "application/json, text/event-stream"}};

QList<nlohmann::json> events(const QByteArray &body)
{
    QList<nlohmann::json> out;
    for (const QByteArray &line : body.split('\n'))
        if (line.startsWith("data:"))
            out << nlohmann::json::parse(line.mid(5).trimmed().toStdString(), nullptr, false);
    return out;
}

McpTestSession::McpTestSession(quint16 port, QByteArray server, QList<Field> extraHeaders)
    : m_port(port)
    , m_path("/mcp/" + server)
    , m_extraHeaders(std::move(extraHeaders))
{
    const HttpResponse init =
        request(m_port, "POST", m_path, kPostHeaders + m_extraHeaders, kInitialize);
    if (init.status != 200)
        return;
    m_session = init.header("mcp-session-id");
    post(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
}

HttpResponse McpTestSession::post(const QByteArray &body) const
{
    QList<Field> headers = kPostHeaders;
    headers.append(Field("Mcp-Session-Id", m_session));
    headers.append(Field("MCP-Protocol-Version", "2025-11-25"));
    headers.append(m_extraHeaders);
    return request(m_port, "POST", m_path, headers, body, 15000);
}

nlohmann::json McpTestSession::call(const QByteArray &method, const nlohmann::json &params)
{
    nlohmann::json message = {
        {"jsonrpc", "2.0"}, {"id", m_nextId++}, {"method", method.toStdString()}};
    if (!params.is_null())
        message["params"] = params;
    const HttpResponse r = post(QByteArray::fromStdString(message.dump()));
    if (r.header("content-type").startsWith("text/event-stream")) {
        const auto messages = events(r.body);
        return messages.isEmpty() ? nlohmann::json() : messages.last();
    }
    return r.json();
}

nlohmann::json McpTestSession::callTool(const QString &name, const nlohmann::json &arguments)
{
    const nlohmann::json response =
        call("tools/call", {{"name", name.toStdString()}, {"arguments", arguments}});
    if (response.contains("error"))
        return response["error"];
    return response.value("result", nlohmann::json());
}

} // namespace gatehouse::test
