#include "CommandText.h"

#include <QTextStream>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gatehouse::app::CommandText {

QString utcMinutes(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm'Z'"_s);
}

void printTable(QTextStream &out, const QList<QStringList> &rows)
{
    if (rows.isEmpty())
        return;
    QList<qsizetype> widths(rows.first().size(), 0);
    for (const QStringList &row : rows)
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row.at(i).size());
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() && i < widths.size() ? row.at(i).leftJustified(widths[i] + 2)
                                                            : row.at(i);
        out << line << '\n';
    }
}

QString printable(const QString &text)
{
    QString clean;
    clean.reserve(text.size());
    for (QChar c : text) {
        const auto category = c.category();
        if (category == QChar::Other_Control || category == QChar::Other_Format ||
            category == QChar::Separator_Line || category == QChar::Separator_Paragraph)
            continue;
        clean += c;
    }
    return clean.simplified();
}

} // namespace gatehouse::app::CommandText
