#pragma once

#include <QWidget>

class QAbstractButton;
class QHBoxLayout;
class QLabel;

namespace gatehouse::ui {

// A warning icon beside a sentence that says what went wrong and what to do, optionally with a
// button (Try again). Hidden until a problem is shown.
class ProblemRow : public QWidget
{
    Q_OBJECT
public:
    // labelObjectName names the sentence's label, for tests and accessibility tools.
    ProblemRow(const QString &labelObjectName, QWidget *parent);

    void addButton(QAbstractButton *button);
    // Shows the row with this sentence; clear() empties and hides it.
    void showProblem(const QString &text);
    void clear();
    QString text() const;

private:
    QLabel *m_label;
    QHBoxLayout *m_layout;
};

} // namespace gatehouse::ui
