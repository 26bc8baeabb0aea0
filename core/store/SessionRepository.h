#pragma once

#include "Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>

namespace gatehouse::store {

class Database;

// MCP session state that instances sharing one database must agree on: the keys that sign
// session ids and the sessions ended (DELETE) before they expired.
class SessionRepository
{
    Q_DECLARE_TR_FUNCTIONS(SessionRepository)

public:
    explicit SessionRepository(Database &database);

    // The named key; the first caller creates it from `generate` (32 random bytes), and every
    // later caller, on any instance, gets the same one.
    Result<QByteArray> key(const QString &name, const QByteArray &generate);

    Status markEnded(const QByteArray &nonce, const QDateTime &expiresAt);
    // Ended sessions that have not expired yet.
    Result<QList<QByteArray>> ended(const QDateTime &now);
    Result<int> purgeExpired(const QDateTime &now);

private:
    Database &m_database;
};

} // namespace gatehouse::store
