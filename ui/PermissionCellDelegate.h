#pragma once

#include <QStyledItemDelegate>

namespace gatehouse::ui {

// Paints a permission cell: the state's colour, its icon in the middle (faded where no tool does
// the action now), the style's focus frame on the current cell, and a line where a resource's
// columns begin.
class PermissionCellDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    PermissionCellDelegate(int coversRole, int groupStartRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_coversRole;
    int m_groupStartRole;
};

} // namespace gatehouse::ui
