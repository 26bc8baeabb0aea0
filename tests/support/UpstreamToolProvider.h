#pragma once

#include "http/UpstreamClient.h"
#include "mcp/ToolProvider.h"

#include <QUrl>

namespace gatehouse::mcp::test {

// One tool, "fetch", that GETs a fixed upstream URL through the gateway's UpstreamClient and
// answers with the upstream body as text: the shape of a real tools/call (one upstream request,
// the answer spliced into the result without building a DOM), for end-to-end tests and the
// benchmark, until the OpenAPI issue's dispatcher takes this place.
class UpstreamToolProvider : public ToolProvider
{
    Q_OBJECT
public:
    explicit UpstreamToolProvider(QUrl upstream, QObject *parent = nullptr);

    ToolList list(const Caller &caller) override;
    void call(const QString &name, const Json &arguments, ToolCallContext context,
              ToolCallback done) override;

private:
    QUrl m_upstream;
    http::UpstreamClient m_client;
};

} // namespace gatehouse::mcp::test
