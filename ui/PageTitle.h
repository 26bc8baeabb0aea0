#pragma once

#include <QLabel>

namespace gatehouse::ui {

// The headline at the top of every page: the application font, larger and bold, so it scales with
// the user's font settings instead of a fixed pixel size.
class PageTitle : public QLabel
{
    Q_OBJECT
public:
    explicit PageTitle(const QString &text, QWidget *parent = nullptr);

    // Extra space between the sections of a page, taken from the widget's style.
    static int sectionSpacing(const QWidget *widget);
};

} // namespace gatehouse::ui
