#include "SessionId.h"

#include "Hmac.h"
#include "Logging.h"
#include "ProtocolVersion.h"
#include "SessionRegistry.h"

#include <QtEndian>

namespace gatehouse::mcp {

namespace {
constexpr char kFormat = 0x01;
constexpr int kNonceBytes = 16;
constexpr int kSubjectBytes = 16;
constexpr int kTimeBytes = 8;
constexpr int kMacBytes = 32;
constexpr int kMaxVersionBytes = 32;
constexpr int kFixedBytes = 1 + kNonceBytes + kSubjectBytes + kTimeBytes + 1;
constexpr qsizetype kMaxIdChars = 256;
constexpr auto kBase64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
// Clocks of instances sharing a store may disagree a little.
constexpr qint64 kClockSkewSeconds = 300;

QByteArray macInput(QByteArrayView payload)
{
    QByteArray input = QByteArrayLiteral("gatehouse/mcp-session-id\0");
    input.append(payload);
    return input;
}

QByteArray subjectTag(QByteArrayView key, const QString &subject)
{
    QByteArray input = QByteArrayLiteral("gatehouse/mcp-session-subject\0");
    input.append(subject.toUtf8());
    return Hmac::sha256(key, input).left(kSubjectBytes);
}

Error notFound(const QString &why)
{
    return Error(
        ErrorCode::NotFound,
        QStringLiteral("unknown MCP session (%1): start a new session with initialize").arg(why));
}
} // namespace

SessionId::SessionId(Keys keys, SessionRegistry *registry, Options options)
    : m_keys(std::move(keys))
    , m_registry(registry)
    , m_options(std::move(options))
{}

QDateTime SessionId::now() const
{
    return m_options.clock ? m_options.clock() : QDateTime::currentDateTimeUtc();
}

bool SessionId::isWellFormed(const QString &id)
{
    if (id.isEmpty() || id.size() > kMaxIdChars)
        return false;
    for (const QChar c : id) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7E)
            return false;
    }
    return true;
}

Result<QString> SessionId::issue(const QString &subject, const QString &protocolVersion) const
{
    if (m_keys.current.size() < MinKeyBytes)
        return Error(ErrorCode::Internal,
                     QStringLiteral("the session signing key has %1 bytes; it needs at least %2")
                         .arg(m_keys.current.size())
                         .arg(MinKeyBytes));
    const QByteArray version = protocolVersion.toUtf8();
    if (version.isEmpty() || version.size() > kMaxVersionBytes)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("cannot bind a session to protocol version \"%1\"")
                         .arg(protocolVersion));
    const QByteArray nonce = Hmac::randomBytes(kNonceBytes);
    if (nonce.size() != kNonceBytes)
        return Error(ErrorCode::Internal, QStringLiteral("the system's random generator failed"));

    QByteArray payload;
    payload.reserve(kFixedBytes + version.size() + kMacBytes);
    payload.append(kFormat);
    payload.append(nonce);
    payload.append(subjectTag(m_keys.current, subject));
    char time[kTimeBytes];
    qToBigEndian<qint64>(now().toSecsSinceEpoch(), time);
    payload.append(time, kTimeBytes);
    payload.append(char(version.size()));
    payload.append(version);
    const QByteArray mac = Hmac::sha256(m_keys.current, macInput(payload));
    if (mac.size() != kMacBytes)
        return Error(ErrorCode::Internal, QStringLiteral("cannot sign the session id"));
    payload.append(mac);
    return QString::fromLatin1(payload.toBase64(kBase64));
}

Result<SessionInfo> SessionId::verify(const QString &id, const QString &subject) const
{
    if (!isWellFormed(id))
        return notFound(QStringLiteral("malformed id"));
    const auto decoded = QByteArray::fromBase64Encoding(
        id.toLatin1(), kBase64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() < kFixedBytes + kMacBytes ||
        decoded.decoded.at(0) != kFormat)
        return notFound(QStringLiteral("malformed id"));
    // Re-encoding must give back the same text, so no two strings name the same session.
    if (decoded.decoded.toBase64(kBase64) != id.toLatin1())
        return notFound(QStringLiteral("malformed id"));

    const QByteArray &raw = decoded.decoded;
    const QByteArrayView payload(raw.constData(), raw.size() - kMacBytes);
    const QByteArrayView mac(raw.constData() + payload.size(), kMacBytes);
    QByteArrayView key;
    for (const QByteArray *candidate : {&m_keys.current, &m_keys.previous}) {
        if (candidate->size() >= MinKeyBytes &&
            Hmac::equal(Hmac::sha256(*candidate, macInput(payload)), mac)) {
            key = *candidate;
            break;
        }
    }
    if (key.isEmpty())
        return notFound(QStringLiteral("bad signature"));

    const int versionBytes = static_cast<unsigned char>(payload.at(kFixedBytes - 1));
    if (payload.size() != kFixedBytes + versionBytes)
        return notFound(QStringLiteral("malformed id"));
    SessionInfo info;
    info.nonce = payload.sliced(1, kNonceBytes).toByteArray();
    const QByteArrayView tag = payload.sliced(1 + kNonceBytes, kSubjectBytes);
    const qint64 issued = qFromBigEndian<qint64>(payload.data() + 1 + kNonceBytes + kSubjectBytes);
    info.protocolVersion = QString::fromUtf8(payload.sliced(kFixedBytes, versionBytes));
    info.issuedAt = QDateTime::fromSecsSinceEpoch(issued, Qt::UTC);
    info.expiresAt = info.issuedAt.addSecs(m_options.maxAge.count());

    const QDateTime current = now();
    if (info.expiresAt <= current)
        return notFound(QStringLiteral("expired"));
    if (info.issuedAt > current.addSecs(kClockSkewSeconds))
        return notFound(QStringLiteral("issued in the future"));
    if (!ProtocolVersion::isSupported(info.protocolVersion))
        return notFound(QStringLiteral("protocol version no longer supported"));
    if (!Hmac::equal(subjectTag(key, subject), tag))
        return Error(ErrorCode::PermissionDenied,
                     QStringLiteral("this MCP session belongs to another caller: start your own "
                                    "session with initialize"));
    if (m_registry && m_registry->isEnded(info.nonce))
        return notFound(QStringLiteral("the session has ended"));
    return info;
}

Result<SessionInfo> SessionId::end(const QString &id, const QString &subject)
{
    Result<SessionInfo> info = verify(id, subject);
    if (info.ok() && m_registry) {
        m_registry->markEnded(info->nonce, info->expiresAt);
        qCDebug(lcMcp) << "session ended" << info->nonce.toHex();
    }
    return info;
}

} // namespace gatehouse::mcp
