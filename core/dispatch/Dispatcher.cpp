#include "Dispatcher.h"

#include "Logging.h"
#include "ProxySettings.h"
#include "RequestBuilder.h"
#include "ResultBuilder.h"
#include "SchemaValidator.h"
#include "UpstreamCredential.h"

namespace gatehouse::dispatch {

struct Dispatcher::Private
{
    explicit Private(QObject *owner)
        : client(owner)
        , proxy(ProxySettings::fromEnvironment())
    {}
    http::UpstreamClient client;
    ProxySettings proxy;
};

Dispatcher::Dispatcher(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{}

Dispatcher::~Dispatcher() = default;

void Dispatcher::call(DispatchTarget target, const nlohmann::json &arguments,
                      mcp::ToolCallContext context, mcp::ToolCallback done)
{
    const openapi::Tool &tool = *target.tool;
    const nlohmann::json args = arguments.is_null() ? nlohmann::json::object() : arguments;
    if (!args.is_object())
        return done(mcp::ToolResult::text(
            tr("the arguments of %1 must be a JSON object").arg(tool.name), true));
    if (target.validator) {
        const auto errors = target.validator->validate(args);
        if (!errors.isEmpty())
            return done(mcp::ToolResult::text(
                tr("%1 was not called: %2").arg(tool.name, SchemaValidator::describe(errors)),
                true));
    }
    if (!target.credentialError.isEmpty())
        return done(mcp::ToolResult::text(target.credentialError, true));
    if (target.baseUrl.isEmpty())
        return done(mcp::ToolResult::text(
            tr("%1 has no upstream address: the spec names no server, so the owner must set "
               "base_url for server %2")
                .arg(tool.name, target.upstream),
            true));

    static const QMap<QString, openapi::SecurityScheme> noSchemes;
    auto built =
        RequestBuilder::build(tool, args, target.baseUrl, target.credential.get(),
                              target.securitySchemes ? *target.securitySchemes : noSchemes);
    if (!built)
        return done(mcp::ToolResult::text(
            tr("%1 was not called: %2").arg(tool.name, built.error().message()), true));
    http::UpstreamRequest request = std::move(built).value();
    request.proxy = d->proxy.proxyFor(request.url);

    auto handle = d->client.send(
        std::move(request), this, [target, done](Result<http::UpstreamResponse> response) {
            if (!response) {
                qCInfo(lcDispatch).noquote() << target.upstream << target.tool->name
                                             << "failed:" << response.error().message();
                return done(
                    ResultBuilder::fromFailure(*target.tool, target.upstream, response.error()));
            }
            qCDebug(lcDispatch).noquote() << target.upstream << target.tool->name
                                          << response->status << response->elapsed.count() << "us";
            done(ResultBuilder::fromResponse(*target.tool, *response));
        });
    context.cancellation.onCancelled([handle]() mutable { handle.abort(); });
}

} // namespace gatehouse::dispatch
