#include "TokenCache.h"

#include <QMetaObject>

namespace gatehouse::dispatch {

TokenCache::TokenCache()
    : m_state(std::make_shared<State>())
{}

TokenCache::~TokenCache()
{
    shutdown();
}

TokenCache::Token TokenCache::token(QByteArray value, std::chrono::seconds lifetime,
                                    Clock::time_point now)
{
    const auto margin = std::min<Clock::duration>(std::chrono::seconds(60), lifetime / 5);
    return Token{std::move(value), now + lifetime - margin, now + lifetime};
}

void TokenCache::acquire(const QString &key, QObject *context, const Fetch &fetch, Done done)
{
    const Clock::time_point now = Clock::now();
    QByteArray cached;
    quint64 id = 0;
    {
        QMutexLocker lock(&m_state->mutex);
        if (m_state->closed) {
            post(Waiter{context, std::move(done)},
                 Error(ErrorCode::Unavailable, tr("The gateway is stopping; call the tool again "
                                                  "once it runs.")));
            return;
        }
        Entry &entry = m_state->entries[key];
        const bool usable = !entry.token.value.isEmpty() && now < entry.token.expiresAt;
        if (usable)
            cached = entry.token.value;
        else
            entry.waiters.append(Waiter{context, std::move(done)});
        if (!entry.fetching && (!usable || now >= entry.token.refreshAt)) {
            entry.fetching = true;
            entry.fetcher = context;
            entry.fetch = id = ++m_state->nextFetch;
            ++m_state->fetchesStarted;
        }
    }
    if (id != 0)
        start(key, id, fetch);
    if (!cached.isEmpty())
        done(std::move(cached));
}

void TokenCache::start(const QString &key, quint64 id, const Fetch &fetch)
{
    fetch([weak = std::weak_ptr<State>(m_state), key, id](Result<Token> result) {
        if (const std::shared_ptr<State> state = weak.lock())
            finish(*state, key, id, result);
    });
}

void TokenCache::finish(State &state, const QString &key, quint64 id, const Result<Token> &result)
{
    QMutexLocker lock(&state.mutex);
    const auto it = state.entries.find(key);
    if (it == state.entries.end() || !it->fetching || it->fetch != id)
        return;
    it->fetching = false;
    it->fetcher = nullptr;
    // A failed background refresh keeps the token that is still valid.
    if (result)
        it->token = *result;
    const Result<QByteArray> out =
        result ? Result<QByteArray>(result->value) : Result<QByteArray>(result.error());
    // Posted while the lock is held, so detach() cannot let a context go in between.
    for (const Waiter &waiter : std::as_const(it->waiters))
        post(waiter, out);
    it->waiters.clear();
}

void TokenCache::invalidate(const QString &key, const QByteArray &token)
{
    QMutexLocker lock(&m_state->mutex);
    const auto it = m_state->entries.find(key);
    if (it != m_state->entries.end() && it->token.value == token)
        it->token = Token{};
}

void TokenCache::detach(QObject *context)
{
    QMutexLocker lock(&m_state->mutex);
    for (Entry &entry : m_state->entries) {
        entry.waiters.removeIf([&](const Waiter &w) { return w.context == context; });
        if (entry.fetching && entry.fetcher == context) {
            entry.fetching = false;
            entry.fetcher = nullptr;
            const Result<QByteArray> stopped = Error(
                ErrorCode::Unavailable, tr("The gateway stopped the worker that was fetching "
                                           "the upstream access token; call the tool again."));
            for (const Waiter &waiter : std::as_const(entry.waiters))
                post(waiter, stopped);
            entry.waiters.clear();
        }
    }
}

void TokenCache::shutdown()
{
    QMutexLocker lock(&m_state->mutex);
    if (m_state->closed)
        return;
    m_state->closed = true;
    const Result<QByteArray> stopping = Error(
        ErrorCode::Unavailable, tr("The gateway is stopping; call the tool again once it runs."));
    for (Entry &entry : m_state->entries) {
        for (const Waiter &waiter : std::as_const(entry.waiters))
            post(waiter, stopping);
    }
    // Tokens go too: nothing is kept in memory longer than needed.
    m_state->entries.clear();
}

int TokenCache::fetchesStarted() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->fetchesStarted;
}

void TokenCache::post(const Waiter &waiter, const Result<QByteArray> &result)
{
    QMetaObject::invokeMethod(
        waiter.context, [done = waiter.done, result] { done(result); }, Qt::QueuedConnection);
}

} // namespace gatehouse::dispatch
