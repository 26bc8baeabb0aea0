#include "StoreSessionRegistry.h"

#include "Logging.h"
#include "store/SessionRepository.h"

namespace gatehouse::gateway {

StoreSessionRegistry::StoreSessionRegistry(store::Database *database)
    : m_database(database)
{
    refresh();
}

bool StoreSessionRegistry::isEnded(const QByteArray &nonce) const
{
    QMutexLocker lock(&m_mutex);
    return m_ended.contains(nonce);
}

void StoreSessionRegistry::markEnded(const QByteArray &nonce, const QDateTime &expiry)
{
    {
        QMutexLocker lock(&m_mutex);
        m_ended.insert(nonce);
    }
    if (!m_database)
        return;
    if (Status s = store::SessionRepository(*m_database).markEnded(nonce, expiry); !s.ok())
        qCWarning(lcGateway).noquote() << "cannot record an ended session:" << s.error().message();
}

void StoreSessionRegistry::refresh()
{
    if (!m_database)
        return;
    store::SessionRepository sessions(*m_database);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    [[maybe_unused]] const auto purged = sessions.purgeExpired(now);
    const auto ended = sessions.ended(now);
    if (!ended.ok()) {
        qCWarning(lcGateway).noquote() << "cannot read ended sessions:" << ended.error().message();
        return;
    }
    QSet<QByteArray> set(ended->cbegin(), ended->cend());
    QMutexLocker lock(&m_mutex);
    m_ended = std::move(set);
}

} // namespace gatehouse::gateway
