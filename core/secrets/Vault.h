#pragma once

#include "Result.h"
#include "secrets/Binding.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <array>
#include <cstdint>

namespace gatehouse::secrets {

class MasterKey;

// Envelope encryption of the store's secrets: AES-256-GCM (NIST SP 800-38D) under subkeys that
// HKDF-SHA256 (RFC 5869) derives from the master key, one per purpose, so the key that encrypts
// records never doubles as the key that checks the master key.
//
// A record is the text "v1." + base64url(version, key id, nonce, ciphertext, tag), safe for a
// TEXT column. Its associated data is the version, the key id and the Binding, so a record moved
// to another table, row, column or owner fails to decrypt. The key id is derived from the master
// key: a record from another master key is named as such instead of failing as "altered".
//
// The store keeps keyCheck() beside the records; open() compares it with the key it is given, so
// a wrong master key is caught at start, not at the first tool call.
class Vault
{
    Q_DECLARE_TR_FUNCTIONS(Vault)

public:
    struct Field;
    struct Rotation;

    // A vault for a store that has no encrypted rows yet; persist its keyCheck().
    static Result<Vault> create(const MasterKey &key);
    // A vault for an existing store: fails with a sentence that says the master key does not match
    // the one the data was encrypted with, and how to get the right one back.
    static Result<Vault> open(const MasterKey &key, const QString &keyCheck);

    Vault(const Vault &other) = default;
    Vault &operator=(const Vault &other) = default;
    ~Vault();

    // What the store keeps to recognise this master key: "kcv1." + base64url(key id, HMAC).
    const QString &keyCheck() const { return m_keyCheck; }
    // 8 hex digits naming the master key in messages and records; it reveals nothing of the key.
    QString keyId() const;

    Result<QString> encrypt(QByteArrayView plaintext, const Binding &binding) const;
    // The caller wipes the plaintext (OPENSSL_cleanse) once it has been used.
    Result<QByteArray> decrypt(const QString &record, const Binding &binding) const;

    // Re-encrypts every field under `next`: a pure function, all or nothing. The store writes the
    // new records and the new key check in one transaction, and only then stores the new key.
    Result<Rotation> rotate(const MasterKey &next, const QList<Field> &fields) const;

private:
    explicit Vault(QString keyCheck);
    static Result<Vault> derive(const MasterKey &key);

    using Key = std::array<std::uint8_t, 32>;
    Key m_recordKey{};
    Key m_checkKey{};
    std::array<std::uint8_t, 4> m_keyId{};
    QString m_keyCheck;
};

struct Vault::Field
{
    Binding binding;
    QString record;
};

struct Vault::Rotation
{
    QList<QString> records; // in the order of the fields given
    QString keyCheck;       // the new master key's
};

} // namespace gatehouse::secrets
