#include "UnixSignalWatcher.h"

#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace gatehouse::app {

namespace {
// The write end must be reachable from an async signal handler, which takes no context: this one
// file-scope descriptor is the only global state, set once per process.
int g_signalFd[2] = {-1, -1};

void handleSignal(int signal)
{
    const unsigned char byte = static_cast<unsigned char>(signal);
    [[maybe_unused]] const ssize_t written = ::write(g_signalFd[0], &byte, 1);
}
} // namespace

UnixSignalWatcher::UnixSignalWatcher(std::initializer_list<int> signals, QObject *parent)
    : QObject(parent)
    , m_signals(signals)
{
    if (g_signalFd[0] < 0) {
        ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalFd);
        ::fcntl(g_signalFd[0], F_SETFL, O_NONBLOCK);
        ::fcntl(g_signalFd[1], F_SETFL, O_NONBLOCK);
    }
    m_notifier = new QSocketNotifier(g_signalFd[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &UnixSignalWatcher::onReadable);
    for (int signal : m_signals) {
        struct sigaction action = {};
        action.sa_handler = handleSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(signal, &action, nullptr);
    }
}

UnixSignalWatcher::~UnixSignalWatcher()
{
    for (int signal : m_signals)
        ::signal(signal, SIG_DFL);
}

void UnixSignalWatcher::onReadable()
{
    unsigned char byte = 0;
    while (::read(g_signalFd[1], &byte, 1) == 1)
        Q_EMIT received(int(byte));
}

} // namespace gatehouse::app
