#pragma once

#include "oauth/UserDirectory.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace gatehouse::ui {

// A user's name, password, roles and plan. Three uses: a new user (all of them), editing an
// existing user's roles, plan and own limits (each one the plan's unless set), and setting a
// user's password (typed twice).
class UserDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        NewUser,
        RolesAndPlan,
        Password,
    };

    // user: the user edited (RolesAndPlan, Password); takenNames: names a new user cannot have.
    UserDialog(Mode mode, const std::optional<oauth::DirectoryUser> &user, const QStringList &roles,
               const QStringList &plans, const QStringList &takenNames, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    QString userName() const;
    QString password() const;
    QStringList roles() const;
    std::optional<QString> plan() const;
    oauth::UserDirectory::OwnLimits ownLimits() const;

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLineEdit *confirmEdit() const { return m_confirm; }
    QListWidget *roleList() const { return m_roles; }
    QComboBox *planChoice() const { return m_plan; }
    QSpinBox *callsEdit() const { return m_calls; }
    QCheckBox *callsFromPlan() const { return m_callsFromPlan; }

private:
    void validate();

    Mode m_mode;
    QStringList m_taken;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_confirm = nullptr;
    QListWidget *m_roles = nullptr;
    QComboBox *m_plan = nullptr;
    QSpinBox *m_calls = nullptr;
    QCheckBox *m_callsFromPlan = nullptr;
    QSpinBox *m_rate = nullptr;
    QCheckBox *m_rateFromPlan = nullptr;
    QDoubleSpinBox *m_spend = nullptr;
    QCheckBox *m_spendFromPlan = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace gatehouse::ui
