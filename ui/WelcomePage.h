#pragma once

#include <QWidget>

namespace gatehouse::ui {

// The Servers page while there is no server (the first start): a headline, the main action
// (import an OpenAPI spec from a file or URL) and what happens next.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

Q_SIGNALS:
    void importRequested();
};

} // namespace gatehouse::ui
