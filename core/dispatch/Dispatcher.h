#pragma once

#include "http/UpstreamClient.h"
#include "mcp/ToolProvider.h"
#include "openapi/Tool.h"

#include <QObject>

#include <memory>

namespace gatehouse::dispatch {

class SchemaValidator;
struct UpstreamCredential;

// One call's upstream: the tool, how to check its arguments, where its requests go and with
// which credential. The pointers stay valid while keepAlive is held.
struct DispatchTarget
{
    std::shared_ptr<const void> keepAlive;
    const openapi::Tool *tool = nullptr;
    const SchemaValidator *validator = nullptr; // null: arguments are not checked
    QString upstream;                           // the server's name, for messages
    QString baseUrl;
    std::shared_ptr<const UpstreamCredential> credential; // null: the call sends none
    QString credentialError; // set: the tool's credential cannot be used, and why
    const QMap<QString, openapi::SecurityScheme> *securitySchemes = nullptr;
};

// Runs tool calls against their upstream APIs on one thread: validates the arguments against
// the tool's inputSchema, builds the request, injects the credential, sends it with the
// thread's own libcurl client and turns the answer into a CallToolResult. Everything that goes
// wrong after the tool was found is a tool error (isError), so the model can read it and retry.
class Dispatcher : public QObject
{
    Q_OBJECT
public:
    explicit Dispatcher(QObject *parent = nullptr);
    ~Dispatcher() override;

    void call(DispatchTarget target, const nlohmann::json &arguments, mcp::ToolCallContext context,
              mcp::ToolCallback done);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace gatehouse::dispatch
