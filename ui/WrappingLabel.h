#pragma once

#include <QLabel>

namespace gatehouse::ui {

// A label for sentences: wraps, and its text can be selected and copied.
class WrappingLabel : public QLabel
{
    Q_OBJECT
public:
    WrappingLabel(const QString &objectName, QWidget *parent);
};

} // namespace gatehouse::ui
