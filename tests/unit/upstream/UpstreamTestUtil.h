#pragma once

#include "http/UpstreamClient.h"

#include <QElapsedTimer>
#include <QtTest>

#include <optional>

namespace upstreamtest {

using gatehouse::Result;
using gatehouse::http::UpstreamClient;
using gatehouse::http::UpstreamRequest;
using gatehouse::http::UpstreamResponse;

inline UpstreamRequest get(const QUrl &url)
{
    UpstreamRequest request;
    request.url = url;
    return request;
}

// Sends one request and spins the event loop until its callback ran (or timeoutMs passed).
inline std::optional<Result<UpstreamResponse>> run(UpstreamClient &client, UpstreamRequest request,
                                                   int timeoutMs = 10000)
{
    std::optional<Result<UpstreamResponse>> result;
    client.send(std::move(request),
                [&result](Result<UpstreamResponse> r) { result = std::move(r); });
    QElapsedTimer timer;
    timer.start();
    while (!result && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return result;
}

inline QString message(const std::optional<Result<UpstreamResponse>> &r)
{
    if (!r)
        return QStringLiteral("no callback");
    return r->ok() ? QStringLiteral("ok, status ") + QString::number((*r)->status)
                   : r->error().message();
}

} // namespace upstreamtest
