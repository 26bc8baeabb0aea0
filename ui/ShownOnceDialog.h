#pragma once

#include <QDialog>

class QFormLayout;
class QLineEdit;

namespace gatehouse::ui {

// Shows secrets the gateway keeps only as hashes (a client secret, a minted token) the one time
// they exist: each in a read-only field with a Copy button, under a sentence that they will not
// be shown again. The fields are emptied when the dialog closes, and the clipboard too while it
// still holds one of them.
class ShownOnceDialog : public QDialog
{
    Q_OBJECT
public:
    ShownOnceDialog(const QString &title, const QString &explanation, QWidget *parent = nullptr);

    // objectName names the field (tests, accessibility tools); the Copy button is "<name>Copy".
    void addValue(const QString &label, const QString &value, const QString &objectName);
    QLineEdit *field(const QString &objectName) const;

    void done(int result) override;

private:
    QFormLayout *m_form = nullptr;
};

} // namespace gatehouse::ui
