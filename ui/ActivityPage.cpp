#include "ActivityPage.h"

#include "ActivityTableModel.h"
#include "BusyRow.h"
#include "MinuteChart.h"
#include "PageTitle.h"
#include "ProblemRow.h"
#include "WrappingLabel.h"
#include "store/Database.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace gatehouse::ui {

using policy::ActivityFeed;
using policy::ActivityFilter;
using policy::ActivityMinute;

namespace {

QString minuteText(const QDateTime &minute)
{
    return QLocale().toString(minute.toLocalTime().time(), QStringLiteral("HH:mm"));
}

} // namespace

ActivityPage::ActivityPage(store::Database &database, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
{
    setAccessibleName(tr("Activity"));
    m_pool.setMaxThreadCount(1);

    auto *purpose = new QLabel(tr("Every tool call as the gateway records it: who called what, "
                                  "whether it was allowed, and how long it took. Click a bar "
                                  "to see that minute's calls."),
                               this);
    purpose->setWordWrap(true);
    purpose->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_busy = new BusyRow(tr("Reading the activity log…"), tr("Reading the activity log"), this);
    m_busy->setObjectName(QStringLiteral("activityBusy"));
    m_errorRow = new ProblemRow(QStringLiteral("activityError"), this);
    const int smallIcon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);

    // Three charts side by side, each with its name and the hour's figure above it.
    auto *charts = new QGridLayout;
    charts->setHorizontalSpacing(PageTitle::sectionSpacing(this));
    const auto addChart = [&](int column, MinuteChart::Kind kind, const QString &title,
                              const QString &objectName, QLabel *&summary) {
        auto *name = new QLabel(title, this);
        QFont bold = name->font();
        bold.setBold(true);
        name->setFont(bold);
        summary = new QLabel(this);
        summary->setObjectName(objectName + QStringLiteral("Summary"));
        summary->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *heading = new QHBoxLayout;
        heading->addWidget(name);
        heading->addWidget(summary, 1);
        auto *chart = new MinuteChart(kind, this);
        chart->setObjectName(objectName);
        chart->setAccessibleName(title);
        connect(chart, &MinuteChart::minuteActivated, this, &ActivityPage::showMinute);
        charts->addLayout(heading, 0, column);
        charts->addWidget(chart, 1, column);
        charts->setColumnStretch(column, 1);
        return chart;
    };
    m_callsChart = addChart(0, MinuteChart::Kind::Calls, tr("Calls per minute"),
                            QStringLiteral("callsChart"), m_callsSummary);
    m_refusedChart = addChart(1, MinuteChart::Kind::Refused, tr("Denials per minute"),
                              QStringLiteral("refusedChart"), m_refusedSummary);
    m_refusedChart->setToolTip(tr("Calls a rule denied, or a quota, rate or spend limit "
                                  "stopped."));
    m_latencyChart = addChart(2, MinuteChart::Kind::Latency, tr("Latency p50 / p99"),
                              QStringLiteral("latencyChart"), m_latencySummary);

    // The filters, in one row above the table.
    m_user = new QComboBox(this);
    m_user->setObjectName(QStringLiteral("userFilter"));
    m_user->setAccessibleName(tr("Filter by user"));
    m_user->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_user->setMinimumContentsLength(12);
    m_tool = new QComboBox(this);
    m_tool->setObjectName(QStringLiteral("toolFilter"));
    m_tool->setAccessibleName(tr("Filter by tool"));
    m_tool->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_tool->setMinimumContentsLength(20);
    m_decision = new QComboBox(this);
    m_decision->setObjectName(QStringLiteral("decisionFilter"));
    m_decision->setAccessibleName(tr("Filter by decision"));
    m_decision->addItem(tr("All decisions"));
    for (const QString &decision : ActivityTableModel::decisions())
        m_decision->addItem(ActivityTableModel::decisionIcon(decision),
                            ActivityTableModel::decisionName(decision), decision);
    m_user->addItem(tr("All users"));
    m_tool->addItem(tr("All tools"));
    for (QComboBox *combo : {m_user, m_tool, m_decision})
        connect(combo, &QComboBox::currentIndexChanged, this, &ActivityPage::filterChanged);

    m_minute = new QPushButton(this);
    m_minute->setObjectName(QStringLiteral("minuteFilter"));
    m_minute->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton, nullptr, this));
    m_minute->setAccessibleName(tr("Show every minute again"));
    m_minute->hide();
    connect(m_minute, &QPushButton::clicked, this, &ActivityPage::showAllMinutes);
    m_clear = new QPushButton(tr("C&lear filters"), this);
    m_clear->setObjectName(QStringLiteral("clearFilters"));
    m_clear->setEnabled(false);
    connect(m_clear, &QPushButton::clicked, this, [this] {
        m_fillingChoices = true;
        for (QComboBox *combo : {m_user, m_tool, m_decision})
            combo->setCurrentIndex(0);
        m_fillingChoices = false;
        applyFilter(ActivityFilter{});
    });

    auto *userLabel = new QLabel(tr("&User:"), this);
    userLabel->setBuddy(m_user);
    auto *toolLabel = new QLabel(tr("&Tool:"), this);
    toolLabel->setBuddy(m_tool);
    auto *decisionLabel = new QLabel(tr("&Decision:"), this);
    decisionLabel->setBuddy(m_decision);
    m_shown = new QLabel(this);
    m_shown->setObjectName(QStringLiteral("shownCount"));
    m_shown->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *filters = new QHBoxLayout;
    filters->addWidget(userLabel);
    filters->addWidget(m_user);
    filters->addSpacing(PageTitle::sectionSpacing(this) / 2);
    filters->addWidget(toolLabel);
    filters->addWidget(m_tool);
    filters->addSpacing(PageTitle::sectionSpacing(this) / 2);
    filters->addWidget(decisionLabel);
    filters->addWidget(m_decision);
    filters->addSpacing(PageTitle::sectionSpacing(this) / 2);
    filters->addWidget(m_minute);
    filters->addWidget(m_clear);
    filters->addWidget(m_shown, 1);

    m_model = new ActivityTableModel(m_feed, this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("activityTable"));
    m_table->setAccessibleName(tr("Tool calls, newest first"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setIconSize(QSize(smallIcon, smallIcon));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(
        qMax(fontMetrics().height(), smallIcon) +
        2 * style()->pixelMetric(QStyle::PM_FocusFrameVMargin, nullptr, this) + 2);
    // Widths from the font, not from the rows: measuring thousands of live rows would be slow.
    QHeaderView *header = m_table->horizontalHeader();
    const int charWidth = fontMetrics().averageCharWidth();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->resizeSection(ActivityTableModel::Time,
                          fontMetrics().horizontalAdvance(QStringLiteral("00:00:00")) +
                              4 * charWidth);
    header->resizeSection(ActivityTableModel::User, 16 * charWidth);
    header->resizeSection(ActivityTableModel::Decision, smallIcon + 18 * charWidth);
    header->resizeSection(ActivityTableModel::Status, 9 * charWidth);
    header->resizeSection(ActivityTableModel::Latency, 11 * charWidth);
    header->setSectionResizeMode(ActivityTableModel::Tool, QHeaderView::Stretch);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    m_emptyHint = new WrappingLabel(QStringLiteral("emptyHint"), this);
    m_emptyHint->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageTitle(tr("Activity"), this));
    layout->addWidget(purpose);
    layout->addWidget(m_busy);
    layout->addWidget(m_errorRow);
    layout->addSpacing(PageTitle::sectionSpacing(this) / 2);
    layout->addLayout(charts);
    layout->addSpacing(PageTitle::sectionSpacing(this) / 2);
    layout->addLayout(filters);
    layout->addWidget(m_emptyHint);
    layout->addWidget(m_table, 1);

    setTabOrder(m_callsChart, m_refusedChart);
    setTabOrder(m_refusedChart, m_latencyChart);
    setTabOrder(m_latencyChart, m_user);
    setTabOrder(m_user, m_tool);
    setTabOrder(m_tool, m_decision);
    setTabOrder(m_decision, m_minute);
    setTabOrder(m_minute, m_clear);
    setTabOrder(m_clear, m_table);

    // Also while the page is hidden: the status bar shows today's calls.
    m_timer.setInterval(kHiddenPollIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ActivityPage::poll);
    m_timer.start();
    poll();
}

ActivityPage::~ActivityPage()
{
    // A read in flight uses the store and posts back to this page: let it end first.
    m_pool.waitForDone();
}

void ActivityPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_timer.setInterval(kPollIntervalMs);
    poll();
}

void ActivityPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer.setInterval(kHiddenPollIntervalMs);
}

void ActivityPage::poll()
{
    if (m_reading) {
        // A new filter cannot wait for the next tick; new calls can.
        m_readAgain = m_readAgain || !m_feed.followFrom().has_value();
        return;
    }
    m_reading = true;
    const std::optional<qint64> after = m_feed.followFrom();
    m_busy->setVisible(!m_loadedOnce);
    m_pool.start([this, database = &m_database, filter = m_feed.filter(), after,
                  options = m_feed.options()] {
        auto read =
            ActivityFeed::read(*database, filter, after, QDateTime::currentDateTimeUtc(), options);
        QMetaObject::invokeMethod(
            this, [this, read = std::move(read)]() mutable { received(std::move(read)); },
            Qt::QueuedConnection);
    });
}

void ActivityPage::received(Result<policy::ActivityRead> read)
{
    m_reading = false;
    if (!read) {
        m_busy->hide();
        m_errorRow->showProblem(tr("The activity log could not be read: %1 The page tries again "
                                   "on its own; if this stays, check that the data folder is "
                                   "reachable.")
                                    .arg(read.error().message()));
        Q_EMIT readFailed(read.error().message());
    } else if (m_feed.apply(*read, QDateTime::currentDateTimeUtc())) {
        m_loadedOnce = true;
        m_busy->hide();
        m_errorRow->clear();
        updateCharts();
        updateSummary();
        fillFilterChoices();
        if (m_feed.callsToday() != m_callsToday) {
            m_callsToday = m_feed.callsToday();
            Q_EMIT callsTodayChanged(m_callsToday);
        }
        Q_EMIT updated();
    } else {
        // Read with a filter that has changed since: read again with the one in force.
        m_readAgain = true;
    }
    if (m_readAgain) {
        m_readAgain = false;
        poll();
    }
}

void ActivityPage::filterChanged()
{
    if (m_fillingChoices)
        return;
    ActivityFilter filter;
    filter.minute = m_feed.filter().minute;
    if (const QVariant user = m_user->currentData(); user.isValid())
        filter.user = user.toString();
    if (const QStringList tool = m_tool->currentData().toStringList(); tool.size() == 2) {
        filter.server = tool.at(0);
        filter.tool = tool.at(1);
    }
    if (const QVariant decision = m_decision->currentData(); decision.isValid())
        filter.decision = decision.toString();
    applyFilter(filter);
}

void ActivityPage::showMinute(const QDateTime &minute)
{
    ActivityFilter filter = m_feed.filter();
    // A second click on the minute shown goes back to every minute.
    if (filter.minute == minute)
        filter.minute.reset();
    else
        filter.minute = minute;
    applyFilter(filter);
}

void ActivityPage::showAllMinutes()
{
    ActivityFilter filter = m_feed.filter();
    filter.minute.reset();
    applyFilter(filter);
    m_callsChart->setFocus();
}

void ActivityPage::applyFilter(const ActivityFilter &filter)
{
    if (filter == m_feed.filter())
        return;
    m_feed.setFilter(filter);
    for (MinuteChart *chart : {m_callsChart, m_refusedChart, m_latencyChart})
        chart->setSelectedMinute(filter.minute);
    if (filter.minute) {
        m_minute->setText(
            tr("Only %1–%2")
                .arg(minuteText(*filter.minute), minuteText(filter.minute->addSecs(60))));
        m_minute->setToolTip(tr("Showing the calls of one minute; click to show every minute "
                                "again."));
    }
    m_minute->setVisible(filter.minute.has_value());
    m_clear->setEnabled(!filter.isEmpty());
    updateSummary();
    poll();
}

void ActivityPage::fillFilterChoices()
{
    const auto sameItems = [](QComboBox *combo, const QList<QVariant> &data) {
        if (combo->count() != data.size() + 1)
            return false;
        for (int i = 0; i < data.size(); ++i)
            if (combo->itemData(i + 1) != data.at(i))
                return false;
        return true;
    };
    QList<QVariant> users;
    for (const QString &user : m_feed.users())
        users.append(user);
    QList<QVariant> tools;
    QStringList toolNames;
    for (const auto &[server, tool] : m_feed.tools()) {
        tools.append(QStringList{server, tool});
        toolNames.append(server.isEmpty() ? tool : server + u'.' + tool);
    }
    m_fillingChoices = true;
    if (!sameItems(m_user, users)) {
        const QVariant current = m_user->currentData();
        while (m_user->count() > 1)
            m_user->removeItem(1);
        for (const QVariant &user : std::as_const(users))
            m_user->addItem(user.toString(), user);
        m_user->setCurrentIndex(qMax(0, m_user->findData(current)));
    }
    if (!sameItems(m_tool, tools)) {
        const QVariant current = m_tool->currentData();
        while (m_tool->count() > 1)
            m_tool->removeItem(1);
        for (int i = 0; i < tools.size(); ++i)
            m_tool->addItem(toolNames.at(i), tools.at(i));
        m_tool->setCurrentIndex(qMax(0, m_tool->findData(current)));
    }
    m_fillingChoices = false;
}

void ActivityPage::updateCharts()
{
    const QList<ActivityMinute> minutes = m_feed.minutes();
    for (MinuteChart *chart : {m_callsChart, m_refusedChart, m_latencyChart})
        chart->setMinutes(minutes);
}

void ActivityPage::updateSummary()
{
    const QLocale locale;
    const ActivityMinute hour = m_feed.window();
    m_callsSummary->setText(tr("%1 in the last hour").arg(locale.toString(hour.calls)));
    const QString refused =
        hour.calls > 0
            ? tr("%1 refused (%2 %)")
                  .arg(locale.toString(hour.refused),
                       locale.toString(100.0 * double(hour.refused) / double(hour.calls), 'f', 1))
            : tr("%1 refused").arg(locale.toString(hour.refused));
    m_refusedSummary->setText(refused);
    m_latencySummary->setText(
        hour.p50Ms ? tr("p50 %1 ms · p99 %2 ms")
                         .arg(locale.toString(*hour.p50Ms), locale.toString(hour.p99Ms.value_or(0)))
                   : tr("no timed calls"));
    m_callsChart->setAccessibleDescription(
        tr("Calls per minute over the last hour: %1 in all. Arrow keys move between minutes; "
           "Enter shows a minute's calls.")
            .arg(locale.toString(hour.calls)));
    m_refusedChart->setAccessibleDescription(
        tr("Denied or limited calls per minute over the last hour: %1 in all.")
            .arg(locale.toString(hour.refused)));
    m_latencyChart->setAccessibleDescription(
        tr("Latency per minute over the last hour, median and 99th percentile: %1.")
            .arg(m_latencySummary->text()));

    const int rows = m_model->rowCount();
    const bool filtered = !m_feed.filter().isEmpty();
    if (rows == 0)
        m_shown->clear();
    else if (m_feed.truncated())
        m_shown->setText(tr("The newest %1 calls").arg(locale.toString(rows)));
    else
        m_shown->setText(rows == 1 ? tr("1 call") : tr("%1 calls").arg(locale.toString(rows)));
    const bool empty = m_loadedOnce && rows == 0;
    m_emptyHint->setText(filtered ? tr("No calls match these filters. Clear them to see every "
                                       "call.")
                                  : tr("No tool calls yet. Each call a client makes through the "
                                       "gateway appears here within a second."));
    m_emptyHint->setVisible(empty);
}

} // namespace gatehouse::ui
