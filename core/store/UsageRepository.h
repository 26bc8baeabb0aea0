#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace gatehouse::store {

class Database;

// Calls and cost per user, server and month. Also the shape of one increment to addBatch().
struct UsageCounter
{
    QString user;
    QString server;
    QString period; // "YYYY-MM"
    qint64 calls = 0;
    double cost = 0.0;

    bool operator==(const UsageCounter &) const = default;
};

class UsageRepository
{
    Q_DECLARE_TR_FUNCTIONS(UsageRepository)

public:
    explicit UsageRepository(Database &database);

    // Adds every increment in one transaction (group commit): all or none.
    Status addBatch(const QList<UsageCounter> &increments);
    // A counter that was never incremented reads as zero.
    Result<UsageCounter> get(const QString &user, const QString &server, const QString &period);
    Result<QList<UsageCounter>> listForPeriod(const QString &period);

private:
    Database &m_database;
};

} // namespace gatehouse::store
