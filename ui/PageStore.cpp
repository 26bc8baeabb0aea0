#include "PageStore.h"

#include "gateway/Gateway.h"

namespace gatehouse::ui {

using gateway::Gateway;

PageStore::PageStore(Gateway &gateway, store::Database &database, QObject *parent)
    : QObject(parent)
    , m_gateway(gateway)
    , m_database(database)
{
    m_pool.setMaxThreadCount(1);
    // reloaded() is emitted for every page's request together: only an answer this page waits
    // for is its own.
    connect(&m_gateway, &Gateway::reloaded, this, &PageStore::gatewayReloaded);
    connect(&m_gateway, &Gateway::stateChanged, this, [this](Gateway::State state) {
        if (state == Gateway::State::Running || state == Gateway::State::Starting || !m_applying)
            return;
        // Stopped before it answered: what was saved is read when it starts again.
        m_applying = false;
        m_appliedUntold = false;
        m_stale = true;
        settle();
    });
}

PageStore::~PageStore()
{
    // Work in flight uses the store and what the page gave it: let it end before they go.
    m_pool.waitForDone();
}

void PageStore::startLoad()
{
    m_loading = true;
    const std::function<void()> start = std::exchange(m_nextLoad, nullptr);
    start();
}

void PageStore::settle()
{
    if (m_writes > 0)
        return;
    if (m_stale) {
        m_stale = false;
        m_appliedUntold = false;
        if (!gatewayTakesEdits()) {
            Q_EMIT savedWhileStopped();
            return;
        }
        requestReload();
    } else if (std::exchange(m_appliedUntold, false)) {
        Q_EMIT applied(Status());
    }
}

void PageStore::reloadGateway()
{
    if (gatewayTakesEdits())
        requestReload();
}

bool PageStore::gatewayTakesEdits() const
{
    // A gateway still starting may have read the store before the edit: the reload asked for
    // now runs after the start's reads and is published after it.
    const Gateway::State state = m_gateway.state();
    return state == Gateway::State::Running || state == Gateway::State::Starting;
}

void PageStore::requestReload()
{
    // Set first: the gateway may answer before it returns.
    m_applying = true;
    m_gateway.reloadInBackground();
}

void PageStore::gatewayReloaded(const Status &status)
{
    if (!m_applying)
        return;
    m_applying = false;
    // Writes queued since the request are not in what it read: a success waits for them.
    if (status.ok() && m_writes > 0) {
        m_appliedUntold = true;
        return;
    }
    Q_EMIT applied(status);
}

} // namespace gatehouse::ui
