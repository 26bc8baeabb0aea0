#include "ActivityTableModel.h"

#include <QColor>
#include <QLocale>

namespace gatehouse::ui {

using namespace Qt::StringLiterals;

ActivityTableModel::ActivityTableModel(policy::ActivityFeed &feed, QObject *parent)
    : QAbstractTableModel(parent)
    , m_feed(feed)
{
    m_feed.setListener(this);
}

ActivityTableModel::~ActivityTableModel()
{
    m_feed.setListener(nullptr);
}

QStringList ActivityTableModel::decisions()
{
    return {u"allow"_s, u"deny"_s, u"quota"_s, u"rate"_s, u"spend"_s};
}

QString ActivityTableModel::decisionName(const QString &decision)
{
    if (decision == u"allow"_s)
        return tr("Allowed");
    if (decision == u"deny"_s)
        return tr("Denied");
    if (decision == u"quota"_s)
        return tr("Over quota");
    if (decision == u"rate"_s)
        return tr("Rate limited");
    if (decision == u"spend"_s)
        return tr("Over spend cap");
    return decision;
}

QIcon ActivityTableModel::decisionIcon(const QString &decision)
{
    if (decision == u"allow"_s)
        return QIcon(u":/icons/cell-allow.svg"_s);
    if (decision == u"deny"_s)
        return QIcon(u":/icons/cell-deny.svg"_s);
    return QIcon(u":/icons/decision-limit.svg"_s);
}

int ActivityTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_feed.rows().size());
}

int ActivityTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ActivityTableModel::toolTip(const store::AuditRow &row) const
{
    const QLocale locale;
    QStringList lines;
    lines << locale.toString(row.time.toLocalTime(), QLocale::LongFormat);
    lines << tr("%1: %2").arg(decisionName(row.decision),
                              row.reason.value_or(tr("no reason recorded")));
    if (row.client)
        lines << tr("Client: %1").arg(*row.client);
    if (row.cost)
        lines << tr("Cost: %1").arg(locale.toString(*row.cost, 'f', 2));
    return lines.join(u'\n');
}

QVariant ActivityTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_feed.rows().size())
        return {};
    const store::AuditRow &row = m_feed.rows().at(index.row());
    const QLocale locale;
    const auto dash = [] { return QStringLiteral("—"); };
    if (role == DecisionRole)
        return row.decision;
    if (role == Qt::ToolTipRole)
        return toolTip(row);
    switch (index.column()) {
    case Time:
        if (role == Qt::DisplayRole) {
            const QDateTime local = row.time.toLocalTime();
            if (local.date() == QDate::currentDate())
                return locale.toString(local.time(), u"HH:mm:ss"_s);
            return locale.toString(local, QLocale::ShortFormat);
        }
        break;
    case User:
        if (role == Qt::DisplayRole)
            return row.user.value_or(dash());
        break;
    case Tool:
        if (role == Qt::DisplayRole) {
            if (!row.tool)
                return dash();
            return row.server ? *row.server + u'.' + *row.tool : *row.tool;
        }
        break;
    case Decision:
        if (role == Qt::DisplayRole)
            return decisionName(row.decision);
        if (role == Qt::DecorationRole)
            return decisionIcon(row.decision);
        break;
    case Status:
        if (role == Qt::DisplayRole)
            return row.upstreamStatus ? QString::number(*row.upstreamStatus) : dash();
        if (role == Qt::TextAlignmentRole)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::ForegroundRole && row.upstreamStatus && *row.upstreamStatus >= 400)
            return QColor(0xc8, 0x37, 0x2d);
        break;
    case Latency:
        if (role == Qt::DisplayRole)
            return row.latencyMs ? tr("%1 ms").arg(locale.toString(*row.latencyMs)) : dash();
        if (role == Qt::TextAlignmentRole)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant ActivityTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole && (section == Status || section == Latency))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case User:
        return tr("User");
    case Tool:
        return tr("Tool");
    case Decision:
        return tr("Decision");
    case Status:
        return tr("Status");
    case Latency:
        return tr("Latency");
    default:
        return {};
    }
}

void ActivityTableModel::rowsAboutToBeReset()
{
    beginResetModel();
}

void ActivityTableModel::rowsReset()
{
    endResetModel();
}

void ActivityTableModel::rowsAboutToBeInserted(int first, int last)
{
    beginInsertRows({}, first, last);
}

void ActivityTableModel::rowsInserted()
{
    endInsertRows();
}

void ActivityTableModel::rowsAboutToBeRemoved(int first, int last)
{
    beginRemoveRows({}, first, last);
}

void ActivityTableModel::rowsRemoved()
{
    endRemoveRows();
}

} // namespace gatehouse::ui
