#pragma once

#include <QWidget>

namespace gatehouse::ui {

// The Servers page on the first start, with an empty store: a headline, how to add the first
// server, and what happens next. The server list and tool table replace it in a later release.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);
};

} // namespace gatehouse::ui
