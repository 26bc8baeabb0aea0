#include "PermissionMatrixModel.h"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

namespace gatehouse::ui {

using policy::CellState;
using policy::MatrixColumn;
using policy::MatrixRow;
using policy::PermissionMatrix;

namespace {

constexpr int maxHoldersShown = 3;

} // namespace

PermissionMatrixModel::PermissionMatrixModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PermissionMatrixModel::setMatrix(policy::PermissionMatrix matrix)
{
    beginResetModel();
    m_matrix = std::move(matrix);
    m_pending.clear();
    endResetModel();
}

QString PermissionMatrixModel::rowKey(MatrixRow::Kind kind, const QString &name) const
{
    return (kind == MatrixRow::Kind::Role ? QStringLiteral("r:") : QStringLiteral("u:")) + name;
}

std::optional<PermissionMatrixModel::Change> PermissionMatrixModel::cycle(const QModelIndex &index)
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return std::nullopt;
    const MatrixRow &row = m_matrix.rows().at(index.row());
    const MatrixColumn &column = m_matrix.columns().at(index.column());
    const CellState state = PermissionMatrix::next(m_matrix.cell(index.row(), index.column()));
    Change change{row.kind, row.name, column.target(), column.action, state};
    ++m_pending[rowKey(row.kind, row.name)];
    m_matrix.setRowRules(
        index.row(), PermissionMatrix::withCell(row.rules, change.target, change.action, state));
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), columnCount() - 1));
    return change;
}

void PermissionMatrixModel::applyStored(const Change &change, const QList<store::Rule> &rules)
{
    const QString key = rowKey(change.kind, change.name);
    if (int &pending = m_pending[key]; --pending > 0)
        return;
    m_pending.remove(key);
    const int row = m_matrix.rowOf(change.kind, change.name);
    if (row < 0)
        return;
    m_matrix.setRowRules(row, rules);
    Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
}

int PermissionMatrixModel::addUserRow(const QString &user)
{
    if (const int existing = m_matrix.rowOf(MatrixRow::Kind::User, user); existing >= 0)
        return existing;
    const int row = rowCount();
    policy::PermissionMatrix next = m_matrix;
    if (next.addUserRow(user) < 0)
        return -1;
    beginInsertRows({}, row, row);
    m_matrix = std::move(next);
    endInsertRows();
    return row;
}

int PermissionMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matrix.rows().size());
}

int PermissionMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matrix.columns().size());
}

QIcon PermissionMatrixModel::stateIcon(CellState state)
{
    switch (state) {
    case CellState::Allow:
        return QIcon(QStringLiteral(":/icons/cell-allow.svg"));
    case CellState::Deny:
        return QIcon(QStringLiteral(":/icons/cell-deny.svg"));
    case CellState::Inherit:
        break;
    }
    return QIcon(QStringLiteral(":/icons/cell-inherit.svg"));
}

QString PermissionMatrixModel::stateName(CellState state)
{
    switch (state) {
    case CellState::Allow:
        return tr("allowed");
    case CellState::Deny:
        return tr("denied");
    case CellState::Inherit:
        break;
    }
    return tr("inherit");
}

QString PermissionMatrixModel::actionName(const QString &action)
{
    if (action == QLatin1String("read"))
        return tr("read");
    if (action == QLatin1String("create"))
        return tr("create");
    if (action == QLatin1String("update"))
        return tr("update");
    if (action == QLatin1String("delete"))
        return tr("delete");
    return action;
}

QString PermissionMatrixModel::rowTitle(int row) const
{
    const MatrixRow &r = m_matrix.rows().at(row);
    if (r.kind == MatrixRow::Kind::User)
        return tr("%1 (user)").arg(r.name);
    const QStringList holders = m_matrix.usersOf(r.name);
    if (holders.isEmpty())
        return r.name;
    if (holders.size() <= maxHoldersShown)
        return tr("%1 · %2").arg(r.name, holders.join(QStringLiteral(", ")));
    return tr("%1 · %2 and %3 more")
        .arg(r.name, holders.mid(0, maxHoldersShown).join(QStringLiteral(", ")))
        .arg(holders.size() - maxHoldersShown);
}

QString PermissionMatrixModel::cellToolTip(int row, int column) const
{
    const MatrixRow &r = m_matrix.rows().at(row);
    const MatrixColumn &c = m_matrix.columns().at(column);
    const CellState state = m_matrix.cell(row, column);
    QStringList lines;
    const QString who =
        r.kind == MatrixRow::Kind::Role ? tr("Role %1").arg(r.name) : tr("User %1").arg(r.name);
    QString meaning;
    switch (state) {
    case CellState::Allow:
        meaning = tr("%1 may %2 %3 on %4.").arg(who, actionName(c.action), c.resource, c.server);
        break;
    case CellState::Deny:
        meaning = r.kind == MatrixRow::Kind::Role
                      ? tr("%1 may not %2 %3 on %4, even if another role of the user allows it.")
                            .arg(who, actionName(c.action), c.resource, c.server)
                      : tr("%1 may not %2 %3 on %4, whatever their roles allow.")
                            .arg(who, actionName(c.action), c.resource, c.server);
        break;
    case CellState::Inherit:
        meaning = r.kind == MatrixRow::Kind::Role
                      ? tr("Not set: %1 does not grant %2 on %3/%4; another role of the user may.")
                            .arg(who, actionName(c.action), c.server, c.resource)
                      : tr("Inherit: the roles of %1 decide.").arg(r.name);
        break;
    }
    lines.append(meaning);
    if (c.tools.isEmpty()) {
        lines.append(tr("No tool does this now."));
    } else {
        lines.append(tr("Tools it covers:"));
        for (const QString &name : c.tools) {
            const auto tool = m_matrix.tool(c.server, name);
            const QString title = tool ? tool->title : QString();
            lines.append(title.isEmpty() || title == name
                             ? QStringLiteral("  • %1").arg(name)
                             : QStringLiteral("  • %1 — %2").arg(name, title));
        }
    }
    const QList<store::Rule> toolRules = m_matrix.toolRules(row, column);
    if (!toolRules.isEmpty()) {
        lines.append(tr("Rules on single tools also apply:"));
        for (const store::Rule &rule : toolRules)
            lines.append(QStringLiteral("  • ") + policy::PermissionPolicy::describe(rule));
    }
    lines.append(tr("Click or press Space: allow → deny → inherit."));
    return lines.join(u'\n');
}

QString PermissionMatrixModel::columnToolTip(int column) const
{
    const MatrixColumn &c = m_matrix.columns().at(column);
    const QString where =
        QStringLiteral("%1 › %2 › %3").arg(c.server, c.resource, actionName(c.action));
    if (c.tools.isEmpty())
        return tr("%1\nNo tool does this now.").arg(where);
    return tr("%1\nTools: %2").arg(where, c.tools.join(QStringLiteral(", ")));
}

QVariant PermissionMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const CellState state = m_matrix.cell(index.row(), index.column());
    const MatrixColumn &c = m_matrix.columns().at(index.column());
    switch (role) {
    case Qt::DecorationRole:
        return stateIcon(state);
    case Qt::BackgroundRole:
        // Translucent, so that the tint reads on light and dark palettes alike.
        if (state == CellState::Allow)
            return QColor(46, 155, 95, 70);
        if (state == CellState::Deny)
            return QColor(200, 55, 45, 70);
        return {};
    case Qt::ToolTipRole:
        return cellToolTip(index.row(), index.column());
    case Qt::AccessibleTextRole:
        return tr("%1, %2 %3 %4: %5")
            .arg(m_matrix.rows().at(index.row()).name, c.server, c.resource, actionName(c.action),
                 stateName(state));
    case StateRole:
        return int(state);
    case CoversToolsRole:
        return !c.tools.isEmpty();
    case GroupStartRole:
        return index.column() > 0 && c.action == PermissionMatrix::actions().constFirst();
    default:
        return {};
    }
}

QVariant PermissionMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= columnCount())
            return {};
        const MatrixColumn &c = m_matrix.columns().at(section);
        switch (role) {
        case Qt::DisplayRole:
            return actionName(c.action);
        case ServerRole:
            return c.server;
        case ResourceRole:
            return c.resource;
        case CoversToolsRole:
            return !c.tools.isEmpty();
        case Qt::ForegroundRole:
            // An action no tool does now reads fainter, like its cells.
            if (c.tools.isEmpty())
                return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::ButtonText);
            return {};
        case Qt::ToolTipRole:
            return columnToolTip(section);
        case Qt::AccessibleTextRole:
            return tr("%1 %2 %3").arg(c.server, c.resource, actionName(c.action));
        default:
            return {};
        }
    }
    if (section < 0 || section >= rowCount())
        return {};
    const MatrixRow &r = m_matrix.rows().at(section);
    switch (role) {
    case Qt::DisplayRole:
        return rowTitle(section);
    case Qt::DecorationRole:
        return QIcon(r.kind == MatrixRow::Kind::Role ? QStringLiteral(":/icons/permissions.svg")
                                                     : QStringLiteral(":/icons/users.svg"));
    case Qt::ToolTipRole: {
        if (r.kind == MatrixRow::Kind::User)
            return tr("The own rules of user %1: they override the roles %2.")
                .arg(r.name, r.roles.isEmpty() ? tr("(none)") : r.roles.join(QStringLiteral(", ")));
        const QStringList holders = m_matrix.usersOf(r.name);
        return tr("Role %1, held by %2.")
            .arg(r.name, holders.isEmpty() ? tr("nobody yet") : holders.join(QStringLiteral(", ")));
    }
    case Qt::AccessibleTextRole:
        return r.kind == MatrixRow::Kind::Role ? tr("Role %1").arg(r.name)
                                               : tr("User %1").arg(r.name);
    default:
        return {};
    }
}

Qt::ItemFlags PermissionMatrixModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

} // namespace gatehouse::ui
