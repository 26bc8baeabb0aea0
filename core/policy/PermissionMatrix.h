#pragma once

#include "PermissionPolicy.h"
#include "Result.h"
#include "store/RoleRepository.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <optional>

namespace gatehouse::store {
class Database;
}

namespace gatehouse::policy {

// What one cell of the matrix says for its row: the row's rules on the cell's resource allow the
// action, deny it, or say nothing (the next level decides: a user's roles, or for a role nothing
// is granted).
enum class CellState
{
    Inherit,
    Allow,
    Deny,
};

// A tool the matrix shows: what the policy matches, and its title for people.
struct MatrixTool
{
    ToolIdentity identity;
    QString title;
};

// The tools one server offers, from the gateway's catalogs.
struct ServerTools
{
    QString server;
    QList<MatrixTool> tools;
    QString loadError; // the spec could not be loaded: the server offers no tools now
};

// One column: an action on a server's resource, and the tools that do it.
struct MatrixColumn
{
    QString server;
    QString resource;
    QString action;    // read | create | update | delete
    QStringList tools; // their names as clients see them, in catalog order

    QString target() const { return server + u'/' + resource; } // as rules write it
};

// One row: a role, or a user whose own rules make an exception to their roles.
struct MatrixRow
{
    enum class Kind
    {
        Role,
        User,
    };
    Kind kind = Kind::Role;
    QString name;
    QList<store::Rule> rules; // the role's rules, or the user's own
    QStringList roles;        // a user's roles
};

// The decision for one user and tool, in words for the GUI and `gatehouse check`.
struct AccessExplanation
{
    Decision decision;
    QString verdict; // "Denied: bob may not create invoices on billing (tool create_invoice)."
    // When no rule applied: what each level has on the tool's resource
    // ("role viewer has billing/invoices: read only").
    QStringList held;
    QString advice; // what to change to allow it; empty when allowed
};

// The permission matrix as the owner edits it: rows are roles, then users with rules of their own;
// columns are grouped by server, then resource, then the four actions. A cell is the row's
// resource rules for one action; a change to a cell is a change to the row's rules in the store.
// Rules on single tools ("billing.void_invoice: deny") are not cells: they stay as they are, and
// toolRules() names them where they apply. Decisions come from PermissionPolicy over the same rows.
class PermissionMatrix
{
    Q_DECLARE_TR_FUNCTIONS(PermissionMatrix)

public:
    // Reads roles, users and rules from the store; columns come from servers (the tools of the
    // gateway's catalogs) and from resource rules that name a resource no tool has now.
    static Result<PermissionMatrix> load(store::Database &database, QList<ServerTools> servers);

    // read, create, update, delete: the order of a resource's columns.
    static const QStringList &actions();

    const QList<MatrixRow> &rows() const { return m_rows; }
    const QList<MatrixColumn> &columns() const { return m_columns; }
    const QList<ServerTools> &servers() const { return m_servers; }
    // Every user, in name order (not only those with exceptions).
    QStringList users() const;
    // Users without rules of their own: the ones an exception row can be added for.
    QStringList usersWithoutExceptions() const;
    // The users who hold the role, in name order.
    QStringList usersOf(const QString &role) const;
    const PermissionPolicy &policy() const { return m_policy; }

    // -1 when there is no such row or column.
    int rowOf(MatrixRow::Kind kind, const QString &name) const;
    int columnOf(const QString &server, const QString &resource, const QString &action) const;
    // Adds an empty row for a user, so that an exception can be set; the row's index.
    int addUserRow(const QString &user);
    // Replaces a row's rules, e.g. with what writeCell() stored.
    void setRowRules(int row, QList<store::Rule> rules);

    CellState cell(int row, int column) const;
    // Rules of the row on single tools that the column covers: they decide before or beside the
    // cell for those tools.
    QList<store::Rule> toolRules(int row, int column) const;
    // The tool of this name (as clients see it) on this server, if the matrix knows it.
    std::optional<MatrixTool> tool(const QString &server, const QString &name) const;

    // allow -> deny -> inherit -> allow: what a click or the space bar does.
    static CellState next(CellState state);
    // What rules say for target and action: deny wins over allow, as in the policy.
    static CellState stateOf(const QList<store::Rule> &rules, const QString &target,
                             const QString &action);
    // The rules with the cell set: rules for the target and action are taken out (a rule for
    // the whole resource, action "*", is split into the other three actions), then an allow or
    // deny rule is added unless the state is Inherit.
    static QList<store::Rule> withCell(const QList<store::Rule> &rules, const QString &target,
                                       const QString &action, CellState state);
    // Sets one cell of a role's or user's rules in the store, in one transaction that reads the
    // rules as they are now; returns the rules as stored.
    static Result<QList<store::Rule>> writeCell(store::Database &database, MatrixRow::Kind kind,
                                                const QString &name, const QString &target,
                                                const QString &action, CellState state);

    // The policy's decision for user and tool, with the verdict, what the user's levels hold on
    // the tool's resource when no rule applied, and what to change to allow it.
    AccessExplanation explain(const QString &user, const ToolIdentity &tool,
                              const std::optional<QStringList> &scopes = std::nullopt) const;

private:
    struct UserInfo
    {
        QString name;
        QStringList roles;
        bool disabled = false;
        QList<store::Rule> own;
    };

    void buildColumns();
    void buildPolicy();
    QString holding(const QString &level, const QList<store::Rule> &rules,
                    const QString &target) const;

    QList<ServerTools> m_servers;
    QList<MatrixRow> m_rows;
    QList<MatrixColumn> m_columns;
    QList<UserInfo> m_users;
    QHash<QString, QList<store::Rule>> m_roleRules;
    PermissionPolicy m_policy;
};

} // namespace gatehouse::policy
