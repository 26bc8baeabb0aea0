#pragma once

#include <QStringList>
#include <QStyledItemDelegate>

namespace gatehouse::ui {

// Edits a user's plan in place: a combo box with "No plan" and the plans there are, its list
// open. Choosing an entry commits it at once, as the cell's PlanRole: the plan's name, empty for
// none.
class PlanChoiceDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum Role
    {
        PlanRole = Qt::UserRole + 30,
    };

    explicit PlanChoiceDelegate(QObject *parent = nullptr);

    void setPlans(const QStringList &plans) { m_plans = plans; }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

    static QString noPlanText();

private:
    QStringList m_plans;
};

} // namespace gatehouse::ui
