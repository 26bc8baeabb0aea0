#include "UsageBarDelegate.h"

#include <QApplication>
#include <QPainter>

namespace gatehouse::ui {

UsageBarDelegate::UsageBarDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QColor UsageBarDelegate::colourFor(double share, const QPalette &palette)
{
    if (share >= 1.0)
        return QColor(0xc8, 0x37, 0x2d);
    if (share >= 0.8)
        return QColor(0xc7, 0x7c, 0x0e);
    return palette.color(QPalette::Highlight);
}

void UsageBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const QVariant limit = index.data(LimitRole);
    if (!limit.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // Background, selection and focus as any cell.
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 2;
    const QRect area = option.rect.adjusted(margin, 0, -margin, 0);
    const int barWidth = int(area.width() * kBarShare);
    const int barHeight = qMax(4, option.fontMetrics.height() * 2 / 3);
    const QRect track(area.left(), area.center().y() - barHeight / 2 + 1, barWidth, barHeight);
    const double used = index.data(UsedRole).toDouble();
    const double cap = limit.toDouble();
    const double share = cap > 0 ? used / cap : (used > 0 ? 1.0 : 0.0);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor trackColour = option.palette.color(QPalette::Mid);
    trackColour.setAlpha(70);
    painter->setPen(Qt::NoPen);
    painter->setBrush(trackColour);
    painter->drawRoundedRect(track, 2, 2);
    if (share > 0) {
        QRect fill = track;
        fill.setWidth(qMax(2, int(track.width() * qMin(share, 1.0))));
        painter->setBrush(colourFor(share, option.palette));
        painter->drawRoundedRect(fill, 2, 2);
    }
    painter->restore();

    const QRect textRect = area.adjusted(barWidth + margin, 0, 0, 0);
    const QPalette::ColorRole role =
        (option.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text;
    style->drawItemText(painter, textRect, Qt::AlignLeft | Qt::AlignVCenter, option.palette, true,
                        option.fontMetrics.elidedText(text, Qt::ElideRight, textRect.width()),
                        role);
}

QSize UsageBarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize hint = QStyledItemDelegate::sizeHint(option, index);
    if (index.data(LimitRole).isValid())
        hint.setWidth(int(hint.width() / (1.0 - kBarShare)));
    return hint;
}

} // namespace gatehouse::ui
