#pragma once

#include "http/UpstreamRequest.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>

#include <chrono>

namespace gatehouse::http {

struct UpstreamResponse
{
    int status = 0;
    UpstreamHeaders headers; // in arrival order, names as the upstream sent them
    QByteArray body;

    std::chrono::microseconds elapsed{0}; // from send() to completion, redirects included
    QHostAddress remoteAddress;           // the peer actually connected to (a proxy if one is used)
    quint16 remotePort = 0;
    bool connectionReused = false; // the final hop ran on a kept-alive connection
    int redirects = 0;             // same-origin redirects followed

    // First value of the field, case-insensitively (RFC 9110 §5.1); null when absent.
    QByteArray header(QByteArrayView name) const;
    QList<QByteArray> headerValues(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
};

} // namespace gatehouse::http
