#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QString>

namespace gatehouse::app {

// Reads a password for the command line: from standard input when it is not a terminal (scripts:
// `echo "$PW" | gatehouse user add bob`), else from the terminal with echo off, asked twice.
class PasswordPrompt
{
    Q_DECLARE_TR_FUNCTIONS(PasswordPrompt)

public:
    static Result<QString> read(const QString &prompt, bool confirm);
};

} // namespace gatehouse::app
