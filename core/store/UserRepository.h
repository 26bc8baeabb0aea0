#pragma once

#include "Origin.h"
#include "Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QStringList>

#include <optional>

namespace gatehouse::store {

class Database;

struct User
{
    QString name;
    std::optional<QString> passwordHash; // opaque, e.g. "scrypt$..."
    QStringList roles;                   // role names, in order
    std::optional<QString> plan;
    // The user's own limits, each over the plan's (absent: the plan's).
    std::optional<qint64> callsPerMonth;
    std::optional<qint64> ratePerMinute;
    std::optional<double> spendPerMonth;
    bool disabled = false;
    QDateTime createdAt; // set to now when invalid at insert; kept by upsert
    Origin origin = Origin::Local;

    bool operator==(const User &) const = default;
};

// Users and their role assignments; a user's own rules are in RoleRepository.
class UserRepository
{
    Q_DECLARE_TR_FUNCTIONS(UserRepository)

public:
    explicit UserRepository(Database &database);

    Result<QList<User>> list();
    Result<QList<User>> listByOrigin(Origin origin);
    Result<User> get(const QString &name);
    // Roles and plan must exist (NotFound otherwise).
    Status create(const User &user);
    Status upsert(const User &user);
    // Also removes the user's rules, OAuth clients and tokens.
    Status remove(const QString &name);

private:
    Status save(const User &user, bool replace);
    Result<QList<User>> select(const QString &where, const QVariant &value);

    Database &m_database;
};

} // namespace gatehouse::store
