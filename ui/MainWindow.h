#pragma once

#include <QMainWindow>

namespace gatehouse::ui {

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace gatehouse::ui
