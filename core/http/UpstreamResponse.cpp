#include "UpstreamResponse.h"

namespace gatehouse::http {

namespace {
bool sameName(const QByteArray &a, QByteArrayView b)
{
    return a.size() == b.size() && qstrnicmp(a.constData(), a.size(), b.data(), b.size()) == 0;
}
} // namespace

QByteArray UpstreamResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers)
        if (sameName(key, name))
            return value;
    return {};
}

QList<QByteArray> UpstreamResponse::headerValues(QByteArrayView name) const
{
    QList<QByteArray> values;
    for (const auto &[key, value] : headers)
        if (sameName(key, name))
            values.append(value);
    return values;
}

bool UpstreamResponse::hasHeader(QByteArrayView name) const
{
    for (const auto &header : headers)
        if (sameName(header.first, name))
            return true;
    return false;
}

} // namespace gatehouse::http
