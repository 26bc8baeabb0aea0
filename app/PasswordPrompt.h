#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QString>

namespace gatehouse::app {

// Reads a password for the command line: from standard input when it is not a terminal (scripts:
// `echo "$PW" | gatehouse user add bob`), else from the terminal with echo off, asked twice. The
// bytes read are wiped once converted; the caller wipes the returned text after use.
class PasswordPrompt
{
    Q_DECLARE_TR_FUNCTIONS(PasswordPrompt)

public:
    static Result<QString> read(const QString &prompt, bool confirm);
    // Overwrites the characters of `text` and empties it. Call it on the only copy: a QString
    // that shares its buffer would be detached, and the shared buffer left as it was.
    static void wipe(QString &text);
};

} // namespace gatehouse::app
