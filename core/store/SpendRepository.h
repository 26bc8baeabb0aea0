#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace gatehouse::store {

class Database;

// One call's cost against the caps it counts toward: the calling token's own cap and the user's
// monthly spend on the server. The same request undoes a reservation (refund).
struct SpendRequest
{
    double cost = 0.0;
    QString tokenHash; // empty: no token cap applies
    QString user;      // empty: nothing is counted per user
    QString server;
    QString period;                // "YYYY-MM"
    std::optional<double> monthly; // the user's monthly cap on this server; absent: unlimited
};

struct SpendOutcome
{
    enum class Limit
    {
        None,    // reserved
        Token,   // the token's spend cap would be exceeded
        Monthly, // the user's monthly spend on the server would be exceeded
    };
    Limit limit = Limit::None;
    double cap = 0.0;   // the cap that refused it
    double spent = 0.0; // what had been spent against that cap

    bool reserved() const { return limit == Limit::None; }
};

// Spend caps, enforced in the database so that every instance sharing it sees one balance: a
// reservation is one conditional UPDATE per cap inside one transaction, durable before the
// upstream call fires.
class SpendRepository
{
    Q_DECLARE_TR_FUNCTIONS(SpendRepository)

public:
    explicit SpendRepository(Database &database);

    // Adds the cost to the token's spent amount and the user's monthly cost, or to neither when
    // either cap would be exceeded.
    Result<SpendOutcome> reserve(const SpendRequest &request);
    // Gives a reservation back (never below zero).
    Status refund(const SpendRequest &request);
    // What a token has spent so far (NotFound for an unknown token).
    Result<double> spentByToken(const QString &tokenHash);

private:
    Database &m_database;
};

} // namespace gatehouse::store
