#include "PasswordPrompt.h"

#include <QByteArray>
#include <QCoreApplication>

#include <cerrno>
#include <iostream>
#include <openssl/crypto.h>
#include <termios.h>
#include <unistd.h>

namespace gatehouse::app {

namespace {
constexpr qsizetype kMaxLineBytes = 64 * 1024;

void wipeBytes(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
}

// One line of standard input, read with read(2) one byte at a time into a buffer allocated once:
// no stdio or iostream buffer keeps a copy of it, and no reallocation leaves one behind. The
// caller wipes the result. Empty with `tooLong` set when the line exceeds kMaxLineBytes.
QByteArray readLine(bool hideInput, bool &tooLong)
{
    termios saved{};
    const bool tty = hideInput && ::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (tty) {
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    QByteArray line(kMaxLineBytes, Qt::Uninitialized);
    qsizetype size = 0;
    tooLong = false;
    char c = 0;
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0 || c == '\n')
            break;
        if (size < line.size())
            line.data()[size++] = c;
        else
            tooLong = true; // read on to the end of the line, keeping nothing
    }
    OPENSSL_cleanse(&c, sizeof c);
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::cerr << std::endl;
    }
    if (tooLong)
        size = line.size();
    OPENSSL_cleanse(line.data() + size, size_t(line.size() - size));
    line.truncate(tooLong ? 0 : size); // shrinking keeps the buffer: nothing is copied
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}
} // namespace

void PasswordPrompt::wipe(QString &text)
{
    if (!text.isEmpty())
        OPENSSL_cleanse(text.data(), size_t(text.size()) * sizeof(QChar));
    text.clear();
}

Result<QString> PasswordPrompt::read(const QString &prompt, bool confirm)
{
    const bool interactive = ::isatty(STDIN_FILENO);
    if (interactive)
        std::cerr << prompt.toStdString() << std::flush;
    bool tooLong = false;
    QByteArray line = readLine(true, tooLong);
    if (tooLong)
        return Error(ErrorCode::InvalidArgument,
                     PasswordPrompt::tr("the line is longer than 64 KiB, which no password is"));
    if (line.isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     interactive
                         ? PasswordPrompt::tr("no password was entered")
                         : PasswordPrompt::tr("no password on standard input: pipe one in, e.g. "
                                              "`printf '%s\\n' \"$PASSWORD\" | gatehouse ...`"));
    if (interactive && confirm) {
        std::cerr << PasswordPrompt::tr("Repeat the password: ").toStdString() << std::flush;
        QByteArray again = readLine(true, tooLong);
        const bool same = again == line;
        wipeBytes(again);
        if (!same) {
            wipeBytes(line);
            return Error(ErrorCode::InvalidArgument,
                         PasswordPrompt::tr("the two passwords differ: try again"));
        }
    }
    QString password = QString::fromUtf8(line);
    wipeBytes(line);
    return password;
}

} // namespace gatehouse::app
