#include "LogFile.h"

#include <QDateTime>
#include <QFile>
#include <QMutex>

#include <cstdio>
#include <unistd.h>

namespace gatehouse::app {

namespace {
constexpr qint64 kRotateBytes = 5 * 1024 * 1024;

// qInstallMessageHandler takes a plain function; this is the one piece of state it needs.
struct Sink
{
    QMutex mutex;
    QFile file;
    QtMessageHandler previous = nullptr;
};
Sink *g_sink = nullptr;

void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (!g_sink)
        return;
    const QString line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) +
                         QLatin1Char(' ') + qFormatLogMessage(type, context, message) +
                         QLatin1Char('\n');
    {
        QMutexLocker lock(&g_sink->mutex);
        g_sink->file.write(line.toUtf8());
        g_sink->file.flush();
    }
    if (::isatty(STDERR_FILENO) && g_sink->previous)
        g_sink->previous(type, context, message);
}
} // namespace

LogFile::LogFile(const QString &path)
    : m_path(path)
{
    if (QFile::exists(path) && QFile(path).size() > kRotateBytes) {
        QFile::remove(path + QStringLiteral(".1"));
        QFile::rename(path, path + QStringLiteral(".1"));
    }
    g_sink = new Sink;
    g_sink->file.setFileName(path);
    if (!g_sink->file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        delete g_sink;
        g_sink = nullptr;
        return;
    }
    g_sink->file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    g_sink->previous = qInstallMessageHandler(handle);
}

LogFile::~LogFile()
{
    if (!g_sink)
        return;
    qInstallMessageHandler(g_sink->previous);
    delete g_sink;
    g_sink = nullptr;
}

bool LogFile::isOpen() const
{
    return g_sink != nullptr;
}

} // namespace gatehouse::app
