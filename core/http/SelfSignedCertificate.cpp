#include "SelfSignedCertificate.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QUrl>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gatehouse::http {

namespace {

template <auto Free>
struct Deleter
{
    template <typename T>
    void operator()(T *p) const
    {
        Free(p);
    }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using Certificate = std::unique_ptr<X509, Deleter<X509_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using Number = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using Extension = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;

Error openSslError(const QString &step)
{
    char text[256] = {};
    ERR_error_string_n(ERR_get_error(), text, sizeof text);
    // The rest of this thread's queue would otherwise be reported by its next OpenSSL user.
    ERR_clear_error();
    return Error(ErrorCode::Internal,
                 SelfSignedCertificate::tr("the TLS certificate could not be made (%1: %2); "
                                           "nothing was written. Try again, and report it if it "
                                           "happens again.")
                     .arg(step, QString::fromLatin1(text)));
}

bool addExtension(X509 *certificate, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    Extension extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

// A host name as it may appear in a dNSName (RFC 5280 4.2.1.6, RFC 1123 2.1): IDNA A-labels
// (QUrl::toAce), letters, digits and inner hyphens; empty when it is not one.
QByteArray dnsName(const QString &name)
{
    const QByteArray ace = QUrl::toAce(name);
    if (ace.isEmpty() || ace.size() > 253)
        return {};
    for (const QByteArray &label : ace.split('.')) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith('-') || label.endsWith('-'))
            return {};
        for (const char c : label)
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-')
                return {};
    }
    return ace.toLower();
}

bool pushName(GENERAL_NAMES *names, int type, const QByteArray &value)
{
    GENERAL_NAME *name = GENERAL_NAME_new();
    ASN1_STRING *string = type == GEN_IPADD ? ASN1_OCTET_STRING_new() : ASN1_IA5STRING_new();
    if (!name || !string || ASN1_STRING_set(string, value.constData(), int(value.size())) != 1) {
        GENERAL_NAME_free(name);
        ASN1_STRING_free(string);
        return false;
    }
    GENERAL_NAME_set0_value(name, type, string);
    if (sk_GENERAL_NAME_push(names, name) <= 0) {
        GENERAL_NAME_free(name);
        return false;
    }
    return true;
}

QByteArray toPem(const std::function<int(BIO *)> &write)
{
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || write(bio.get()) != 1)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    QByteArray pem(data, qsizetype(size));
    // The key's PEM must not linger in the BIO's freed buffer.
    OPENSSL_cleanse(data, size_t(size));
    return pem;
}

Error ioError(const QString &path, const char *step, int error)
{
    return Error(
        ErrorCode::Io,
        SelfSignedCertificate::tr("cannot write %1 (%2: %3): check that the data "
                                  "folder exists and that you can write it")
            .arg(path, QString::fromLatin1(step), QString::fromLocal8Bit(std::strerror(error))));
}

// Writes `bytes` to the new file `temporary` with `mode` and syncs it, so that after a rename a
// reader never sees half a file; the key is never readable by others, not even briefly.
Status writeSynced(const QByteArray &temporary, const QString &path, const QByteArray &bytes,
                   mode_t mode)
{
    const auto fail = [&](const char *step, int error) {
        ::unlink(temporary.constData());
        return ioError(path, step, error);
    };
    const int fd =
        ::open(temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd < 0)
        return fail("open", errno);
    const auto failClosing = [&](const char *step, int error) {
        ::close(fd);
        return fail(step, error);
    };
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return failClosing("write", errno);
        if (n == 0) // no progress and no errno: report it as an I/O error
            return failClosing("write", EIO);
        written += n;
    }
    // The mode given to open() is reduced by the umask; the certificate should stay readable.
    if (::fchmod(fd, mode) != 0)
        return failClosing("chmod", errno);
    if (::fsync(fd) != 0)
        return failClosing("fsync", errno);
    if (::close(fd) != 0)
        return fail("close", errno);
    return {};
}

// The renames are durable only once the directory's entries are synced.
Status syncDirectory(const QString &directory)
{
    const int fd =
        ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return ioError(directory, "open", errno);
    const int synced = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (synced != 0)
        return ioError(directory, "fsync", error);
    return {};
}

} // namespace

QString SelfSignedCertificate::formatFingerprint(const QByteArray &digest)
{
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

Result<QString> SelfSignedCertificate::fingerprintOf(const QString &certificateFile)
{
    QFile file(certificateFile);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::NotFound,
                     tr("cannot read the TLS certificate %1 (%2): choose another file or "
                        "generate one")
                         .arg(certificateFile, file.errorString()));
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll());
    if (certificates.isEmpty() || certificates.first().isNull())
        return Error(ErrorCode::Parse,
                     tr("%1 holds no PEM certificate: choose the certificate file (it starts with "
                        "-----BEGIN CERTIFICATE-----) or generate one")
                         .arg(certificateFile));
    return formatFingerprint(certificates.first().digest(QCryptographicHash::Sha256));
}

bool SelfSignedCertificate::isGeneratedFileName(const QString &fileName)
{
    if (!fileName.startsWith(filePrefix()) ||
        !(fileName.endsWith(QLatin1String(".crt")) || fileName.endsWith(QLatin1String(".key"))))
        return false;
    const QString middle =
        fileName.mid(filePrefix().size(), fileName.size() - filePrefix().size() - 4);
    static const QRegularExpression generated(QStringLiteral("^(-\\d{8}-\\d{6}-[0-9a-f]{8})?$"));
    return generated.match(middle).hasMatch();
}

Result<int> SelfSignedCertificate::removeGenerated(const QString &directory,
                                                   const QStringList &keep)
{
    // Compared as canonical paths, so a pair named through a symbolic link is still kept.
    const auto canonical = [](const QString &path) {
        const QFileInfo info(path);
        const QString resolved = info.canonicalFilePath();
        return resolved.isEmpty() ? info.absoluteFilePath() : resolved;
    };
    QStringList kept;
    for (const QString &file : keep)
        if (!file.isEmpty())
            kept << canonical(file);
    const QDir dir(directory);
    int removed = 0;
    const QStringList entries = dir.entryList(QDir::Files | QDir::System);
    for (const QString &name : entries) {
        const QString path = dir.absoluteFilePath(name);
        if (!isGeneratedFileName(name) || kept.contains(canonical(path)))
            continue;
        if (!QFile::remove(path))
            return Error(ErrorCode::Io, tr("cannot delete the certificate file %1, which the "
                                           "settings no longer use: delete it yourself")
                                            .arg(path));
        ++removed;
    }
    return removed;
}

Result<SelfSignedCertificate::Files>
SelfSignedCertificate::generate(const QString &directory, const QStringList &hostNames,
                                const QList<QHostAddress> &addresses, int validDays)
{
    // 825 days: the longest validity clients such as Apple's accept for a TLS server.
    if (validDays < 1 || validDays > 825)
        return Error(ErrorCode::InvalidArgument,
                     tr("a certificate is valid for 1 to 825 days, not %1").arg(validDays));
    Key key(EVP_EC_gen("P-256"));
    if (!key)
        return openSslError(QStringLiteral("EVP_EC_gen"));

    Certificate certificate(X509_new());
    if (!certificate || X509_set_version(certificate.get(), X509_VERSION_3) != 1)
        return openSslError(QStringLiteral("X509_new"));

    // RFC 5280 4.1.2.2: a positive serial of at most 20 octets; 159 random bits.
    unsigned char serialBytes[20] = {};
    if (RAND_bytes(serialBytes, sizeof serialBytes) != 1)
        return openSslError(QStringLiteral("RAND_bytes"));
    serialBytes[0] &= 0x7f;
    Number serial(BN_bin2bn(serialBytes, sizeof serialBytes, nullptr));
    if (!serial || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate.get())))
        return openSslError(QStringLiteral("serial"));

    if (!X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -60 * 60) ||
        !X509_time_adj_ex(X509_getm_notAfter(certificate.get()), validDays, 0, nullptr))
        return openSslError(QStringLiteral("validity"));

    QList<QByteArray> names;
    for (const QString &name : hostNames) {
        const QByteArray dns = dnsName(name);
        if (!dns.isEmpty() && !names.contains(dns))
            names << dns;
    }
    if (!names.contains("localhost"))
        names << "localhost";
    // RFC 5280 appendix A.1: ub-common-name is 64 characters; clients match the SAN anyway.
    const QByteArray commonName = names.first().size() <= 64 ? names.first() : "Gatehouse gateway";
    X509_NAME *subject = X509_get_subject_name(certificate.get());
    if (X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(commonName.constData()),
                                   int(commonName.size()), -1, 0) != 1 ||
        X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>("Gatehouse"), -1, -1,
                                   0) != 1 ||
        X509_set_issuer_name(certificate.get(), subject) != 1 ||
        X509_set_pubkey(certificate.get(), key.get()) != 1)
        return openSslError(QStringLiteral("subject"));

    QList<QHostAddress> ips = addresses;
    ips << QHostAddress(QHostAddress::LocalHost) << QHostAddress(QHostAddress::LocalHostIPv6);
    QList<QByteArray> ipBytes;
    for (const QHostAddress &ip : std::as_const(ips)) {
        if (ip.isNull() || ip == QHostAddress::AnyIPv4 || ip == QHostAddress::AnyIPv6)
            continue;
        QByteArray bytes;
        if (ip.protocol() == QAbstractSocket::IPv4Protocol) {
            const quint32 v4 = ip.toIPv4Address();
            const char octets[4] = {char(v4 >> 24), char(v4 >> 16), char(v4 >> 8), char(v4)};
            bytes = QByteArray(octets, 4);
        } else {
            const Q_IPV6ADDR v6 = ip.toIPv6Address();
            bytes = QByteArray(reinterpret_cast<const char *>(v6.c), 16);
        }
        if (!ipBytes.contains(bytes))
            ipBytes << bytes;
    }
    // Built from GENERAL_NAME objects rather than a "DNS:a,IP:b" string, so nothing in a name
    // can add or change an entry.
    std::unique_ptr<GENERAL_NAMES, Deleter<GENERAL_NAMES_free>> alternatives(
        sk_GENERAL_NAME_new_null());
    bool named = bool(alternatives);
    for (const QByteArray &name : std::as_const(names))
        named = named && pushName(alternatives.get(), GEN_DNS, name);
    for (const QByteArray &ip : std::as_const(ipBytes))
        named = named && pushName(alternatives.get(), GEN_IPADD, ip);
    if (!named ||
        X509_add1_ext_i2d(certificate.get(), NID_subject_alt_name, alternatives.get(), 0,
                          X509V3_ADD_DEFAULT) != 1 ||
        // No keyUsage: keyCertSign, which a self-signed certificate needs to verify its own
        // signature, would require CA:TRUE (RFC 5280 4.2.1.3); this one signs nothing else.
        !addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE") ||
        !addExtension(certificate.get(), NID_ext_key_usage, "serverAuth") ||
        !addExtension(certificate.get(), NID_subject_key_identifier, "hash"))
        return openSslError(QStringLiteral("extensions"));

    if (X509_sign(certificate.get(), key.get(), EVP_sha256()) <= 0)
        return openSslError(QStringLiteral("X509_sign"));

    const QByteArray certificatePem =
        toPem([&](BIO *bio) { return PEM_write_bio_X509(bio, certificate.get()); });
    QByteArray keyPem = toPem([&](BIO *bio) {
        return PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    });
    if (certificatePem.isEmpty() || keyPem.isEmpty())
        return openSslError(QStringLiteral("PEM"));

    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestSize = 0;
    if (X509_digest(certificate.get(), EVP_sha256(), digest, &digestSize) != 1)
        return openSslError(QStringLiteral("X509_digest"));

    // A name no earlier generation used: the files that saved settings name stay as they are
    // until the owner applies the new pair.
    const QDir dir(directory);
    unsigned char nonce[4] = {};
    if (RAND_bytes(nonce, sizeof nonce) != 1)
        return openSslError(QStringLiteral("RAND_bytes"));
    const QString base =
        filePrefix() + QLatin1Char('-') +
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")) +
        QLatin1Char('-') +
        QString::fromLatin1(
            QByteArray(reinterpret_cast<const char *>(nonce), sizeof nonce).toHex());
    Files files{dir.filePath(base + QStringLiteral(".crt")),
                dir.filePath(base + QStringLiteral(".key")),
                formatFingerprint(
                    QByteArray(reinterpret_cast<const char *>(digest), qsizetype(digestSize)))};
    const QByteArray suffix = ".tmp-" + QByteArray::number(qint64(::getpid()));
    const QByteArray keyTarget = QFile::encodeName(files.keyFile);
    const QByteArray certificateTarget = QFile::encodeName(files.certificateFile);
    const QByteArray keyTemporary = keyTarget + suffix;
    const QByteArray certificateTemporary = certificateTarget + suffix;
    Status keyWritten = writeSynced(keyTemporary, files.keyFile, keyPem, 0600);
    OPENSSL_cleanse(keyPem.data(), size_t(keyPem.size()));
    if (!keyWritten)
        return keyWritten.error();
    if (Status written =
            writeSynced(certificateTemporary, files.certificateFile, certificatePem, 0644);
        !written) {
        ::unlink(keyTemporary.constData());
        return written.error();
    }
    // Both complete before either gets its name: the pair appears whole or not at all.
    if (::rename(keyTemporary.constData(), keyTarget.constData()) != 0) {
        const int error = errno;
        ::unlink(keyTemporary.constData());
        ::unlink(certificateTemporary.constData());
        return ioError(files.keyFile, "rename", error);
    }
    if (::rename(certificateTemporary.constData(), certificateTarget.constData()) != 0) {
        const int error = errno;
        ::unlink(certificateTemporary.constData());
        ::unlink(keyTarget.constData());
        return ioError(files.certificateFile, "rename", error);
    }
    if (Status synced = syncDirectory(dir.absolutePath()); !synced) {
        ::unlink(certificateTarget.constData());
        ::unlink(keyTarget.constData());
        return synced.error();
    }
    return files;
}

} // namespace gatehouse::http
