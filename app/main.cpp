#include "MainWindow.h"

#include <QApplication>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    gatehouse::ui::MainWindow window;
    window.show();
    return app.exec();
}
