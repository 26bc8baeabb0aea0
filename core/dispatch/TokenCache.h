#pragma once

#include "Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>

namespace gatehouse::dispatch {

// Upstream OAuth access tokens, shared by every worker thread: one per key (credential, user and
// token request), kept in memory only, never logged. A token is refreshed ahead of its expiry:
// a call after its refresh point still uses it while one fetch replaces it in the background, and
// a call after its expiry waits for a new one. At most one fetch per key is in flight; calls that
// need a token meanwhile wait for that fetch, on their own thread.
class TokenCache
{
    Q_DECLARE_TR_FUNCTIONS(TokenCache)

public:
    using Clock = std::chrono::steady_clock;

    struct Token
    {
        QByteArray value;
        Clock::time_point refreshAt; // from here on a call starts a fetch in the background
        Clock::time_point expiresAt; // from here on a call waits for a new token
    };
    // Delivers a token that is valid now, or the sentence that says why there is none.
    using Done = std::function<void(Result<QByteArray>)>;
    // Starts one fetch on the calling thread; calls `finished` exactly once, on that thread,
    // unless its context is detached first.
    using Fetch = std::function<void(std::function<void(Result<Token>)> finished)>;

    // The point to refresh a token that lives `lifetime`: a fifth of it, at most 60 s, before
    // it expires.
    static Token token(QByteArray value, std::chrono::seconds lifetime, Clock::time_point now);

    TokenCache();
    // Shuts down: see shutdown().
    ~TokenCache();
    TokenCache(const TokenCache &) = delete;
    TokenCache &operator=(const TokenCache &) = delete;

    // `done` runs on `context`'s thread: at once when a usable token is cached, else when the
    // fetch in flight (or `fetch`, started now) finishes. `context` lives on the calling thread.
    void acquire(const QString &key, QObject *context, const Fetch &fetch, Done done);
    // The upstream refused `token` (HTTP 401): forget it, unless a newer one replaced it already.
    void invalidate(const QString &key, const QByteArray &token);
    // `context` is being destroyed: its waiting calls are dropped, and fetches it started fail for
    // the calls of other threads that wait on them.
    void detach(QObject *context);

    // The gateway is stopping: waiting calls fail with a sentence that says so, a fetch in
    // flight is ignored when it finishes (its callback may outlive the cache), and later calls
    // fail at once. Waiters are told on their context's thread, as always.
    void shutdown();

    // For tests and metrics: fetches started so far.
    int fetchesStarted() const;

private:
    struct Waiter
    {
        QObject *context = nullptr;
        Done done;
    };
    struct Entry
    {
        Token token; // value empty: none
        bool fetching = false;
        QObject *fetcher = nullptr;
        quint64 fetch = 0; // which fetch is in flight
        QList<Waiter> waiters;
    };

    // Held by the cache and, weakly, by the callbacks of fetches in flight, which find it gone
    // once the cache is.
    struct State
    {
        mutable QMutex mutex;
        QHash<QString, Entry> entries;
        quint64 nextFetch = 0;
        int fetchesStarted = 0;
        bool closed = false;
    };

    void start(const QString &key, quint64 id, const Fetch &fetch);
    static void finish(State &state, const QString &key, quint64 id, const Result<Token> &result);
    static void post(const Waiter &waiter, const Result<QByteArray> &result);

    std::shared_ptr<State> m_state;
};

} // namespace gatehouse::dispatch
