#include "ToolNamer.h"

#include "OperationIndex.h"

#include <QCryptographicHash>
#include <QHash>

namespace gatehouse::openapi {

namespace {

int alnumCount(QStringView text)
{
    int n = 0;
    for (const QChar c : text) {
        if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9'))
            ++n;
    }
    return n;
}

constexpr int kFullHash = 40; // hex digits of SHA-1

} // namespace

QString ToolNamer::defaultName(const QString &operationId, const QString &method,
                               const QString &path, bool *truncated)
{
    const QString name = OperationIndex::defaultToolName(operationId, method, path);
    // The snake_case conversion keeps every ASCII letter and digit, so fewer of them in the
    // result means it was cut to 64 characters.
    if (truncated) {
        const QString source = operationId.isEmpty() ? method + path : operationId;
        *truncated = alnumCount(source) > alnumCount(name);
    }
    return name;
}

QString ToolNamer::withHash(const QString &wanted, const QString &key, int hashLength)
{
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex().left(hashLength));
    QString stem = wanted.left(kMaxLength - 1 - hashLength);
    while (!stem.isEmpty() && (stem.back() == u'_' || stem.back() == u'-'))
        stem.chop(1);
    return stem.isEmpty() ? hash : stem + u'_' + hash;
}

QList<ToolNamer::Naming> ToolNamer::assign(const QList<Request> &requests)
{
    const qsizetype n = requests.size();
    QList<Naming> out(n);
    QList<int> hashLength(n, 0); // 0: no hash
    for (qsizetype i = 0; i < n; ++i) {
        const Request &r = requests.at(i);
        if (r.truncated) {
            hashLength[i] = kHashLength;
            out[i].name = withHash(r.wanted, r.key);
            out[i].note = tr("The name was cut to %1 characters; a hash of \"%2\" keeps it "
                             "unique.")
                              .arg(kMaxLength)
                              .arg(r.key);
        } else {
            out[i].name = r.wanted;
        }
    }
    // Resolve collisions by groups, so the outcome depends on the set of names only. Each round
    // lengthens the hashes of the names still colliding; full SHA-1 hashes of distinct keys differ.
    for (int round = 0; round < kFullHash; ++round) {
        QHash<QString, QList<qsizetype>> groups;
        for (qsizetype i = 0; i < n; ++i)
            groups[out.at(i).name].append(i);
        bool collided = false;
        for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
            const QList<qsizetype> &members = it.value();
            if (members.size() < 2)
                continue;
            collided = true;
            qsizetype owners = 0;
            qsizetype owner = -1;
            for (const qsizetype i : members) {
                if (requests.at(i).fromOverride && hashLength.at(i) == 0) {
                    ++owners;
                    owner = i;
                }
            }
            for (const qsizetype i : members) {
                if (owners == 1 && i == owner)
                    continue;
                const Request &r = requests.at(i);
                const int length =
                    hashLength.at(i) == 0 ? kHashLength : std::min(kFullHash, hashLength.at(i) + 2);
                if (hashLength.at(i) == 0) {
                    out[i].note = tr("\"%1\" is wanted by more than one operation; a hash of "
                                     "\"%2\" tells them apart.")
                                      .arg(r.wanted, r.key);
                }
                hashLength[i] = length;
                out[i].name = withHash(r.wanted, r.key, length);
            }
        }
        if (!collided)
            break;
    }
    return out;
}

} // namespace gatehouse::openapi
