#pragma once

#include <QList>
#include <QStringView>

namespace gatehouse::openapi {

// Finds an operation the way configuration names one: by operationId, or by "METHOD /path"
// (method case-insensitive). Op needs `operationId`, `method` and `path` QString members.
template <typename Op>
const Op *findOperation(const QList<Op> &operations, QStringView operationIdOrKey)
{
    for (const Op &operation : operations) {
        if (!operation.operationId.isEmpty() && operation.operationId == operationIdOrKey)
            return &operation;
    }
    const qsizetype space = operationIdOrKey.indexOf(u' ');
    if (space <= 0)
        return nullptr;
    const QStringView method = operationIdOrKey.left(space);
    const QStringView path = operationIdOrKey.mid(space + 1).trimmed();
    for (const Op &operation : operations) {
        if (operation.method.compare(method, Qt::CaseInsensitive) == 0 && operation.path == path)
            return &operation;
    }
    return nullptr;
}

} // namespace gatehouse::openapi
