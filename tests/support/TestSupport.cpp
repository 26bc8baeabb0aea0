#include "TestSupport.h"

#include <QDir>
#include <QProcess>
#include <QtTest>

namespace gatehouse::test {

QString sourceDir()
{
    return qEnvironmentVariable("GATEHOUSE_SOURCE_DIR");
}

QString designDir()
{
    const QString fromEnv = qEnvironmentVariable("GATEHOUSE_DESIGN_DIR");
    return QDir::cleanPath(fromEnv);
}

QString gatehouseBinary()
{
    return qEnvironmentVariable("GATEHOUSE_BINARY");
}

ProcessResult runGatehouse(const QStringList &args, const QByteArray &stdinData, int timeoutMs)
{
    QProcess process;
    process.start(gatehouseBinary(), args);
    ProcessResult result;
    if (!process.waitForStarted()) {
        result.err = process.errorString();
        return result;
    }
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("timed out");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace gatehouse::test
