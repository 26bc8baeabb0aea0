#pragma once

#include "policy/ActivityFeed.h"

#include <QThreadPool>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace gatehouse::store {
class Database;
}

namespace gatehouse::ui {

class BusyRow;
class ProblemRow;

class ActivityTableModel;
class MinuteChart;

// The Activity page: every tool call as the gateway records it. A live table (time, user, tool,
// decision, status, latency) with filters, and above it the last hour per minute: calls, refused
// calls, and p50/p99 latency; a click on a bar shows that minute's calls. It follows the audit
// log by id every second while it is visible (and every few seconds otherwise, for the status
// bar's count of today's calls); the reads run on a background thread, one at a time.
class ActivityPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kPollIntervalMs = 1000;
    static constexpr int kHiddenPollIntervalMs = 5000;

    explicit ActivityPage(store::Database &database, QWidget *parent = nullptr);
    ~ActivityPage() override;

    const policy::ActivityFeed &feed() const { return m_feed; }
    bool isReading() const { return m_reading; }
    int pollInterval() const { return m_timer.interval(); }

public Q_SLOTS:
    // Reads what the audit log gained since the last read (or all the page needs, after a
    // filter changed). A read in flight finishes first.
    void poll();
    void showMinute(const QDateTime &minute);
    void showAllMinutes();

Q_SIGNALS:
    // After each read was taken in (tests, and whoever shows the numbers).
    void updated();
    void readFailed(const QString &message);
    void callsTodayChanged(qint64 calls);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void received(Result<policy::ActivityRead> read);
    void filterChanged();
    void applyFilter(const policy::ActivityFilter &filter);
    void fillFilterChoices();
    void updateCharts();
    void updateSummary();

    store::Database &m_database;
    QThreadPool m_pool; // one thread: reads in order
    policy::ActivityFeed m_feed;
    QTimer m_timer;
    bool m_reading = false;
    bool m_readAgain = false;
    bool m_loadedOnce = false;
    bool m_fillingChoices = false;
    qint64 m_callsToday = -1;

    ActivityTableModel *m_model = nullptr;
    BusyRow *m_busy = nullptr;
    ProblemRow *m_errorRow = nullptr;
    MinuteChart *m_callsChart = nullptr;
    MinuteChart *m_refusedChart = nullptr;
    MinuteChart *m_latencyChart = nullptr;
    QLabel *m_callsSummary = nullptr;
    QLabel *m_refusedSummary = nullptr;
    QLabel *m_latencySummary = nullptr;
    QComboBox *m_user = nullptr;
    QComboBox *m_tool = nullptr;
    QComboBox *m_decision = nullptr;
    QPushButton *m_minute = nullptr;
    QPushButton *m_clear = nullptr;
    QLabel *m_shown = nullptr;
    QLabel *m_emptyHint = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace gatehouse::ui
