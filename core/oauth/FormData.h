#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace gatehouse::oauth {

// application/x-www-form-urlencoded parameters (a POST body or a query string), as OAuth reads
// them: a parameter given twice is an error (RFC 6749 section 3.1: "Request and response
// parameters MUST NOT be included more than once"), as is bad percent-encoding or UTF-8.
class FormData
{
    Q_DECLARE_TR_FUNCTIONS(FormData)

public:
    static constexpr int maxParameters = 64;

    static Result<FormData> parse(QByteArrayView encoded);

    bool has(const QString &name) const { return m_values.contains(name); }
    // Empty when absent; OAuth treats an empty parameter as absent (RFC 6749 section 3.1).
    QString value(const QString &name) const { return m_values.value(name); }
    const QHash<QString, QString> &values() const { return m_values; }

    // Encodes a parameter for a redirect's query or a form: RFC 3986 unreserved kept.
    static QByteArray encode(const QString &value);

private:
    QHash<QString, QString> m_values;
};

} // namespace gatehouse::oauth
