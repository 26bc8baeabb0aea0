#pragma once

#include "store/TokenRepository.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <array>
#include <chrono>
#include <memory>
#include <optional>

namespace gatehouse::oauth {

// What the store said about bearer tokens, kept for a moment so that a client's stream of calls
// does not cost a database query each. Only tokens the store knows are kept (an attacker's
// guesses never fill it). An entry is used only while the store's auth generation is the one it
// was read under, so a revocation, a disabled user or a revoked client in this process is seen by
// the next request; changes from another process (the command line, another instance on the same
// PostgreSQL database) are seen within maxAge. Expiry is still checked against the clock by the
// caller on every request. Thread-safe: the workers share one cache, in shards.
class VerifiedTokenCache
{
public:
    static constexpr std::chrono::milliseconds defaultMaxAge{1000};
    static constexpr int shardCount = 16;
    static constexpr qsizetype shardCapacity = 1024;

    explicit VerifiedTokenCache(std::chrono::milliseconds maxAge = defaultMaxAge);

    // Shared, not copied: the workers read the same entry on every request, and copying its
    // strings would make both cores write to their reference counts.
    std::shared_ptr<const store::TokenAccess> find(const QString &tokenHash,
                                                   quint64 generation) const;
    void insert(const QString &tokenHash, std::shared_ptr<const store::TokenAccess> access,
                quint64 generation);
    void insert(const QString &tokenHash, const store::TokenAccess &access, quint64 generation);

    qsizetype size() const;

private:
    using Clock = std::chrono::steady_clock;
    struct Entry
    {
        std::shared_ptr<const store::TokenAccess> access;
        quint64 generation = 0;
        Clock::time_point readAt;
    };
    struct Shard
    {
        mutable QMutex mutex;
        QHash<QString, Entry> entries;
    };

    Shard &shardOf(const QString &tokenHash) const;

    std::chrono::milliseconds m_maxAge;
    mutable std::array<Shard, shardCount> m_shards;
};

} // namespace gatehouse::oauth
