#include "RandomToken.h"

#include <QByteArray>
#include <QCryptographicHash>

#include <openssl/crypto.h>
#include <openssl/rand.h>

namespace gatehouse::oauth {

QString RandomToken::generate(QStringView prefix)
{
    QByteArray bytes(32, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), int(bytes.size())) != 1)
        qFatal("the system's random generator failed");
    return prefix.toString() + QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding |
                                                                  QByteArray::OmitTrailingEquals));
}

QString RandomToken::hash(QStringView secret)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex());
}

bool RandomToken::equal(QStringView a, QStringView b)
{
    const QByteArray x = a.toUtf8();
    const QByteArray y = b.toUtf8();
    return x.size() == y.size() && CRYPTO_memcmp(x.constData(), y.constData(), x.size()) == 0;
}

} // namespace gatehouse::oauth
