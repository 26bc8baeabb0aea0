#include "KeyFileKeyProvider.h"

#include "Logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gatehouse::secrets {

namespace {
constexpr qsizetype kMaxKeyFileBytes = 4096;

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

QString octal(mode_t mode)
{
    return QStringLiteral("%1").arg(uint(mode & 07777), 4, 8, QLatin1Char('0'));
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
}

// Quotes a path for a shell command the user may paste.
QString shellQuoted(const QString &path)
{
    QString quoted = path;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}
} // namespace

KeyFileKeyProvider::KeyFileKeyProvider(QString path)
    : m_path(std::move(path))
{}

QString KeyFileKeyProvider::describe() const
{
    return tr("the key file %1").arg(m_path);
}

Result<MasterKey> KeyFileKeyProvider::load()
{
    const QByteArray native = QFile::encodeName(m_path);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT)
            return Error(ErrorCode::NotFound, tr("the key file %1 does not exist").arg(m_path));
        return Error(error == EACCES ? ErrorCode::PermissionDenied : ErrorCode::Io,
                     tr("cannot open the key file %1: %2").arg(m_path, systemError(error)));
    }
    // The checks run on the opened file, so the file read is the file checked.
    struct stat info
    {};
    if (::fstat(fd, &info) != 0) {
        const int error = errno;
        ::close(fd);
        return Error(ErrorCode::Io,
                     tr("cannot inspect the key file %1: %2").arg(m_path, systemError(error)));
    }
    if (!S_ISREG(info.st_mode)) {
        ::close(fd);
        return Error(ErrorCode::Validation,
                     tr("the key file %1 is not a regular file").arg(m_path));
    }
    if (info.st_uid != ::geteuid()) {
        ::close(fd);
        return Error(ErrorCode::PermissionDenied,
                     tr("the key file %1 belongs to user id %2, not to the user Gatehouse runs as "
                        "(%3), so others may control it. Fix it with: chown %3 %4 && chmod 600 %4")
                         .arg(m_path)
                         .arg(info.st_uid)
                         .arg(::geteuid())
                         .arg(shellQuoted(m_path)));
    }
    if ((info.st_mode & 077) != 0) {
        ::close(fd);
        return Error(
            ErrorCode::PermissionDenied,
            tr("the key file %1 has mode %2, so other users can read or change it; it must "
               "be private to you (0600 or 0400). Fix it with: chmod 600 %3")
                .arg(m_path, octal(info.st_mode), shellQuoted(m_path)));
    }

    QByteArray content(kMaxKeyFileBytes + 1, Qt::Uninitialized);
    qsizetype total = 0;
    while (total < content.size()) {
        const ssize_t n = ::read(fd, content.data() + total, size_t(content.size() - total));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            wipe(content);
            return Error(ErrorCode::Io,
                         tr("cannot read the key file %1: %2").arg(m_path, systemError(error)));
        }
        if (n == 0)
            break;
        total += n;
    }
    ::close(fd);
    if (total > kMaxKeyFileBytes) {
        wipe(content);
        return Error(
            ErrorCode::Validation,
            tr("the key file %1 is larger than 4 KiB: it is not a master key file").arg(m_path));
    }
    Result<MasterKey> key =
        MasterKey::fromEncoded(QByteArrayView(content.constData(), total), describe());
    wipe(content);
    return key;
}

Status KeyFileKeyProvider::store(const MasterKey &key)
{
    if (QFileInfo::exists(m_path))
        return Error(ErrorCode::AlreadyExists,
                     tr("the key file %1 already exists and is never overwritten: move it away "
                        "first if you mean to replace the key (the data encrypted with it is lost "
                        "without it)")
                         .arg(m_path));
    const QFileInfo info(m_path);
    const QString directory = info.absolutePath();
    if (!QFileInfo(directory).isDir())
        return Error(ErrorCode::Io,
                     tr("cannot create the key file %1: the directory %2 does not exist")
                         .arg(m_path, directory));

    const QString temporary =
        directory + QStringLiteral("/.") + info.fileName() + QStringLiteral(".tmp-XXXXXX");
    QByteArray templ = QFile::encodeName(temporary);
    // mkstemp creates the file with mode 0600 whatever the umask.
    const int fd = ::mkostemp(templ.data(), O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        return Error(error == EACCES ? ErrorCode::PermissionDenied : ErrorCode::Io,
                     tr("cannot create the key file %1: %2").arg(m_path, systemError(error)));
    }
    auto fail = [&](const QString &what) -> Status {
        const int error = errno;
        ::close(fd);
        ::unlink(templ.constData());
        return Error(
            ErrorCode::Io,
            tr("cannot write the key file %1 (%2): %3").arg(m_path, what, systemError(error)));
    };
    if (::fchmod(fd, S_IRUSR | S_IWUSR) != 0)
        return fail(QStringLiteral("chmod"));
    QByteArray text = key.toBase64();
    text.append('\n');
    qsizetype written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.constData() + written, size_t(text.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            wipe(text);
            return fail(QStringLiteral("write"));
        }
        written += n;
    }
    wipe(text);
    if (::fsync(fd) != 0)
        return fail(QStringLiteral("fsync"));
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(templ.constData());
        return Error(ErrorCode::Io,
                     tr("cannot write the key file %1: %2").arg(m_path, systemError(error)));
    }
    // link() rather than rename(): it fails instead of replacing a file created meanwhile. Where
    // hard links are not supported, rename() (the existence check above still applies).
    const QByteArray target = QFile::encodeName(m_path);
    int placed = ::link(templ.constData(), target.constData());
    int placeError = errno;
    if (placed != 0 && placeError != EEXIST) {
        placed = ::rename(templ.constData(), target.constData());
        placeError = errno;
    }
    ::unlink(templ.constData());
    if (placed != 0)
        return Error(placeError == EEXIST ? ErrorCode::AlreadyExists : ErrorCode::Io,
                     tr("cannot create the key file %1: %2").arg(m_path, systemError(placeError)));
    if (const int dir = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_CLOEXEC);
        dir >= 0) {
        ::fsync(dir); // the new directory entry survives a crash too
        ::close(dir);
    }
    qCInfo(lcSecrets).noquote() << "wrote a new master key file" << m_path;
    return {};
}

} // namespace gatehouse::secrets
