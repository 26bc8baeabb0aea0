#pragma once

#include "Result.h"

#include <QObject>
#include <QThreadPool>

#include <functional>
#include <utility>

namespace gatehouse::gateway {
class Gateway;
}

namespace gatehouse::store {
class Database;
}

namespace gatehouse::ui {

// What every page that edits the store does the same way: its reads and writes run on one thread
// of their own, in the order the owner made them, and their results come back on this object's
// thread; writes are counted while in flight; and once the last queued write has landed, what was
// saved goes to the running gateway with Gateway::reloadInBackground(), so that the GUI thread
// waits neither on the store nor on the catalogs being rebuilt.
//
// A page holds it as a member declared after everything its tasks use: the destructor waits for
// the work in flight, and results still on their way back are dropped with it.
class PageStore : public QObject
{
    Q_OBJECT
public:
    // Whether a write changes what the running gateway serves.
    enum class Reach
    {
        Gateway,
        StoreOnly,
    };

    PageStore(gateway::Gateway &gateway, store::Database &database, QObject *parent = nullptr);
    ~PageStore() override;

    // The page's read: `read` runs on the thread, `loaded` here with what it returned. Asked for
    // while one runs, that one's result is dropped and only the newest read runs after it, so
    // that the page shows the store as it is after the latest change.
    template <typename Read, typename Loaded>
    void load(Read read, Loaded loaded);

    // A change to the store after everything queued before it: `change` returns a Status or a
    // Result<T>, and `landed` runs here with it. Once no write is in flight any more and one of
    // them succeeded (with Reach::Gateway), the gateway is given the change: savedWhileStopped(),
    // or a background reload that applied() answers.
    template <typename Change, typename Landed>
    void write(Change change, Landed landed, Reach reach = Reach::Gateway);

    // Other work in the same order (a check, a computation): neither a read nor a write.
    template <typename Work, typename Done>
    void run(Work work, Done done);

    // For what the gateway is given besides the store (its credential vault): while it runs, it
    // reads everything again in the background and applied() answers. Nothing while stopped.
    void reloadGateway();

    bool isLoading() const { return m_loading; }
    int writesInFlight() const { return m_writes; }
    // The running gateway was asked to take this page's changes and has not answered yet.
    bool isApplying() const { return m_applying; }

Q_SIGNALS:
    // Something was saved while the gateway is not running: it reads the store when it starts.
    void savedWhileStopped();
    // The running gateway's answer to this page's request: what was saved is served now (ok), or
    // it could not be read and the gateway serves what it served before. A success is told only
    // once no write is in flight any more.
    void applied(const gatehouse::Status &status);

private:
    template <typename Work, typename Done>
    void post(Work work, Done done);
    void startLoad();
    void settle();
    void requestReload();
    bool gatewayTakesEdits() const;
    void gatewayReloaded(const Status &status);

    gateway::Gateway &m_gateway;
    store::Database &m_database;
    QThreadPool m_pool; // one thread: loads, writes and other work in the order asked for
    bool m_loading = false;
    std::function<void()> m_nextLoad; // asked for while a load ran
    int m_writes = 0;
    bool m_stale = false;         // saved, not yet given to the gateway
    bool m_applying = false;      // a reload asked for, not answered yet
    bool m_appliedUntold = false; // answered while more writes were in flight
};

template <typename Work, typename Done>
void PageStore::post(Work work, Done done)
{
    m_pool.start([this, work = std::move(work), done = std::move(done)]() mutable {
        auto result = work(m_database);
        QMetaObject::invokeMethod(
            this,
            [done = std::move(done), result = std::move(result)]() mutable {
                done(std::move(result));
            },
            Qt::QueuedConnection);
    });
}

template <typename Read, typename Loaded>
void PageStore::load(Read read, Loaded loaded)
{
    m_nextLoad = [this, read = std::move(read), loaded = std::move(loaded)] {
        post(read, [this, loaded](auto result) mutable {
            m_loading = false;
            // Asked for again meanwhile: what this one read may be out of date already.
            if (m_nextLoad) {
                startLoad();
                return;
            }
            loaded(std::move(result));
        });
    };
    if (!m_loading)
        startLoad();
}

template <typename Change, typename Landed>
void PageStore::write(Change change, Landed landed, Reach reach)
{
    ++m_writes;
    post(std::move(change), [this, landed = std::move(landed), reach](auto result) mutable {
        --m_writes;
        if (result.ok() && reach == Reach::Gateway)
            m_stale = true;
        landed(std::move(result));
        settle();
    });
}

template <typename Work, typename Done>
void PageStore::run(Work work, Done done)
{
    post(std::move(work), std::move(done));
}

} // namespace gatehouse::ui
