#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace gatehouse::openapi {

struct Operation
{
    QString method;      // upper case: GET, POST, ...
    QString path;        // as in the spec: /invoices/{invoice_id}
    QString operationId; // empty when the spec has none
    QStringList tags;
    QString toolName; // defaultToolName() of this operation

    // "METHOD /path", the other way configuration names an operation.
    QString key() const { return method + u' ' + path; }
    bool operator==(const Operation &) const = default;
};

// The operations of an OpenAPI 3.x or Swagger 2.0 document (JSON or YAML), read from `paths`
// only: enough for the configuration to check tool names and override keys. The full loader
// ($ref graph, parameters, schemas) lives elsewhere.
class OperationIndex
{
    Q_DECLARE_TR_FUNCTIONS(OperationIndex)

public:
    OperationIndex() = default;

    // displayName names the file in messages (e.g. the path as the configuration wrote it).
    static Result<OperationIndex> fromFile(const QString &path, const QString &displayName = {});
    static Result<OperationIndex> fromData(const QByteArray &data, const QString &displayName);

    const QList<Operation> &operations() const { return m_operations; }
    // By operationId, or by "METHOD /path" (method case-insensitive).
    const Operation *find(QStringView operationIdOrKey) const;

    // operationId in snake_case (createInvoice -> create_invoice, repos/get -> repos_get,
    // listHTTPThings -> list_http_things), or method_path without one (GET /invoices/{id} ->
    // get_invoices_id); always matches ^[A-Za-z0-9_-]{1,64}$.
    static QString defaultToolName(const QString &operationId, const QString &method,
                                   const QString &path);
    static bool isValidToolName(QStringView name);

    // An exclude pattern names operations by "METHOD /path" glob ("GET /internal/*", "* /admin*"),
    // or, without a space, by tag or operationId (glob too). '*' matches any run of characters,
    // '/' included; '?' matches one.
    static bool matches(const Operation &operation, const QString &pattern);
    // The first pattern that excludes the operation, or an empty string.
    static QString excludedBy(const Operation &operation, const QStringList &patterns);

private:
    QList<Operation> m_operations;
};

} // namespace gatehouse::openapi
