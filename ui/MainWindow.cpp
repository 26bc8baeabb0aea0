#include "MainWindow.h"

namespace gatehouse::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Gatehouse"));
}

} // namespace gatehouse::ui
