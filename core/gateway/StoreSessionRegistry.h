#pragma once

#include "mcp/SessionRegistry.h"

#include <QByteArray>
#include <QMutex>
#include <QSet>

namespace gatehouse::store {
class Database;
}

namespace gatehouse::gateway {

// Ended MCP sessions, kept in the store so instances sharing a database agree, and answered from
// memory because isEnded() runs on every request. Thread-safe; refresh() picks up what other
// instances ended.
class StoreSessionRegistry : public mcp::SessionRegistry
{
public:
    // database may be null: then the set lives in memory only.
    explicit StoreSessionRegistry(store::Database *database);

    bool isEnded(const QByteArray &nonce) const override;
    void markEnded(const QByteArray &nonce, const QDateTime &expiry) override;
    void refresh();

private:
    store::Database *m_database;
    mutable QMutex m_mutex;
    QSet<QByteArray> m_ended;
};

} // namespace gatehouse::gateway
