#pragma once

#include <QByteArray>
#include <QString>

namespace gatehouse::secrets {

// Where an encrypted value lives. It is the GCM associated data of the value's record, so a
// record copied into another table, row, column or owner does not decrypt.
struct Binding
{
    QString table;
    QString row; // the row's stable key, e.g. the credential's name
    QString column;
    QString owner; // the user a per-user secret belongs to; empty for owner-wide secrets

    // Each field as a 4-byte big-endian length and its UTF-8 bytes, after a versioned label:
    // ("ab", "c") and ("a", "bc") give different bytes.
    QByteArray serialize() const;
    // "credentials/billing/secret" or "credentials/billing/secret (owner alice)", for messages.
    QString describe() const;

    bool operator==(const Binding &) const = default;
};

} // namespace gatehouse::secrets
