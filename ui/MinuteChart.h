#pragma once

#include "policy/ActivityFeed.h"

#include <QWidget>

#include <optional>

namespace gatehouse::ui {

// A small bar chart of the last hour, one bar per minute, drawn with QPainter: calls, refused
// calls, or latency (the p99 bar, lighter, with the p50 bar inside it; a p99 far above the usual
// is cut off at the top and marked). A click on a bar, or Enter on the
// bar the arrow keys moved to, asks for that minute's calls (minuteActivated). Hovering a bar
// tells its numbers.
class MinuteChart : public QWidget
{
    Q_OBJECT
public:
    enum class Kind
    {
        Calls,
        Refused,
        Latency,
    };

    explicit MinuteChart(Kind kind, QWidget *parent = nullptr);

    void setMinutes(const QList<policy::ActivityMinute> &minutes);
    const QList<policy::ActivityMinute> &minutes() const { return m_minutes; }
    // The minute the table shows, highlighted; none: every minute.
    void setSelectedMinute(const std::optional<QDateTime> &minute);

    // Where a minute's bar is drawn (its whole column, empty or not); the index of the bar at a
    // point, -1 for none.
    QRect barRect(int index) const;
    int barAt(const QPoint &point) const;
    // The bar the keyboard is on.
    int currentBar() const { return m_current; }
    // One line for people and screen readers: the bar's minute and numbers.
    QString describe(int index) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // The colours the bars are drawn in.
    static QColor callsColour(const QPalette &palette);
    static QColor refusedColour();
    static QColor latencyColour();

Q_SIGNALS:
    void minuteActivated(const QDateTime &minute);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    bool event(QEvent *event) override;

private:
    qint64 value(const policy::ActivityMinute &minute) const;
    qint64 maximum() const;
    // The value at the top of the plot: the highest bar, except that a few slow minutes do not
    // flatten every other latency bar (those are cut off, with a mark).
    qint64 scaleTop() const;
    QRect plotRect() const;
    QString formatValue(qint64 value) const;
    void setCurrent(int index);

    Kind m_kind;
    QList<policy::ActivityMinute> m_minutes;
    std::optional<QDateTime> m_selected;
    int m_hovered = -1;
    int m_current = -1;
};

} // namespace gatehouse::ui
