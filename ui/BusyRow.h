#pragma once

#include <QWidget>

class QLabel;

namespace gatehouse::ui {

// An indeterminate progress bar and a line saying what is being read, shown while a page does its
// work in the background. Hidden until shown.
class BusyRow : public QWidget
{
    Q_OBJECT
public:
    BusyRow(const QString &text, const QString &accessibleName, QWidget *parent);
    void setText(const QString &text);

private:
    QLabel *m_text;
};

} // namespace gatehouse::ui
