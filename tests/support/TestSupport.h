#pragma once

#include <QString>
#include <QStringList>

namespace gatehouse::test {

// The project's source tree (for examples/ and tests' fixtures).
QString sourceDir();
// ../shared/design beside the checkout: config-example.yaml and specs/ (the configuration
// contract).
QString designDir();
// The built gatehouse executable, for tests that drive the command line.
QString gatehouseBinary();

struct ProcessResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the gatehouse executable with args, writing stdinData to its standard input.
ProcessResult runGatehouse(const QStringList &args, const QByteArray &stdinData = {},
                           int timeoutMs = 30000);

} // namespace gatehouse::test
