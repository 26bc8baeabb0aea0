#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

namespace gatehouse::store {

class Database;

// What a user approved at the consent page, remembered so the same client asking for the same
// thing again is not asked twice. The key is the whole request: another client_id, redirect_uri,
// resource or set of scopes is asked again (the confused-deputy defence of the MCP security best
// practices).
struct Consent
{
    QString user;
    QString clientId;
    QString redirectUri;
    QString resource;
    QStringList scopes; // sorted and without duplicates when stored
    QDateTime grantedAt;

    bool operator==(const Consent &) const = default;
};

class ConsentRepository
{
    Q_DECLARE_TR_FUNCTIONS(ConsentRepository)

public:
    explicit ConsentRepository(Database &database);

    // Inserts or refreshes the consent; the user and client must exist.
    Status grant(const Consent &consent);
    Result<bool> has(const Consent &consent);
    Result<QList<Consent>> listForUser(const QString &user);
    Result<int> removeForClient(const QString &clientId);

private:
    Database &m_database;
};

} // namespace gatehouse::store
