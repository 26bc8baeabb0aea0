#pragma once

#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace gatehouse::mcp {

// Tells an asynchronous tool call that the client cancelled it (basic/utilities/cancellation).
// Copies share one state. Lives on one thread (the worker that runs the session).
class CancellationToken
{
public:
    CancellationToken();

    bool isCancelled() const { return m_state->cancelled; }
    const QString &reason() const { return m_state->reason; }
    // Runs `callback` once on cancellation (at once when already cancelled).
    void onCancelled(std::function<void()> callback) const;
    // Cancels every copy of this token; later calls do nothing.
    void cancel(const QString &reason) const;

private:
    struct State
    {
        bool cancelled = false;
        QString reason;
        std::vector<std::function<void()>> callbacks;
    };
    std::shared_ptr<State> m_state;
};

} // namespace gatehouse::mcp
