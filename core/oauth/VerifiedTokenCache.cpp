#include "VerifiedTokenCache.h"

namespace gatehouse::oauth {

VerifiedTokenCache::VerifiedTokenCache(std::chrono::milliseconds maxAge)
    : m_maxAge(maxAge)
{}

VerifiedTokenCache::Shard &VerifiedTokenCache::shardOf(const QString &tokenHash) const
{
    // The key is a hex SHA-256: its last character is as good a spread as any hash of it.
    const char16_t last = tokenHash.isEmpty() ? u'0' : tokenHash.back().unicode();
    return m_shards[size_t(last) % shardCount];
}

std::shared_ptr<const store::TokenAccess> VerifiedTokenCache::find(const QString &tokenHash,
                                                                   quint64 generation) const
{
    Shard &shard = shardOf(tokenHash);
    QMutexLocker lock(&shard.mutex);
    const auto it = shard.entries.constFind(tokenHash);
    if (it == shard.entries.cend())
        return nullptr;
    if (it->generation != generation || Clock::now() - it->readAt >= m_maxAge)
        return nullptr;
    return it->access;
}

void VerifiedTokenCache::insert(const QString &tokenHash, const store::TokenAccess &access,
                                quint64 generation)
{
    insert(tokenHash, std::make_shared<const store::TokenAccess>(access), generation);
}

void VerifiedTokenCache::insert(const QString &tokenHash,
                                std::shared_ptr<const store::TokenAccess> access,
                                quint64 generation)
{
    const Clock::time_point now = Clock::now();
    Shard &shard = shardOf(tokenHash);
    QMutexLocker lock(&shard.mutex);
    if (shard.entries.size() >= shardCapacity && !shard.entries.contains(tokenHash)) {
        shard.entries.removeIf([&](const auto &entry) {
            return entry.value().generation != generation || now - entry.value().readAt >= m_maxAge;
        });
        // All fresh: many clients at once. Starting over costs one query per token.
        if (shard.entries.size() >= shardCapacity)
            shard.entries.clear();
    }
    shard.entries.insert(tokenHash, Entry{std::move(access), generation, now});
}

qsizetype VerifiedTokenCache::size() const
{
    qsizetype total = 0;
    for (const Shard &shard : m_shards) {
        QMutexLocker lock(&shard.mutex);
        total += shard.entries.size();
    }
    return total;
}

} // namespace gatehouse::oauth
