#include "PermissionCellDelegate.h"

#include <QApplication>
#include <QPainter>

namespace gatehouse::ui {

namespace {

constexpr qreal fadedOpacity = 0.45;

} // namespace

PermissionCellDelegate::PermissionCellDelegate(int coversRole, int groupStartRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_coversRole(coversRole)
    , m_groupStartRole(groupStartRole)
{}

void PermissionCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QIcon icon = opt.icon;
    opt.icon = QIcon();
    opt.text.clear();
    opt.features &= ~QStyleOptionViewItem::HasDecoration;
    opt.features &= ~QStyleOptionViewItem::HasDisplay;
    // Background, hover and the focus frame as the style draws them.
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QRect iconRect =
        QStyle::alignedRect(opt.direction, Qt::AlignCenter, opt.decorationSize, opt.rect);
    painter->save();
    if (index.data(m_groupStartRole).toBool()) {
        painter->setPen(opt.palette.color(QPalette::Dark));
        painter->drawLine(opt.rect.topLeft(), opt.rect.bottomLeft());
    }
    if (!index.data(m_coversRole).toBool())
        painter->setOpacity(fadedOpacity);
    icon.paint(painter, iconRect, Qt::AlignCenter,
               (opt.state & QStyle::State_Enabled) ? QIcon::Normal : QIcon::Disabled);
    painter->restore();
}

QSize PermissionCellDelegate::sizeHint(const QStyleOptionViewItem &option,
                                       const QModelIndex &index) const
{
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    return opt.decorationSize + QSize(4 * margin, 4 * margin);
}

} // namespace gatehouse::ui
