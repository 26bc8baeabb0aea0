#include "MinuteChart.h"

#include <QAccessible>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionFocusRect>
#include <QToolTip>

#include <algorithm>

namespace gatehouse::ui {

MinuteChart::MinuteChart(Kind kind, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAttribute(Qt::WA_Hover);
}

QColor MinuteChart::callsColour(const QPalette &palette)
{
    return palette.color(QPalette::Highlight);
}

QColor MinuteChart::refusedColour()
{
    return QColor(0xc8, 0x37, 0x2d); // as the deny icon
}

QColor MinuteChart::latencyColour()
{
    return QColor(0x7a, 0x4f, 0xb0);
}

void MinuteChart::setMinutes(const QList<policy::ActivityMinute> &minutes)
{
    // The bar under the keyboard stays on its minute as the window moves on.
    std::optional<QDateTime> current;
    if (m_current >= 0 && m_current < m_minutes.size())
        current = m_minutes.at(m_current).start;
    m_minutes = minutes;
    m_current = -1;
    if (current)
        for (int i = 0; i < m_minutes.size(); ++i)
            if (m_minutes.at(i).start == *current)
                m_current = i;
    if (m_current < 0 && hasFocus() && !m_minutes.isEmpty())
        m_current = int(m_minutes.size()) - 1;
    if (m_hovered >= m_minutes.size())
        m_hovered = -1;
    update();
}

void MinuteChart::setSelectedMinute(const std::optional<QDateTime> &minute)
{
    if (m_selected == minute)
        return;
    m_selected = minute;
    update();
}

qint64 MinuteChart::value(const policy::ActivityMinute &minute) const
{
    switch (m_kind) {
    case Kind::Calls:
        return minute.calls;
    case Kind::Refused:
        return minute.refused;
    case Kind::Latency:
        return minute.p99Ms.value_or(0);
    }
    return 0;
}

qint64 MinuteChart::maximum() const
{
    qint64 most = 0;
    for (const policy::ActivityMinute &minute : m_minutes)
        most = qMax(most, value(minute));
    return most;
}

qint64 MinuteChart::scaleTop() const
{
    const qint64 most = maximum();
    if (m_kind != Kind::Latency)
        return most;
    QList<qint64> p99s;
    qint64 p50Most = 0;
    for (const policy::ActivityMinute &minute : m_minutes) {
        if (minute.p99Ms)
            p99s.append(*minute.p99Ms);
        p50Most = qMax(p50Most, minute.p50Ms.value_or(0));
    }
    constexpr int enoughMinutes = 5;
    if (p99s.size() < enoughMinutes)
        return most;
    const qint64 usual = policy::ActivityFeed::percentile(p99s, 50).value_or(most);
    return qMin(most, std::max({2 * usual, p50Most + p50Most / 4, qint64(1)}));
}

QString MinuteChart::formatValue(qint64 value) const
{
    if (m_kind == Kind::Latency)
        return tr("%1 ms").arg(locale().toString(value));
    return locale().toString(value);
}

QRect MinuteChart::plotRect() const
{
    const QFontMetrics metrics = fontMetrics();
    // Room for the scale above and the time axis below.
    const int top = metrics.height();
    const int bottom = metrics.height() + metrics.descent();
    return rect().adjusted(1, top, -1, -bottom);
}

QRect MinuteChart::barRect(int index) const
{
    if (index < 0 || index >= m_minutes.size())
        return {};
    const QRect plot = plotRect();
    const int count = int(m_minutes.size());
    const int left = plot.left() + plot.width() * index / count;
    const int right = plot.left() + plot.width() * (index + 1) / count;
    return QRect(QPoint(left, plot.top()), QPoint(right - 1, plot.bottom()));
}

int MinuteChart::barAt(const QPoint &point) const
{
    const QRect plot = plotRect();
    if (m_minutes.isEmpty() || point.x() < plot.left() || point.x() > plot.right() ||
        point.y() < 0 || point.y() > height())
        return -1;
    const int index = int((qint64(point.x() - plot.left()) * m_minutes.size()) / plot.width());
    return qBound(0, index, int(m_minutes.size()) - 1);
}

QString MinuteChart::describe(int index) const
{
    if (index < 0 || index >= m_minutes.size())
        return {};
    const policy::ActivityMinute &m = m_minutes.at(index);
    const QString time = locale().toString(m.start.toLocalTime().time(), QStringLiteral("HH:mm"));
    switch (m_kind) {
    case Kind::Calls:
        return tr("%1: %2 calls").arg(time, locale().toString(m.calls));
    case Kind::Refused:
        return tr("%1: %2 of %3 calls refused")
            .arg(time, locale().toString(m.refused), locale().toString(m.calls));
    case Kind::Latency:
        if (!m.p50Ms)
            return tr("%1: no timed calls").arg(time);
        return tr("%1: p50 %2 ms, p99 %3 ms")
            .arg(time, locale().toString(*m.p50Ms), locale().toString(m.p99Ms.value_or(0)));
    }
    return {};
}

QSize MinuteChart::sizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    return QSize(metrics.averageCharWidth() * 40, metrics.height() * 6);
}

QSize MinuteChart::minimumSizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    return QSize(metrics.averageCharWidth() * 20, metrics.height() * 6);
}

void MinuteChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette &pal = palette();
    painter.fillRect(rect(), pal.color(QPalette::Base));
    const QRect plot = plotRect();
    const QFontMetrics metrics = fontMetrics();
    const QColor text = pal.color(QPalette::Text);
    QColor faint = pal.color(QPalette::PlaceholderText);

    const qint64 most = scaleTop();
    // The scale: the top's value at the top left, a faint line at that height.
    painter.setPen(faint);
    painter.drawText(QRect(plot.left() + 2, 0, plot.width() - 4, metrics.height()),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     most > 0 ? formatValue(most) : tr("no calls"));
    QColor grid = faint;
    grid.setAlpha(60);
    painter.setPen(QPen(grid, 1, Qt::DotLine));
    painter.drawLine(plot.topLeft(), plot.topRight());

    QColor selection = pal.color(QPalette::Highlight);
    selection.setAlpha(50);
    for (int i = 0; i < m_minutes.size(); ++i) {
        const policy::ActivityMinute &m = m_minutes.at(i);
        const QRect column = barRect(i);
        if (m_selected && m.start == *m_selected)
            painter.fillRect(column, selection);
        else if (i == m_hovered) {
            QColor hover = selection;
            hover.setAlpha(25);
            painter.fillRect(column, hover);
        }
        const qint64 v = value(m);
        if (v <= 0 || most <= 0)
            continue;
        // A gap between bars where there is room for one.
        const int gap = column.width() >= 4 ? 1 : 0;
        const auto barOf = [&](qint64 amount) {
            const int h = qMax(1, int(qint64(plot.height()) * qMin(amount, most) / most));
            return QRect(column.left() + gap, plot.bottom() - h + 1, column.width() - 2 * gap, h);
        };
        switch (m_kind) {
        case Kind::Calls:
            painter.fillRect(barOf(v), callsColour(pal));
            break;
        case Kind::Refused:
            painter.fillRect(barOf(v), refusedColour());
            break;
        case Kind::Latency: {
            QColor p99 = latencyColour();
            p99.setAlpha(110);
            painter.fillRect(barOf(v), p99);
            painter.fillRect(barOf(m.p50Ms.value_or(0)), latencyColour());
            if (v > most) {
                // Cut off: a solid cap says the bar goes on.
                const QRect bar = barOf(v);
                painter.fillRect(QRect(bar.left(), bar.top(), bar.width(), 3), latencyColour());
            }
            break;
        }
        }
    }
    // The baseline and the time axis: the window's first minute, its middle, and now.
    painter.setPen(text);
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    if (!m_minutes.isEmpty()) {
        painter.setPen(faint);
        const QRect axis(plot.left() + 2, plot.bottom() + 1, plot.width() - 4, metrics.height());
        const auto timeOf = [this](int index) {
            return locale().toString(m_minutes.at(index).start.toLocalTime().time(),
                                     QStringLiteral("HH:mm"));
        };
        painter.drawText(axis, Qt::AlignLeft | Qt::AlignVCenter, timeOf(0));
        painter.drawText(axis, Qt::AlignHCenter | Qt::AlignVCenter,
                         timeOf(int(m_minutes.size()) / 2));
        painter.drawText(axis, Qt::AlignRight | Qt::AlignVCenter, tr("now"));
    }

    if (hasFocus()) {
        QStyleOptionFocusRect focus;
        focus.initFrom(this);
        focus.rect = m_current >= 0 ? barRect(m_current).adjusted(-1, -1, 1, 1)
                                    : rect().adjusted(1, 1, -1, -1);
        focus.backgroundColor = pal.color(QPalette::Base);
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, &painter, this);
        if (m_current >= 0) {
            // The focus frame alone is thin for one minute's bar: underline it too.
            const QRect bar = barRect(m_current);
            painter.fillRect(QRect(bar.left(), plot.bottom() - 1, bar.width(), 3),
                             pal.color(QPalette::Highlight));
        }
    }
}

void MinuteChart::mouseMoveEvent(QMouseEvent *event)
{
    const int index = barAt(event->position().toPoint());
    if (index != m_hovered) {
        m_hovered = index;
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void MinuteChart::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        const int index = barAt(event->position().toPoint());
        if (index >= 0) {
            setCurrent(index);
            Q_EMIT minuteActivated(m_minutes.at(index).start);
            event->accept();
            return;
        }
    }
    QWidget::mouseReleaseEvent(event);
}

void MinuteChart::leaveEvent(QEvent *event)
{
    m_hovered = -1;
    update();
    QWidget::leaveEvent(event);
}

void MinuteChart::setCurrent(int index)
{
    if (m_minutes.isEmpty())
        return;
    m_current = qBound(0, index, int(m_minutes.size()) - 1);
    update();
    // Screen readers hear the numbers of the bar the arrow keys moved to.
    setAccessibleDescription(describe(m_current));
    QAccessibleEvent changed(this, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&changed);
}

void MinuteChart::keyPressEvent(QKeyEvent *event)
{
    if (m_minutes.isEmpty() || event->modifiers() != Qt::NoModifier) {
        QWidget::keyPressEvent(event);
        return;
    }
    const int last = int(m_minutes.size()) - 1;
    const int current = m_current < 0 ? last : m_current;
    switch (event->key()) {
    case Qt::Key_Left:
        setCurrent(current - 1);
        break;
    case Qt::Key_Right:
        setCurrent(current + 1);
        break;
    case Qt::Key_Home:
        setCurrent(0);
        break;
    case Qt::Key_End:
        setCurrent(last);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        setCurrent(current);
        Q_EMIT minuteActivated(m_minutes.at(m_current).start);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void MinuteChart::focusInEvent(QFocusEvent *event)
{
    if (m_current < 0 && !m_minutes.isEmpty())
        setCurrent(int(m_minutes.size()) - 1);
    QWidget::focusInEvent(event);
    update();
}

void MinuteChart::focusOutEvent(QFocusEvent *event)
{
    QWidget::focusOutEvent(event);
    update();
}

bool MinuteChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = barAt(help->pos());
        if (index >= 0)
            QToolTip::showText(help->globalPos(), describe(index), this, barRect(index));
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace gatehouse::ui
