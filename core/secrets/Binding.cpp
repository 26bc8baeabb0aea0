#include "Binding.h"

#include <QCoreApplication>
#include <QtEndian>

namespace gatehouse::secrets {

namespace {
void appendField(QByteArray &out, const QString &field)
{
    const QByteArray utf8 = field.toUtf8();
    char length[4];
    qToBigEndian(quint32(utf8.size()), length);
    out.append(length, sizeof length);
    out.append(utf8);
}
} // namespace

QByteArray Binding::serialize() const
{
    QByteArray out("gatehouse-binding-v1");
    for (const QString *field : {&table, &row, &column, &owner})
        appendField(out, *field);
    return out;
}

QString Binding::describe() const
{
    const QString where = table + QLatin1Char('/') + row + QLatin1Char('/') + column;
    if (owner.isEmpty())
        return where;
    return QCoreApplication::translate("gatehouse::secrets::Binding", "%1 (owner %2)")
        .arg(where, owner);
}

} // namespace gatehouse::secrets
