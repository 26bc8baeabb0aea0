#pragma once

#include <QSslCertificate>
#include <QSslKey>

namespace gatehouse::test {

// A self-signed P-256 certificate for CN=localhost with subjectAltName DNS:localhost and
// IP:127.0.0.1, made with OpenSSL's EVP API at test time (valid for one day).
struct TlsTestCertificate
{
    QSslCertificate certificate;
    QSslKey key;

    static TlsTestCertificate generate();
    bool isNull() const { return certificate.isNull() || key.isNull(); }
};

} // namespace gatehouse::test
