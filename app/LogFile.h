#pragma once

#include <QString>

namespace gatehouse::app {

// Sends Qt's log output to a file in the data directory (the GUI has no terminal). Messages also
// still go to stderr when one is attached. Rotates once at start when the file is over 5 MiB.
class LogFile
{
public:
    explicit LogFile(const QString &path);
    ~LogFile();

    LogFile(const LogFile &) = delete;
    LogFile &operator=(const LogFile &) = delete;

    bool isOpen() const;
    QString path() const { return m_path; }

private:
    QString m_path;
};

} // namespace gatehouse::app
