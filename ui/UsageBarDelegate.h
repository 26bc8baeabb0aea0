#pragma once

#include <QStyledItemDelegate>

namespace gatehouse::ui {

// Draws a cell as a bar of what was used against a limit, with the numbers beside it: the
// accent colour, amber from 80 % of the limit, red at the limit. A cell without a limit shows
// its text only. The model gives the numbers through UsedRole and LimitRole, the words through
// Qt::DisplayRole.
class UsageBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum Role
    {
        UsedRole = Qt::UserRole + 20, // double
        LimitRole,                    // double; absent (invalid) for no limit
    };

    explicit UsageBarDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The bar's colour for a share of the limit (1.0: the limit).
    static QColor colourFor(double share, const QPalette &palette);
    // The bar's width as a part of the cell: the text keeps the rest.
    static constexpr double kBarShare = 0.55;
};

} // namespace gatehouse::ui
