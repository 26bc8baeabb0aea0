#pragma once

#include <QObject>

#include <initializer_list>

class QSocketNotifier;

namespace gatehouse::app {

// Turns SIGTERM, SIGINT and SIGHUP into a Qt signal on the event loop (the self-pipe trick: a
// signal handler may only write to a file descriptor).
class UnixSignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignalWatcher(std::initializer_list<int> signals, QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void received(int signal);

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
    QList<int> m_signals;
};

} // namespace gatehouse::app
