#include "CancellationToken.h"

namespace gatehouse::mcp {

CancellationToken::CancellationToken()
    : m_state(std::make_shared<State>())
{}

void CancellationToken::onCancelled(std::function<void()> callback) const
{
    if (m_state->cancelled)
        callback();
    else
        m_state->callbacks.push_back(std::move(callback));
}

void CancellationToken::cancel(const QString &reason) const
{
    if (m_state->cancelled)
        return;
    m_state->cancelled = true;
    m_state->reason = reason;
    // A callback may drop the last other reference to the state.
    const std::shared_ptr<State> keep = m_state;
    std::vector<std::function<void()>> callbacks;
    callbacks.swap(keep->callbacks);
    for (auto &callback : callbacks)
        callback();
}

} // namespace gatehouse::mcp
