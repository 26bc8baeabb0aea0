#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace gatehouse::openapi {

// Unique, valid tool names (^[A-Za-z0-9_-]{1,64}$) for a catalog. A name cut to 64 characters, or
// wanted by more than one operation, gets a short hash of its operation's "METHOD /path", so the
// names depend only on the set of operations, never on their order.
class ToolNamer
{
    Q_DECLARE_TR_FUNCTIONS(ToolNamer)

public:
    static constexpr int kMaxLength = 64;
    static constexpr int kHashLength = 6;

    struct Request
    {
        QString key;               // "METHOD /path": what the hash is taken of
        QString wanted;            // a valid name
        bool truncated = false;    // wanted was cut to kMaxLength from a longer name
        bool fromOverride = false; // the owner chose it: it keeps the name on a collision with
                                   // a generated one
    };
    struct Naming
    {
        QString name;
        QString note; // why the name differs from the wanted one; empty when it does not
    };

    // The OperationIndex::defaultToolName of an operation, and whether it had to be cut.
    static QString defaultName(const QString &operationId, const QString &method,
                               const QString &path, bool *truncated);
    // wanted cut so that "_" and hashLength hex digits of SHA-1(key) fit in kMaxLength.
    static QString withHash(const QString &wanted, const QString &key,
                            int hashLength = kHashLength);

    // One naming per request, in the same order.
    static QList<Naming> assign(const QList<Request> &requests);
};

} // namespace gatehouse::openapi
