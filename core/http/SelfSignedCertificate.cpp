#include "SelfSignedCertificate.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSslCertificate>

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
    return Error(ErrorCode::Internal,
                 SelfSignedCertificate::tr("the TLS certificate could not be made (%1: %2); "
                                           "nothing was written. Try again, and report it if it "
                                           "happens again.")
                     .arg(step, QString::fromLatin1(text)));
}

bool addExtension(X509 *certificate, int nid, const QByteArray &value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    Extension extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value.constData()));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
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

// Writes a temporary file beside `path` with `mode`, syncs it and renames it over `path`, so a
// reader never sees half a file and the key is never readable by others, not even briefly.
Status writeAtomically(const QString &path, const QByteArray &bytes, mode_t mode)
{
    const QByteArray target = QFile::encodeName(path);
    const QByteArray temporary = target + ".tmp-" + QByteArray::number(qint64(::getpid()));
    const auto fail = [&](const char *step) {
        const int error = errno;
        ::unlink(temporary.constData());
        return Error(ErrorCode::Io,
                     SelfSignedCertificate::tr("cannot write %1 (%2: %3): check that the data "
                                               "folder exists and that you can write it")
                         .arg(path, QString::fromLatin1(step),
                              QString::fromLocal8Bit(std::strerror(error))));
    };
    ::unlink(temporary.constData());
    const int fd =
        ::open(temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd < 0)
        return fail("open");
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            ::close(fd);
            return fail("write");
        }
        written += n;
    }
    // The mode given to open() is reduced by the umask; the certificate should stay readable.
    if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0) {
        ::close(fd);
        return fail("fsync");
    }
    if (::close(fd) != 0)
        return fail("close");
    if (::rename(temporary.constData(), target.constData()) != 0)
        return fail("rename");
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

Result<SelfSignedCertificate::Files>
SelfSignedCertificate::generate(const QString &directory, const QStringList &hostNames,
                                const QList<QHostAddress> &addresses, int validDays)
{
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

    QStringList names;
    for (const QString &name : hostNames)
        if (!name.isEmpty() && !names.contains(name, Qt::CaseInsensitive))
            names << name;
    if (!names.contains(QStringLiteral("localhost"), Qt::CaseInsensitive))
        names << QStringLiteral("localhost");
    const QByteArray commonName = names.first().toUtf8();
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
    for (const QHostAddress &loopback :
         {QHostAddress(QHostAddress::LocalHost), QHostAddress(QHostAddress::LocalHostIPv6)})
        if (!ips.contains(loopback))
            ips << loopback;
    QStringList alternatives;
    for (const QString &name : std::as_const(names))
        alternatives << QStringLiteral("DNS:") + name;
    for (const QHostAddress &ip : std::as_const(ips)) {
        if (ip.isNull() || ip == QHostAddress::AnyIPv4 || ip == QHostAddress::AnyIPv6)
            continue;
        QHostAddress plain = ip;
        plain.setScopeId(QString());
        alternatives << QStringLiteral("IP:") + plain.toString();
    }
    alternatives.removeDuplicates();
    if (!addExtension(certificate.get(), NID_subject_alt_name,
                      alternatives.join(QLatin1Char(',')).toUtf8()) ||
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

    const QDir dir(directory);
    Files files{dir.filePath(certificateFileName()), dir.filePath(keyFileName()),
                formatFingerprint(
                    QByteArray(reinterpret_cast<const char *>(digest), qsizetype(digestSize)))};
    Status keyWritten = writeAtomically(files.keyFile, keyPem, 0600);
    OPENSSL_cleanse(keyPem.data(), size_t(keyPem.size()));
    if (!keyWritten)
        return keyWritten.error();
    if (Status written = writeAtomically(files.certificateFile, certificatePem, 0644); !written)
        return written.error();
    return files;
}

} // namespace gatehouse::http
