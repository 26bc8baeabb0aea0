#include "PlanChoiceDelegate.h"

#include <QComboBox>
#include <QTimer>

namespace gatehouse::ui {

PlanChoiceDelegate::PlanChoiceDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QString PlanChoiceDelegate::noPlanText()
{
    return tr("No plan (no limits)");
}

QWidget *PlanChoiceDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                          const QModelIndex &index) const
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("planChoice"));
    combo->setAccessibleName(tr("Plan of %1").arg(index.siblingAtColumn(0).data().toString()));
    combo->addItem(noPlanText(), QString());
    for (const QString &plan : m_plans)
        combo->addItem(plan, plan);
    // A choice is the whole edit: commit it without waiting for Enter or a click elsewhere.
    connect(combo, &QComboBox::activated, this, [this, combo] {
        auto *self = const_cast<PlanChoiceDelegate *>(this);
        Q_EMIT self->commitData(combo);
        Q_EMIT self->closeEditor(combo);
    });
    // The list opens at once: one double-click (or F2) and a choice.
    QTimer::singleShot(0, combo, &QComboBox::showPopup);
    return combo;
}

void PlanChoiceDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    const int at = combo->findData(index.data(PlanRole).toString());
    combo->setCurrentIndex(qMax(0, at));
}

void PlanChoiceDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                      const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    const QString plan = combo->currentData().toString();
    if (plan != index.data(PlanRole).toString())
        model->setData(index, plan, PlanRole);
}

} // namespace gatehouse::ui
