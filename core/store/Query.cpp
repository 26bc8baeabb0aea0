#include "Query.h"

#include "Database.h"
#include "Logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace gatehouse::store {

Query::Query(const Database &database, const QSqlDatabase &connection, const QString &sql)
    : m_database(database)
    , m_query(connection)
    , m_sql(sql)
{
    m_query.setForwardOnly(true);
    m_prepared = m_query.prepare(sql);
}

Query::~Query()
{
    m_database.finishStatement(std::move(m_query));
}

Query &Query::bind(const QString &placeholder, const QVariant &value)
{
    m_query.bindValue(placeholder, value);
    return *this;
}

Status Query::exec(const QString &action)
{
    if (m_prepared && m_query.exec()) {
        m_failure = SqlDialect::Failure::Other;
        return {};
    }
    const QSqlError error = m_query.lastError();
    m_failure = m_database.dialect().classify(error);
    qCDebug(lcStore) << "statement failed:" << m_sql << error.text();
    ErrorCode code = ErrorCode::Database;
    switch (m_failure) {
    case SqlDialect::Failure::UniqueViolation:
        code = ErrorCode::AlreadyExists;
        break;
    case SqlDialect::Failure::ForeignKeyViolation:
        code = ErrorCode::Conflict;
        break;
    case SqlDialect::Failure::Busy:
        code = ErrorCode::Unavailable;
        break;
    case SqlDialect::Failure::Other:
        break;
    }
    return Error(code, QCoreApplication::translate("Query", "%1 failed in the store database "
                                                            "'%2': %3.")
                           .arg(action, m_database.description(), error.text()));
}

QString Query::text(int column) const
{
    return m_query.value(column).toString();
}

std::optional<QString> Query::optionalText(int column) const
{
    const QVariant v = m_query.value(column);
    if (v.isNull())
        return std::nullopt;
    return v.toString();
}

qint64 Query::integer(int column) const
{
    return m_query.value(column).toLongLong();
}

std::optional<qint64> Query::optionalInteger(int column) const
{
    const QVariant v = m_query.value(column);
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}

double Query::real(int column) const
{
    return m_query.value(column).toDouble();
}

std::optional<double> Query::optionalReal(int column) const
{
    const QVariant v = m_query.value(column);
    if (v.isNull())
        return std::nullopt;
    return v.toDouble();
}

bool Query::flag(int column) const
{
    return m_query.value(column).toLongLong() != 0;
}

std::optional<bool> Query::optionalFlag(int column) const
{
    const QVariant v = m_query.value(column);
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong() != 0;
}

QDateTime Query::time(int column) const
{
    const QVariant v = m_query.value(column);
    if (v.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), QTimeZone::utc());
}

std::optional<QDateTime> Query::optionalTime(int column) const
{
    if (m_query.value(column).isNull())
        return std::nullopt;
    return time(column);
}

QStringList Query::list(int column) const
{
    return decodeList(m_query.value(column).toString());
}

std::optional<QStringList> Query::optionalList(int column) const
{
    const QVariant v = m_query.value(column);
    if (v.isNull())
        return std::nullopt;
    return decodeList(v.toString());
}

std::optional<nlohmann::json> Query::optionalJson(int column) const
{
    const QVariant v = m_query.value(column);
    if (v.isNull())
        return std::nullopt;
    nlohmann::json value = nlohmann::json::parse(v.toString().toStdString(), nullptr, false);
    if (value.is_discarded()) {
        qCWarning(lcStore) << "a JSON column holds something that is not JSON:" << v.toString();
        return std::nullopt;
    }
    return value;
}

QVariant Query::fromText(const QString &value)
{
    // A null QString would be bound as SQL NULL; a present-but-empty value must stay present.
    return value.isNull() ? QVariant(u""_s) : QVariant(value);
}

QVariant Query::fromText(const std::optional<QString> &value)
{
    return value ? fromText(*value) : QVariant(QMetaType::fromType<QString>());
}

QVariant Query::fromInteger(std::optional<qint64> value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

QVariant Query::fromReal(std::optional<double> value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<double>());
}

QVariant Query::fromFlag(bool value)
{
    return QVariant(value ? 1 : 0);
}

QVariant Query::fromFlag(std::optional<bool> value)
{
    return value ? fromFlag(*value) : QVariant(QMetaType::fromType<int>());
}

QVariant Query::fromTime(const QDateTime &value)
{
    return value.isValid() ? QVariant(value.toMSecsSinceEpoch())
                           : QVariant(QMetaType::fromType<qint64>());
}

QVariant Query::fromTime(const std::optional<QDateTime> &value)
{
    return value ? fromTime(*value) : QVariant(QMetaType::fromType<qint64>());
}

QVariant Query::fromList(const QStringList &value)
{
    return encodeList(value);
}

QVariant Query::fromList(const std::optional<QStringList> &value)
{
    return value ? QVariant(encodeList(*value)) : QVariant(QMetaType::fromType<QString>());
}

QVariant Query::fromJson(const std::optional<nlohmann::json> &value)
{
    return value ? QVariant(QString::fromStdString(
                       value->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)))
                 : QVariant(QMetaType::fromType<QString>());
}

QString Query::encodeList(const QStringList &value)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(value)).toJson(QJsonDocument::Compact));
}

QStringList Query::decodeList(const QString &json)
{
    if (json.isEmpty())
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    if (!doc.isArray()) {
        qCWarning(lcStore) << "a list column holds something that is not a JSON array:" << json;
        return {};
    }
    QStringList result;
    const QJsonArray array = doc.array();
    for (const QJsonValue &v : array)
        result.append(v.toString());
    return result;
}

} // namespace gatehouse::store
