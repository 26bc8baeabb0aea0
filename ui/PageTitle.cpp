#include "PageTitle.h"

#include <QStyle>

namespace gatehouse::ui {

PageTitle::PageTitle(const QString &text, QWidget *parent)
    : QLabel(text, parent)
{
    QFont headline = font();
    headline.setPointSizeF(headline.pointSizeF() * 1.5);
    headline.setBold(true);
    setFont(headline);
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setAccessibleName(text);
}

int PageTitle::sectionSpacing(const QWidget *widget)
{
    const QStyle *style = widget->style();
    int spacing = style->pixelMetric(QStyle::PM_LayoutVerticalSpacing, nullptr, widget);
    if (spacing < 0)
        spacing = style->layoutSpacing(QSizePolicy::Label, QSizePolicy::Label, Qt::Vertical,
                                       nullptr, widget);
    return qMax(spacing, 0) * 2;
}

} // namespace gatehouse::ui
