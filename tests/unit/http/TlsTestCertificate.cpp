#include "TlsTestCertificate.h"

#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace gatehouse::test {

namespace {

template <typename T, void (*Free)(T *)>
using Owned = std::unique_ptr<T, decltype([](T *p) { Free(p); })>;

QByteArray drain(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(length));
}

} // namespace

TlsTestCertificate TlsTestCertificate::generate()
{
    TlsTestCertificate out;
    Owned<EVP_PKEY, EVP_PKEY_free> key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    Owned<X509, X509_free> cert(X509_new());
    if (!key || !cert)
        return out;
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24 * 3600);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("localhost"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);

    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
    const char *extensions[][2] = {
        {"subjectAltName", "DNS:localhost,IP:127.0.0.1"},
        {"basicConstraints", "critical,CA:TRUE"},
        {"keyUsage", "critical,digitalSignature,keyCertSign"},
        {"extendedKeyUsage", "serverAuth"},
    };
    for (const auto &[extName, value] : extensions) {
        Owned<X509_EXTENSION, X509_EXTENSION_free> ext(
            X509V3_EXT_nconf(nullptr, &ctx, extName, value));
        if (!ext || !X509_add_ext(cert.get(), ext.get(), -1))
            return out;
    }
    if (!X509_sign(cert.get(), key.get(), EVP_sha256()))
        return out;

    Owned<BIO, BIO_free_all> certPem(BIO_new(BIO_s_mem()));
    Owned<BIO, BIO_free_all> keyPem(BIO_new(BIO_s_mem()));
    if (!PEM_write_bio_X509(certPem.get(), cert.get()) ||
        !PEM_write_bio_PrivateKey(keyPem.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr))
        return out;
    out.certificate = QSslCertificate(drain(certPem.get()), QSsl::Pem);
    out.key = QSslKey(drain(keyPem.get()), QSsl::Ec, QSsl::Pem);
    return out;
}

} // namespace gatehouse::test
