#pragma once

#include <QTcpServer>

#include <functional>

namespace gatehouse::http {

// Accepts connections and hands over raw descriptors, so that each socket object is created on
// the worker thread that will serve it.
class Listener : public QTcpServer
{
public:
    explicit Listener(std::function<void(qintptr)> onDescriptor, QObject *parent = nullptr)
        : QTcpServer(parent)
        , m_onDescriptor(std::move(onDescriptor))
    {}

protected:
    void incomingConnection(qintptr descriptor) override { m_onDescriptor(descriptor); }

private:
    std::function<void(qintptr)> m_onDescriptor;
};

} // namespace gatehouse::http
