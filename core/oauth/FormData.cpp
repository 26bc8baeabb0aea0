#include "FormData.h"

#include <QStringDecoder>

namespace gatehouse::oauth {

namespace {

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

std::optional<QString> decode(QByteArrayView raw)
{
    QByteArray bytes = raw.toByteArray();
    bytes.replace('+', ' ');
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '%' &&
            (i + 2 >= bytes.size() || !isHex(bytes[i + 1]) || !isHex(bytes[i + 2])))
            return std::nullopt;
    }
    const QByteArray decoded = QByteArray::fromPercentEncoding(bytes);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(decoded);
    if (utf8.hasError())
        return std::nullopt;
    return text;
}

} // namespace

Result<FormData> FormData::parse(QByteArrayView encoded)
{
    FormData form;
    int count = 0;
    for (QByteArrayView pair : QByteArray(encoded.toByteArray()).split('&')) {
        if (pair.isEmpty())
            continue;
        if (++count > maxParameters)
            return Error(ErrorCode::InvalidArgument,
                         tr("the request has more than %1 parameters").arg(maxParameters));
        const qsizetype equals = pair.indexOf('=');
        const auto name = decode(equals < 0 ? pair : pair.first(equals));
        const auto value = decode(equals < 0 ? QByteArrayView() : pair.sliced(equals + 1));
        if (!name || !value)
            return Error(
                ErrorCode::Parse,
                tr("a parameter is not form-encoded UTF-8 (bad %-escape or byte sequence)"));
        if (form.m_values.contains(*name))
            return Error(
                ErrorCode::InvalidArgument,
                tr("the parameter %1 is given more than once; send it once").arg(name->left(40)));
        form.m_values.insert(*name, *value);
    }
    // Empty values count as absent for OAuth, but a repeated empty one was still a duplicate.
    for (auto it = form.m_values.begin(); it != form.m_values.end();) {
        if (it->isEmpty())
            it = form.m_values.erase(it);
        else
            ++it;
    }
    return form;
}

QByteArray FormData::encode(const QString &value)
{
    return value.toUtf8().toPercentEncoding();
}

} // namespace gatehouse::oauth
