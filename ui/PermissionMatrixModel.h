#pragma once

#include "policy/PermissionMatrix.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>

#include <optional>

namespace gatehouse::ui {

// The permission matrix for a table view: rows are roles and users with exceptions, columns are
// server / resource / action (the header shows the grouping through ServerRole and ResourceRole).
// A cell shows its state with an icon and a colour; its tooltip lists the tools it covers.
// Holds no store: the page writes changes in the background and hands back what was stored.
class PermissionMatrixModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role
    {
        ServerRole = Qt::UserRole + 1, // header: the column's server
        ResourceRole,                  // header: the column's resource
        StateRole,                     // cell: policy::CellState as int
        CoversToolsRole,               // cell and header: whether any tool does this now
        GroupStartRole,                // cell: the first column of a resource
    };

    // One cell's change, for the store.
    struct Change
    {
        policy::MatrixRow::Kind kind = policy::MatrixRow::Kind::Role;
        QString name;
        QString target;
        QString action;
        policy::CellState state = policy::CellState::Inherit;
    };

    explicit PermissionMatrixModel(QObject *parent = nullptr);

    void setMatrix(policy::PermissionMatrix matrix);
    const policy::PermissionMatrix &matrix() const { return m_matrix; }

    // Moves the cell to its next state at once and returns the change to store.
    std::optional<Change> cycle(const QModelIndex &index);
    // What the store holds for a row after a write; shown once no other write of that row is
    // pending, so quick clicks do not flicker back.
    void applyStored(const Change &change, const QList<store::Rule> &rules);
    // Adds an empty exception row for a user; the row's index, -1 for an unknown user.
    int addUserRow(const QString &user);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    static QIcon stateIcon(policy::CellState state);
    static QString stateName(policy::CellState state);
    static QString actionName(const QString &action);

private:
    QString rowKey(policy::MatrixRow::Kind kind, const QString &name) const;
    QString rowTitle(int row) const;
    QString cellToolTip(int row, int column) const;
    QString columnToolTip(int column) const;

    policy::PermissionMatrix m_matrix;
    QHash<QString, int> m_pending; // writes in flight per row
};

} // namespace gatehouse::ui
