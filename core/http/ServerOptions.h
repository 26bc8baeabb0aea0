#pragma once

#include "http/ServerLimits.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>

#include <chrono>

namespace gatehouse::http {

struct ServerOptions
{
    ServerLimits limits;
    int workerThreads = 0;                          // 0: QThread::idealThreadCount()
    std::chrono::milliseconds sseKeepAlive{15'000}; // ": keepalive" comment on open streams
    // Peers whose X-Forwarded-For / X-Forwarded-Proto are believed (reverse proxies).
    QList<QHostAddress> trustedProxies;
    // A stream whose client lets more than this much output pile up is disconnected.
    qint64 maxWriteBuffer = 8 * 1024 * 1024;
    QByteArray serverHeader; // sent as "Server" when not empty
};

} // namespace gatehouse::http
