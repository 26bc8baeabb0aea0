#include "http/ServerLimits.h"

namespace gatehouse::http {

qint64 ServerLimits::bodyLimitFor(QStringView path) const
{
    qint64 limit = maxBody;
    qsizetype best = -1;
    for (const BodyLimit &entry : bodyLimits) {
        if (entry.pathPrefix.size() > best && path.startsWith(entry.pathPrefix)) {
            best = entry.pathPrefix.size();
            limit = entry.maxBytes;
        }
    }
    return limit;
}

} // namespace gatehouse::http
