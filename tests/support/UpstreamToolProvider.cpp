#include "UpstreamToolProvider.h"

namespace gatehouse::mcp::test {

UpstreamToolProvider::UpstreamToolProvider(QUrl upstream, QObject *parent)
    : ToolProvider(parent)
    , m_upstream(std::move(upstream))
    , m_client(this)
{}

ToolList UpstreamToolProvider::list(const Caller &)
{
    ToolList list;
    list.version = 1;
    ToolDescriptor fetch;
    fetch.name = QStringLiteral("fetch");
    fetch.description = QStringLiteral("Returns the upstream document.");
    fetch.inputSchema = QByteArrayLiteral(R"({"type":"object","properties":{}})");
    fetch.annotations = QByteArrayLiteral(R"({"readOnlyHint":true})");
    list.tools.push_back(fetch);
    return list;
}

void UpstreamToolProvider::call(const QString &name, const Json &, ToolCallContext context,
                                ToolCallback done)
{
    if (name != QLatin1String("fetch"))
        return done(Error(ErrorCode::NotFound, QStringLiteral("no tool named %1").arg(name)));
    http::UpstreamRequest request;
    request.url = m_upstream;
    auto handle = m_client.send(request, this, [done](Result<http::UpstreamResponse> response) {
        if (!response)
            return done(ToolResult::text(response.error().message(), true));
        // Escape the upstream JSON once into the text content; never parse it into a DOM.
        QByteArray result;
        result.reserve(response->body.size() + 64);
        result += QByteArrayLiteral(R"({"content":[{"type":"text","text":)");
        JsonRpc::appendString(result, response->body);
        result += response->status >= 400 ? QByteArrayLiteral(R"(}],"isError":true})")
                                          : QByteArrayLiteral("}]}");
        done(ToolResult{result});
    });
    context.cancellation.onCancelled([handle]() mutable { handle.abort(); });
}

} // namespace gatehouse::mcp::test
