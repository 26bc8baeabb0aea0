#pragma once

#include "Result.h"
#include "http/UpstreamRequest.h"
#include "http/UpstreamResponse.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace gatehouse::http {

// Calls curl_global_init once per process (std::call_once; no object). UpstreamClient's
// constructor calls it; main() may call it early, before threads start. curl_global_cleanup is
// never called: the process exit releases what it holds.
void initialiseCurl();

// The upstream HTTP client that dispatch, OAuth and the spec loader share, driven by the owning
// thread's event loop. One per worker thread, created on that thread and used only there.
// Connections are kept alive and reused per host (one connection pool per client).
//
// Two transports behind one interface: plain http:// without a proxy runs on the client's own
// HTTP/1.1 connections (UpstreamConnection, ResponseParser), because libcurl's per-request work
// (its state machine, a liveness poll(2) of the reused connection and another poll before
// reading) cost more than the rest of a proxied tool call together; https and proxies go through
// libcurl's multi-socket API (QSocketNotifier per socket, one single-shot QTimer), with HTTP/2
// where a TLS upstream offers it. Both apply the same address policy, limits and timeouts.
//
// Callbacks run from the event loop, never from inside send(); a request that fails before
// reaching the network (bad URL, bad header) is reported on the next event-loop turn. Do not
// delete the client from a callback; use deleteLater().
class UpstreamClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(Result<UpstreamResponse>)>;

    struct Options
    {
        long maxHostConnections = 64;    // CURLMOPT_MAX_HOST_CONNECTIONS; more requests queue
        long maxTotalConnections = 0;    // CURLMOPT_MAX_TOTAL_CONNECTIONS; 0 = no limit
        long maxCachedConnections = 128; // CURLMOPT_MAXCONNECTS: idle keep-alive connections
        int maxIdleHandles = 32;         // finished easy handles kept for reuse
        // Plain http:// without a proxy on the client's own connections; false sends every
        // request through libcurl (tests run both).
        bool ownPlainHttp = true;
        // Host names answered from here instead of DNS, in this order (as CURLOPT_RESOLVE does;
        // own connections only). The address policy still judges every address.
        QHash<QString, QList<QHostAddress>> resolve;
    };

    // Identifies one request. abort() stops it: the easy handle is released at once and the
    // callback is never called afterwards (not even with an error). Aborting a finished,
    // already aborted or default-constructed handle does nothing. Copyable; safe to use after
    // the client is gone.
    class Handle
    {
    public:
        Handle() = default;
        void abort();
        bool isActive() const;

    private:
        friend class UpstreamClient;
        Handle(UpstreamClient *client, quint64 id)
            : m_client(client)
            , m_id(id)
        {}
        QPointer<UpstreamClient> m_client;
        quint64 m_id = 0;
    };

    explicit UpstreamClient(QObject *parent = nullptr);
    explicit UpstreamClient(Options options, QObject *parent = nullptr);
    // Pending requests are dropped without calling their callbacks.
    ~UpstreamClient() override;

    // `callback` is called exactly once, unless the request is aborted first.
    Handle send(UpstreamRequest request, Callback callback);
    // As above; the callback is skipped when `context` has been destroyed meanwhile.
    Handle send(UpstreamRequest request, QObject *context, Callback callback);

    // RFC 6454 origins (scheme, host, port) compared, as redirects are judged.
    static bool sameOrigin(const QUrl &a, const QUrl &b);

    int activeRequests() const;
    // TCP connections opened so far (each passed the address check); for metrics and tests.
    quint64 connectionsOpened() const;

private:
    struct Private;
    void abortRequest(quint64 id);
    bool isActive(quint64 id) const;

    std::unique_ptr<Private> d;
};

} // namespace gatehouse::http
