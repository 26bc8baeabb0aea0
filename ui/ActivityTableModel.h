#pragma once

#include "policy/ActivityFeed.h"

#include <QAbstractTableModel>
#include <QIcon>

namespace gatehouse::ui {

// The Activity table: the feed's rows, newest first, as time, user, tool, decision, upstream
// status and latency. Follows the feed's changes row by row, so the owner's place in the table
// holds while new calls arrive. The reason for the decision is each row's tooltip.
class ActivityTableModel : public QAbstractTableModel, private policy::ActivityFeed::Listener
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        User,
        Tool,
        Decision,
        Status,
        Latency,
        ColumnCount
    };
    enum Role
    {
        DecisionRole = Qt::UserRole + 1, // the decision as recorded: allow, deny, ...
    };

    // feed must outlive the model; the model becomes its listener.
    explicit ActivityTableModel(policy::ActivityFeed &feed, QObject *parent = nullptr);
    ~ActivityTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // In words for people: "Allowed", "Over quota"; decisions the gateway may add later show as
    // recorded.
    static QString decisionName(const QString &decision);
    static QIcon decisionIcon(const QString &decision);
    // The decisions the gateway records, in the order filters offer them.
    static QStringList decisions();

private:
    void rowsAboutToBeReset() override;
    void rowsReset() override;
    void rowsAboutToBeInserted(int first, int last) override;
    void rowsInserted() override;
    void rowsAboutToBeRemoved(int first, int last) override;
    void rowsRemoved() override;
    QString toolTip(const store::AuditRow &row) const;

    policy::ActivityFeed &m_feed;
};

} // namespace gatehouse::ui
