#include "KeyFileKeyProvider.h"

#include "Logging.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

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

class Descriptor
{
public:
    explicit Descriptor(int fd = -1)
        : m_fd(fd)
    {}
    Descriptor(Descriptor &&other) noexcept
        : m_fd(std::exchange(other.m_fd, -1))
    {}
    Descriptor &operator=(Descriptor &&other) noexcept
    {
        std::swap(m_fd, other.m_fd);
        return *this;
    }
    Descriptor(const Descriptor &) = delete;
    Descriptor &operator=(const Descriptor &) = delete;
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    int get() const { return m_fd; }
    // Closes now and reports close()'s error, which for a written file may be a write error.
    int close() { return ::close(std::exchange(m_fd, -1)); }

private:
    int m_fd;
};

// The directory a key file lives in, opened and checked: whoever can write it can replace the
// key file, so only this user (or root) may. The files are then opened relative to the opened
// directory, so the directory checked is the directory used.
Result<Descriptor> openDirectory(const QString &keyPath)
{
    const QString directory = QFileInfo(keyPath).absolutePath();
    Descriptor dir(
        ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() < 0) {
        const int error = errno;
        if (error == ENOENT)
            return Error(
                ErrorCode::NotFound,
                KeyFileKeyProvider::tr("the directory %1 of the key file %2 does not exist")
                    .arg(directory, keyPath));
        return Error(error == EACCES ? ErrorCode::PermissionDenied : ErrorCode::Io,
                     KeyFileKeyProvider::tr("cannot open the directory %1 of the key file %2: %3")
                         .arg(directory, keyPath, systemError(error)));
    }
    struct stat info
    {};
    if (::fstat(dir.get(), &info) != 0) {
        const int error = errno;
        return Error(ErrorCode::Io, KeyFileKeyProvider::tr(
                                        "cannot inspect the directory %1 of the key file %2: %3")
                                        .arg(directory, keyPath, systemError(error)));
    }
    if (info.st_uid != ::geteuid() && info.st_uid != 0)
        return Error(ErrorCode::PermissionDenied,
                     KeyFileKeyProvider::tr(
                         "the directory %1 of the key file %2 belongs to user id %3, neither the "
                         "user Gatehouse runs as (%4) nor root, so its owner could replace the "
                         "key. Keep the key file in a directory of yours, or fix it with: chown "
                         "%4 %5 && chmod go-w %5")
                         .arg(directory, keyPath)
                         .arg(info.st_uid)
                         .arg(::geteuid())
                         .arg(shellQuoted(directory)));
    if ((info.st_mode & (S_IWGRP | S_IWOTH)) != 0)
        return Error(ErrorCode::PermissionDenied,
                     KeyFileKeyProvider::tr(
                         "the directory %1 of the key file %2 has mode %3, so other users can "
                         "replace the key file in it; only its owner may write it. Fix it with: "
                         "chmod go-w %4")
                         .arg(directory, keyPath, octal(info.st_mode), shellQuoted(directory)));
    return dir;
}

QByteArray fileName(const QString &path)
{
    return QFile::encodeName(QFileInfo(path).fileName());
}

Result<MasterKey> readKeyFile(const QString &path, const QString &described)
{
    auto dir = openDirectory(path);
    if (!dir) {
        if (dir.error().code() == ErrorCode::NotFound)
            return Error(ErrorCode::NotFound,
                         KeyFileKeyProvider::tr("the key file %1 does not exist").arg(path));
        return dir.error();
    }
    // O_NONBLOCK: a FIFO at the path must not hang the gateway in open() (it is refused below);
    // O_NOFOLLOW: the checks below are about the file itself, not where a link points.
    Descriptor fd(::openat(dir->get(), fileName(path).constData(),
                           O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0) {
        const int error = errno;
        if (error == ENOENT)
            return Error(ErrorCode::NotFound,
                         KeyFileKeyProvider::tr("the key file %1 does not exist").arg(path));
        if (error == ELOOP)
            return Error(ErrorCode::Validation,
                         KeyFileKeyProvider::tr("the key file %1 is a symbolic link; point "
                                                "gateway.master_key at the file itself")
                             .arg(path));
        return Error(error == EACCES ? ErrorCode::PermissionDenied : ErrorCode::Io,
                     KeyFileKeyProvider::tr("cannot open the key file %1: %2")
                         .arg(path, systemError(error)));
    }
    // The checks run on the opened file, so the file read is the file checked.
    struct stat info
    {};
    if (::fstat(fd.get(), &info) != 0) {
        const int error = errno;
        return Error(ErrorCode::Io, KeyFileKeyProvider::tr("cannot inspect the key file %1: %2")
                                        .arg(path, systemError(error)));
    }
    if (!S_ISREG(info.st_mode))
        return Error(ErrorCode::Validation,
                     KeyFileKeyProvider::tr("the key file %1 is not a regular file (a directory, "
                                            "FIFO, socket or device); put the key in a plain "
                                            "file with mode 0600")
                         .arg(path));
    if (info.st_uid != ::geteuid())
        return Error(ErrorCode::PermissionDenied,
                     KeyFileKeyProvider::tr(
                         "the key file %1 belongs to user id %2, not to the user Gatehouse runs "
                         "as (%3), so others may control it. Fix it with: chown %3 %4 && chmod "
                         "600 %4")
                         .arg(path)
                         .arg(info.st_uid)
                         .arg(::geteuid())
                         .arg(shellQuoted(path)));
    const mode_t mode = info.st_mode & 07777;
    if ((mode & 077) != 0)
        return Error(ErrorCode::PermissionDenied,
                     KeyFileKeyProvider::tr(
                         "the key file %1 has mode %2, so other users can read or change it; it "
                         "must be private to you (0600 or 0400). Fix it with: chmod 600 %3")
                         .arg(path, octal(mode), shellQuoted(path)));
    if (mode != 0600 && mode != 0400)
        return Error(ErrorCode::PermissionDenied,
                     KeyFileKeyProvider::tr("the key file %1 has mode %2; a key file must have "
                                            "mode 0600 or 0400. Fix it with: chmod 600 %3")
                         .arg(path, octal(mode), shellQuoted(path)));

    QByteArray content(kMaxKeyFileBytes + 1, Qt::Uninitialized);
    qsizetype total = 0;
    while (total < content.size()) {
        const ssize_t n = ::read(fd.get(), content.data() + total, size_t(content.size() - total));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int error = errno;
            wipe(content);
            return Error(ErrorCode::Io, KeyFileKeyProvider::tr("cannot read the key file %1: %2")
                                            .arg(path, systemError(error)));
        }
        if (n == 0)
            break;
        total += n;
    }
    if (total > kMaxKeyFileBytes) {
        wipe(content);
        return Error(ErrorCode::Validation,
                     KeyFileKeyProvider::tr(
                         "the key file %1 is larger than 4 KiB: it is not a master key file")
                         .arg(path));
    }
    Result<MasterKey> key =
        MasterKey::fromEncoded(QByteArrayView(content.constData(), total), described);
    wipe(content);
    return key;
}

// Writes the key as base64 to a new file, mode 0600, atomically: a temporary file in the same
// directory, synced, then put in place. With `replace`, a file at the path is replaced (rename);
// without, an existing file fails it (link).
Status writeKeyFile(const QString &path, const MasterKey &key, bool replace)
{
    auto dir = openDirectory(path);
    if (!dir)
        return Error(dir.error().code() == ErrorCode::NotFound ? ErrorCode::Io : dir.error().code(),
                     KeyFileKeyProvider::tr("cannot create the key file %1: %2")
                         .arg(path, dir.error().message()));
    const QByteArray name = fileName(path);
    struct stat existing
    {};
    if (!replace && ::fstatat(dir->get(), name.constData(), &existing, AT_SYMLINK_NOFOLLOW) == 0)
        return Error(ErrorCode::AlreadyExists,
                     KeyFileKeyProvider::tr(
                         "the key file %1 already exists and is never overwritten: move it away "
                         "first if you mean to replace the key (the data encrypted with it is "
                         "lost without it)")
                         .arg(path));

    QByteArray temporary;
    Descriptor fd;
    for (int attempt = 0; attempt < 8 && fd.get() < 0; ++attempt) {
        unsigned char random[6];
        if (RAND_bytes(random, sizeof random) != 1)
            return Error(ErrorCode::Internal,
                         KeyFileKeyProvider::tr("the system's random generator failed, so the key "
                                                "file %1 was not written")
                             .arg(path));
        temporary = '.' + name + ".tmp-" +
                    QByteArray(reinterpret_cast<const char *>(random), sizeof random).toHex();
        fd = Descriptor(::openat(dir->get(), temporary.constData(),
                                 O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                                 S_IRUSR | S_IWUSR));
        if (fd.get() < 0 && errno != EEXIST)
            break;
    }
    if (fd.get() < 0) {
        const int error = errno;
        return Error(error == EACCES ? ErrorCode::PermissionDenied : ErrorCode::Io,
                     KeyFileKeyProvider::tr("cannot create the key file %1: %2")
                         .arg(path, systemError(error)));
    }
    auto fail = [&](const QString &what, int error) -> Status {
        ::unlinkat(dir->get(), temporary.constData(), 0);
        return Error(ErrorCode::Io, KeyFileKeyProvider::tr("cannot write the key file %1 (%2): %3")
                                        .arg(path, what, systemError(error)));
    };
    // 0600 whatever the umask.
    if (::fchmod(fd.get(), S_IRUSR | S_IWUSR) != 0)
        return fail(QStringLiteral("chmod"), errno);
    QByteArray text = key.toBase64();
    text.append('\n');
    qsizetype written = 0;
    while (written < text.size()) {
        const ssize_t n =
            ::write(fd.get(), text.constData() + written, size_t(text.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int error = errno;
            wipe(text);
            return fail(QStringLiteral("write"), error);
        }
        written += n;
    }
    wipe(text);
    if (::fsync(fd.get()) != 0)
        return fail(QStringLiteral("fsync"), errno);
    if (fd.close() != 0)
        return fail(QStringLiteral("close"), errno);

    int placed = 0;
    int placeError = 0;
    if (replace) {
        placed = ::renameat(dir->get(), temporary.constData(), dir->get(), name.constData());
        placeError = errno;
    } else {
        // link() rather than rename(): it fails instead of replacing a file created meanwhile.
        // Where hard links are not supported, rename() (the existence check above still applies).
        placed = ::linkat(dir->get(), temporary.constData(), dir->get(), name.constData(), 0);
        placeError = errno;
        if (placed != 0 && placeError != EEXIST) {
            placed = ::renameat(dir->get(), temporary.constData(), dir->get(), name.constData());
            placeError = errno;
        }
    }
    ::unlinkat(dir->get(), temporary.constData(), 0);
    if (placed != 0)
        return Error(placeError == EEXIST ? ErrorCode::AlreadyExists : ErrorCode::Io,
                     KeyFileKeyProvider::tr("cannot create the key file %1: %2")
                         .arg(path, systemError(placeError)));
    ::fsync(dir->get()); // the new directory entry survives a crash too
    return {};
}

Status removeKeyFile(const QString &path)
{
    auto dir = openDirectory(path);
    if (!dir)
        return dir.error().code() == ErrorCode::NotFound ? Status() : Status(dir.error());
    if (::unlinkat(dir->get(), fileName(path).constData(), 0) != 0) {
        const int error = errno;
        if (error == ENOENT)
            return {};
        return Error(error == EACCES ? ErrorCode::PermissionDenied : ErrorCode::Io,
                     KeyFileKeyProvider::tr("cannot remove the key file %1: %2")
                         .arg(path, systemError(error)));
    }
    ::fsync(dir->get());
    return {};
}
} // namespace

KeyFileKeyProvider::KeyFileKeyProvider(QString path)
    : m_path(std::move(path))
{}

QString KeyFileKeyProvider::describe() const
{
    return tr("the key file %1").arg(m_path);
}

QString KeyFileKeyProvider::stagedPath() const
{
    return m_path + QStringLiteral(".next");
}

Result<MasterKey> KeyFileKeyProvider::load()
{
    return readKeyFile(m_path, describe());
}

Status KeyFileKeyProvider::store(const MasterKey &key)
{
    if (Status written = writeKeyFile(m_path, key, false); !written)
        return written;
    qCInfo(lcSecrets).noquote() << "wrote a new master key file" << m_path;
    return {};
}

Status KeyFileKeyProvider::replace(const MasterKey &key)
{
    return writeKeyFile(m_path, key, true);
}

Status KeyFileKeyProvider::remove()
{
    return removeKeyFile(m_path);
}

Status KeyFileKeyProvider::rotatable() const
{
    return {};
}

Result<MasterKey> KeyFileKeyProvider::loadStaged()
{
    return readKeyFile(stagedPath(), tr("the key file %1").arg(stagedPath()));
}

Status KeyFileKeyProvider::storeStaged(const MasterKey &key)
{
    return writeKeyFile(stagedPath(), key, true);
}

Status KeyFileKeyProvider::promoteStaged(const MasterKey &key)
{
    if (Status written = writeKeyFile(m_path, key, true); !written)
        return written;
    qCInfo(lcSecrets).noquote() << "replaced the master key file" << m_path;
    return removeKeyFile(stagedPath());
}

Status KeyFileKeyProvider::removeStaged()
{
    return removeKeyFile(stagedPath());
}

} // namespace gatehouse::secrets
