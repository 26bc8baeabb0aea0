#pragma once

#include "oauth/TokenService.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace gatehouse::ui {

// What a minted token may do: the server it is bound to (or every server the user may use), the
// actions on it, how long it lives and the most it may spend.
class MintTokenDialog : public QDialog
{
    Q_OBJECT
public:
    MintTokenDialog(const QString &user, const QStringList &servers, QWidget *parent = nullptr);

    oauth::TokenService::MintRequest request() const;

    QComboBox *serverChoice() const { return m_server; }
    QSpinBox *lifetimeEdit() const { return m_lifetime; }
    QComboBox *lifetimeUnit() const { return m_unit; }
    QDoubleSpinBox *capEdit() const { return m_cap; }
    QCheckBox *noCap() const { return m_noCap; }

private:
    void update();
    std::chrono::seconds ttl() const;

    QString m_user;
    QComboBox *m_server = nullptr;
    QList<QCheckBox *> m_actions;
    QSpinBox *m_lifetime = nullptr;
    QComboBox *m_unit = nullptr;
    QDoubleSpinBox *m_cap = nullptr;
    QCheckBox *m_noCap = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace gatehouse::ui
