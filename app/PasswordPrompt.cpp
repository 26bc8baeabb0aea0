#include "PasswordPrompt.h"

#include <QCoreApplication>

#include <cstdio>
#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace gatehouse::app {

namespace {
QString readLine(bool hideInput)
{
    termios saved{};
    const bool tty = hideInput && ::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (tty) {
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::cerr << std::endl;
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromStdString(line);
}
} // namespace

Result<QString> PasswordPrompt::read(const QString &prompt, bool confirm)
{
    const bool interactive = ::isatty(STDIN_FILENO);
    if (interactive)
        std::cerr << prompt.toStdString() << std::flush;
    const QString password = readLine(true);
    if (password.isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     interactive
                         ? PasswordPrompt::tr("no password was entered")
                         : PasswordPrompt::tr("no password on standard input: pipe one in, e.g. "
                                              "`printf '%s\\n' \"$PASSWORD\" | gatehouse ...`"));
    if (interactive && confirm) {
        std::cerr << PasswordPrompt::tr("Repeat the password: ").toStdString() << std::flush;
        if (readLine(true) != password)
            return Error(ErrorCode::InvalidArgument,
                         PasswordPrompt::tr("the two passwords differ: try again"));
    }
    return password;
}

} // namespace gatehouse::app
