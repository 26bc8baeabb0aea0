#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <utility>

namespace gatehouse::http {

// RFC 9110 5.6.2: a token (methods, field names) is one or more tchar.
bool isToken(QByteArrayView value);
// RFC 9110 5.5: field-vchar / SP / HTAB (obs-text allowed): no control character but HTAB.
bool isFieldValue(QByteArrayView value);
// Without leading and trailing OWS (SP / HTAB, RFC 9110 5.6.3).
QByteArrayView trimOws(QByteArrayView value);
// A hex digit's value, or -1.
int hexValue(char c);

// Header fields in arrival order. Names keep their spelling; lookups ignore ASCII case
// (RFC 9110 5.1). Names and values stay bytes: nothing is converted unless a caller asks.
class Headers
{
public:
    using Field = std::pair<QByteArray, QByteArray>;

    Headers() = default;
    Headers(std::initializer_list<Field> fields)
        : m_fields(fields)
    {}

    void add(QByteArray name, QByteArray value);
    // Replaces every field of that name with one field (or adds it).
    void set(QByteArrayView name, QByteArray value);
    void remove(QByteArrayView name);

    bool contains(QByteArrayView name) const;
    qsizetype count(QByteArrayView name) const;
    // The first value of that name, or a null QByteArray.
    QByteArray value(QByteArrayView name) const;
    QList<QByteArray> values(QByteArrayView name) const;
    // The values of that name joined by ", " (RFC 9110 5.3).
    QByteArray combined(QByteArrayView name) const;
    // True when the comma-separated values of that name contain the token (case-insensitive).
    bool hasToken(QByteArrayView name, QByteArrayView token) const;

    const QList<Field> &fields() const { return m_fields; }
    qsizetype size() const { return m_fields.size(); }
    bool isEmpty() const { return m_fields.isEmpty(); }
    void reserve(qsizetype n) { m_fields.reserve(n); }
    void clear() { m_fields.clear(); }

    static bool equalNames(QByteArrayView a, QByteArrayView b);
    // `name` as a QByteArray; the common field names, spelt as servers and clients send them,
    // come from static storage (no allocation: parsers make one per field otherwise).
    static QByteArray name(QByteArrayView name);

    friend bool operator==(const Headers &a, const Headers &b) { return a.m_fields == b.m_fields; }

private:
    QList<Field> m_fields;
};

} // namespace gatehouse::http
