#include "GroupedHeaderView.h"

#include <QPainter>
#include <QStyleOptionHeader>

namespace gatehouse::ui {

namespace {

constexpr int bandCount = 3; // top, middle, the section's own label

} // namespace

GroupedHeaderView::GroupedHeaderView(int topRole, int middleRole, QWidget *parent)
    : QHeaderView(Qt::Horizontal, parent)
    , m_topRole(topRole)
    , m_middleRole(middleRole)
{
    setSectionsClickable(false);
    setHighlightSections(false);
    setDefaultAlignment(Qt::AlignCenter);
}

QString GroupedHeaderView::bandText(int logicalIndex, int band) const
{
    if (!model())
        return {};
    const int role = band == 0 ? m_topRole : band == 1 ? m_middleRole : int(Qt::DisplayRole);
    return model()->headerData(logicalIndex, Qt::Horizontal, role).toString();
}

std::pair<int, int> GroupedHeaderView::span(int logicalIndex, int band) const
{
    if (band >= bandCount - 1)
        return {logicalIndex, logicalIndex};
    // A middle group never crosses a top group: compare every band above this one too.
    const auto same = [&](int other) {
        for (int b = 0; b <= band; ++b)
            if (bandText(other, b) != bandText(logicalIndex, b))
                return false;
        return true;
    };
    int first = logicalIndex;
    while (first > 0 && same(first - 1))
        --first;
    int last = logicalIndex;
    while (last + 1 < count() && same(last + 1))
        ++last;
    return {first, last};
}

int GroupedHeaderView::bandHeight() const
{
    QStyleOptionHeader option;
    initStyleOption(&option);
    option.text = QStringLiteral("Xg");
    const QSize contents(0, fontMetrics().height());
    return style()->sizeFromContents(QStyle::CT_HeaderSection, &option, contents, this).height();
}

QSize GroupedHeaderView::sectionSizeFromContents(int logicalIndex) const
{
    QSize size = QHeaderView::sectionSizeFromContents(logicalIndex);
    size.setHeight(bandHeight() * bandCount);
    return size;
}

void GroupedHeaderView::paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const
{
    if (!rect.isValid())
        return;
    const int band = bandHeight();
    for (int b = 0; b < bandCount; ++b) {
        const auto [first, last] = span(logicalIndex, b);
        const int left = sectionViewportPosition(first);
        const int right = sectionViewportPosition(last) + sectionSize(last);
        const int top = rect.top() + b * band;
        const int height = b == bandCount - 1 ? rect.bottom() - top + 1 : band;
        // The spanning label stays within the visible part, so a scrolled group keeps its name.
        const QRect spanRect = QRect(left, top, right - left, height)
                                   .intersected(QRect(0, top, viewport()->width(), height));
        const QRect clip = QRect(rect.left(), top, rect.width(), height);

        QStyleOptionHeader option;
        initStyleOption(&option);
        option.rect = spanRect;
        option.section = logicalIndex;
        option.state |= QStyle::State_Enabled | QStyle::State_Horizontal;
        if (isEnabled() && window()->isActiveWindow())
            option.state |= QStyle::State_Active;
        option.position = QStyleOptionHeader::Middle;
        option.textAlignment = Qt::AlignCenter;
        QFont font = this->font();
        font.setBold(b == 0);
        const QFontMetrics metrics(font);
        const int margin = style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, this);
        option.text = metrics.elidedText(bandText(logicalIndex, b), Qt::ElideRight,
                                         spanRect.width() - 2 * margin);
        if (b == bandCount - 1) {
            const QVariant covers =
                model()->headerData(logicalIndex, Qt::Horizontal, Qt::ForegroundRole);
            if (covers.canConvert<QBrush>())
                option.palette.setBrush(QPalette::ButtonText, covers.value<QBrush>());
        }

        painter->save();
        painter->setClipRect(clip, Qt::IntersectClip);
        painter->setFont(font);
        style()->drawControl(QStyle::CE_Header, &option, painter, this);
        painter->restore();
    }
}

} // namespace gatehouse::ui
