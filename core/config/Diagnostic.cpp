#include "Diagnostic.h"

#include <algorithm>

namespace gatehouse::config {

QString Diagnostic::toString() const
{
    QString out = file;
    if (line > 0)
        out += u':' + QString::number(line);
    if (!path.isEmpty())
        out += u' ' + path;
    return out + QStringLiteral(": ") + message;
}

bool hasErrors(const QList<Diagnostic> &diagnostics)
{
    return std::any_of(diagnostics.cbegin(), diagnostics.cend(),
                       [](const Diagnostic &d) { return d.isError(); });
}

} // namespace gatehouse::config
