#pragma once

#include "Result.h"
#include "SqlDialect.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <nlohmann/json.hpp>
#include <optional>

namespace gatehouse::store {

class Database;

// A prepared statement for the repositories, with the store's value encodings in one place:
// lists and structured values as JSON text, booleans as 0/1, times as unix milliseconds (UTC),
// absent as NULL.
class Query
{
public:
    Query(const Database &database, const QSqlDatabase &connection, const QString &sql);
    ~Query();
    Query(const Query &) = delete;
    Query &operator=(const Query &) = delete;

    Query &bind(const QString &placeholder, const QVariant &value);

    // On failure the error says "<action> failed" with the driver's reason; failure() tells a
    // unique or foreign-key violation apart so the caller can say something better.
    Status exec(const QString &action);
    SqlDialect::Failure failure() const { return m_failure; }

    bool next() { return m_query.next(); }
    int rowsAffected() const { return m_query.numRowsAffected(); }

    QString text(int column) const;
    std::optional<QString> optionalText(int column) const;
    qint64 integer(int column) const;
    std::optional<qint64> optionalInteger(int column) const;
    double real(int column) const;
    std::optional<double> optionalReal(int column) const;
    bool flag(int column) const;
    std::optional<bool> optionalFlag(int column) const;
    QDateTime time(int column) const;
    std::optional<QDateTime> optionalTime(int column) const;
    QStringList list(int column) const;
    std::optional<QStringList> optionalList(int column) const;
    // NULL, or a column that does not hold JSON (logged), reads as absent.
    std::optional<nlohmann::json> optionalJson(int column) const;

    static QVariant fromText(const QString &value);
    static QVariant fromText(const std::optional<QString> &value);
    static QVariant fromInteger(std::optional<qint64> value);
    static QVariant fromReal(std::optional<double> value);
    static QVariant fromFlag(bool value);
    static QVariant fromFlag(std::optional<bool> value);
    static QVariant fromTime(const QDateTime &value);
    static QVariant fromTime(const std::optional<QDateTime> &value);
    static QVariant fromList(const QStringList &value);
    static QVariant fromList(const std::optional<QStringList> &value);
    static QVariant fromJson(const std::optional<nlohmann::json> &value);

    static QString encodeList(const QStringList &value);
    static QStringList decodeList(const QString &json);

private:
    const Database &m_database;
    QSqlQuery m_query;
    QString m_sql;
    bool m_prepared = false;
    SqlDialect::Failure m_failure = SqlDialect::Failure::Other;
};

} // namespace gatehouse::store
