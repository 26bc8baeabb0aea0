#pragma once

#include "store/PlanRepository.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace gatehouse::ui {

// A plan's name and limits: calls per month (per user and server), calls per minute, and spend
// per month. Each limit is a number or "Unlimited". Editing keeps the name (users refer to it).
class PlanDialog : public QDialog
{
    Q_OBJECT
public:
    // plan: the plan to edit; none for a new one. takenNames: names a new plan cannot have.
    PlanDialog(const std::optional<store::Plan> &plan, const QStringList &takenNames,
               QWidget *parent = nullptr);

    bool isNew() const { return m_new; }
    store::Plan plan() const;

    QLineEdit *nameEdit() const { return m_name; }
    QSpinBox *callsEdit() const { return m_calls; }
    QCheckBox *callsUnlimited() const { return m_callsUnlimited; }
    QSpinBox *rateEdit() const { return m_rate; }
    QCheckBox *rateUnlimited() const { return m_rateUnlimited; }
    QDoubleSpinBox *spendEdit() const { return m_spend; }
    QCheckBox *spendUnlimited() const { return m_spendUnlimited; }

private:
    void validate();

    bool m_new;
    store::Origin m_origin;
    QStringList m_taken;
    QLineEdit *m_name = nullptr;
    QSpinBox *m_calls = nullptr;
    QCheckBox *m_callsUnlimited = nullptr;
    QSpinBox *m_rate = nullptr;
    QCheckBox *m_rateUnlimited = nullptr;
    QDoubleSpinBox *m_spend = nullptr;
    QCheckBox *m_spendUnlimited = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace gatehouse::ui
