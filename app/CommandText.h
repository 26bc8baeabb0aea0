#pragma once

#include <QDateTime>
#include <QList>
#include <QStringList>

class QTextStream;

namespace gatehouse::app {

// Output helpers the store commands share (token list, client list).
namespace CommandText {

// A time as the lists show it: UTC, to the minute ("2026-11-26T14:05Z").
QString utcMinutes(const QDateTime &time);

// Rows (the header first) as columns separated by two spaces; the last column is not padded.
void printTable(QTextStream &out, const QList<QStringList> &rows);

// Text from the store made safe for a terminal: control and format characters (escape
// sequences, bidirectional overrides) dropped, whitespace collapsed.
QString printable(const QString &text);

} // namespace CommandText

} // namespace gatehouse::app
