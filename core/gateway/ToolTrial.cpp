#include "ToolTrial.h"

#include "CatalogProvider.h"
#include "Gateway.h"
#include "Logging.h"
#include "ServerCatalog.h"
#include "http/UpstreamResponse.h"
#include "mcp/CancellationToken.h"
#include "store/UserRepository.h"

#include <QElapsedTimer>

#include <algorithm>

namespace gatehouse::gateway {

namespace {

// One trial on the gateway's trial thread: its own CatalogProvider (the same path a worker's
// calls take) with a trace, the caller, and the cancellation that a Cancel, the owner's
// ToolTrial going away or the gateway stopping fires. Deleting it cancels a call in flight.
class TrialRun : public QObject
{
public:
    using Post = std::function<void(TrialOutcome)>;

    TrialRun(QObject *home, const ToolTrial *owner, quint64 id, Post post)
        : QObject(home)
        , m_owner(owner)
        , m_id(id)
        , m_post(std::move(post))
        , m_trace(std::make_shared<CatalogProvider::Trace>())
    {}

    ~TrialRun() override
    {
        if (!m_done)
            m_cancellation.cancel(ToolTrial::tr("cancelled in Try it"));
    }

    const ToolTrial *owner() const { return m_owner; }
    quint64 id() const { return m_id; }

    void run(Gateway &gateway, mcp::Caller caller, TrialOutcome outcome, nlohmann::json arguments)
    {
        m_outcome = std::move(outcome);
        m_timer.start();
        m_trace->sent = [this](const dispatch::SentRequest &request) {
            m_outcome.sent = true;
            m_outcome.request = request;
        };
        m_trace->received = [this](const http::UpstreamResponse &response) {
            m_outcome.answered = true;
            m_outcome.upstreamStatus = response.status;
            m_outcome.upstreamHeaders = response.headers;
            m_outcome.upstreamBody = response.body;
        };
        std::unique_ptr<CatalogProvider> provider = gateway.makeCatalogProvider(m_outcome.server);
        provider->setTrace(m_trace);
        provider->setParent(this);
        mcp::ToolCallContext context;
        context.caller = std::move(caller);
        context.requestId = 1;
        context.cancellation = m_cancellation;
        provider.release()->call(
            m_outcome.tool, arguments, std::move(context),
            [this](Result<mcp::ToolResult> result) { finish(std::move(result)); });
    }

private:
    void finish(Result<mcp::ToolResult> result)
    {
        if (m_done || m_cancellation.isCancelled())
            return;
        m_done = true;
        TrialOutcome &o = m_outcome;
        o.elapsed = std::chrono::milliseconds(m_timer.elapsed());
        o.decision = m_trace->decision;
        o.reason = m_trace->reason;
        o.cost = m_trace->cost;
        if (!result) {
            o.error = result.error().message();
            o.isError = true;
        } else if (result->limited) {
            // Answered as a JSON-RPC error (JSON-RPC 2.0 section 5.1), as the session would.
            const mcp::ToolResult::Limited &limited = *result->limited;
            o.result = QByteArray::fromStdString(nlohmann::json{
                {"code", limited.code},
                {"message", limited.message.toStdString()},
                {"data", limited.data}}.dump(2));
            o.isError = true;
        } else {
            o.result = result->json;
            o.isError = result->isError;
        }
        m_post(std::move(o));
        // Not from inside the upstream client's callback (UpstreamClient's rule).
        deleteLater();
    }

    const ToolTrial *m_owner;
    quint64 m_id;
    Post m_post;
    std::shared_ptr<CatalogProvider::Trace> m_trace;
    mcp::CancellationToken m_cancellation;
    TrialOutcome m_outcome;
    QElapsedTimer m_timer;
    bool m_done = false;
};

QString stoppedMessage()
{
    return ToolTrial::tr("The gateway is stopped, so nothing can be called. Start the gateway "
                         "first (Gateway page or the tray menu), then try again.");
}

} // namespace

ToolTrial::ToolTrial(Gateway &gateway, QObject *parent)
    : QObject(parent)
    , m_gateway(gateway)
{
    connect(&m_gateway, &Gateway::stateChanged, this, [this](Gateway::State state) {
        if (state == Gateway::State::Running || !m_current)
            return;
        TrialOutcome outcome = m_pending;
        outcome.error = ToolTrial::tr("The gateway stopped before the answer came; the call was "
                                      "cancelled. Start the gateway and try again.");
        outcome.cancelled = true;
        deliver(m_current, std::move(outcome));
    });
}

ToolTrial::~ToolTrial()
{
    // A run may be posting its outcome to this object: every run of ours goes first.
    stopRun(0, true);
}

Result<TrialTool> ToolTrial::describe(const Gateway &gateway, const QString &server,
                                      const QString &tool)
{
    if (gateway.state() != Gateway::State::Running)
        return Error(ErrorCode::Unavailable, stoppedMessage());
    const auto catalog = gateway.catalog(server);
    if (!catalog)
        return Error(ErrorCode::NotFound,
                     tr("The gateway does not serve a server named %1. Reload the servers, or "
                        "check that it was not removed.")
                         .arg(server));
    const openapi::Tool *found = catalog->tools ? catalog->tools->find(tool) : nullptr;
    if (!found)
        return Error(ErrorCode::NotFound,
                     catalog->loadError.isEmpty()
                         ? tr("Server %1 has no tool named %2 (it may be disabled or renamed). "
                              "Reload the tool list and choose it again.")
                               .arg(server, tool)
                         : catalog->loadError);
    TrialTool t;
    t.server = server;
    t.name = found->name;
    t.title = found->title;
    t.description = found->description;
    t.inputSchema = found->inputSchema;
    t.action = openapi::toolActionName(found->action);
    t.method = found->operation.method;
    QString base = catalog->baseUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    t.upstream = base + found->operation.path;
    return t;
}

Result<QList<TrialUser>> ToolTrial::loadUsers(store::Database &database)
{
    auto users = store::UserRepository(database).list();
    if (!users)
        return users.error();
    QList<TrialUser> out;
    out.reserve(users->size());
    for (const store::User &user : std::as_const(*users))
        out.append(TrialUser{user.name, user.disabled});
    std::sort(out.begin(), out.end(), [](const TrialUser &a, const TrialUser &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    return out;
}

Status ToolTrial::start(const QString &user, const QString &server, const QString &tool,
                        const nlohmann::json &arguments)
{
    if (m_current)
        return Error(ErrorCode::Unavailable,
                     tr("A trial is still running; wait for its answer or cancel it."));
    QObject *home = m_gateway.trialHome();
    if (m_gateway.state() != Gateway::State::Running || !home)
        return Error(ErrorCode::Unavailable, stoppedMessage());
    if (!arguments.is_object())
        return Error(ErrorCode::InvalidArgument,
                     tr("The arguments must be a JSON object, like {\"id\": 42}."));

    // The caller the gateway would see: the user signed in through an OAuth client, with a token
    // not narrowed to fewer actions. Without sign-in (auth mode none) every caller is anonymous.
    mcp::Caller caller;
    if (m_gateway.authMode() == AuthMode::None) {
        caller.subject = QStringLiteral("anonymous");
    } else {
        if (user.isEmpty())
            return Error(ErrorCode::InvalidArgument, tr("Choose the user to call the tool as."));
        caller.subject = user;
        caller.clientId = QString::fromLatin1(CatalogProvider::kTrialClient);
        for (auto action : {openapi::ToolAction::Read, openapi::ToolAction::Create,
                            openapi::ToolAction::Update, openapi::ToolAction::Delete})
            caller.scopes << server + u':' + openapi::toolActionName(action);
        caller.everyAction = true;
    }

    TrialOutcome outcome;
    outcome.user = caller.subject;
    outcome.server = server;
    outcome.tool = tool;
    m_pending = outcome;
    const quint64 id = ++m_next;
    m_current = id;
    TrialRun::Post post = [this, id](TrialOutcome o) {
        QMetaObject::invokeMethod(
            this, [this, id, o = std::move(o)]() mutable { deliver(id, std::move(o)); },
            Qt::QueuedConnection);
    };
    Gateway *gateway = &m_gateway;
    QMetaObject::invokeMethod(
        home,
        [home, gateway, owner = this, id, post = std::move(post), caller = std::move(caller),
         outcome = std::move(outcome), arguments]() mutable {
            auto *run = new TrialRun(home, owner, id, std::move(post));
            run->run(*gateway, std::move(caller), std::move(outcome), arguments);
        },
        Qt::QueuedConnection);
    return {};
}

void ToolTrial::cancel()
{
    if (!m_current)
        return;
    const quint64 id = m_current;
    stopRun(id, false);
    TrialOutcome outcome = m_pending;
    outcome.cancelled = true;
    deliver(id, std::move(outcome));
}

void ToolTrial::deliver(quint64 id, TrialOutcome outcome)
{
    if (id != m_current)
        return; // a trial cancelled meanwhile
    m_current = 0;
    Q_EMIT finished(outcome);
}

void ToolTrial::stopRun(quint64 id, bool wait)
{
    QObject *home = m_gateway.trialHome();
    if (!home)
        return; // the gateway stopped: its runs went with the thread
    QMetaObject::invokeMethod(
        home,
        [home, owner = this, id] {
            const QObjectList children = home->children();
            for (QObject *child : children) {
                auto *run = dynamic_cast<TrialRun *>(child);
                if (run && run->owner() == owner && (id == 0 || run->id() == id))
                    delete run;
            }
        },
        wait ? Qt::BlockingQueuedConnection : Qt::QueuedConnection);
}

} // namespace gatehouse::gateway
