#include "FixtureToolProvider.h"

#include <QPointer>
#include <QTimer>

namespace gatehouse::mcp::test {

namespace {
ToolDescriptor descriptor(const QString &name, const QString &description)
{
    ToolDescriptor tool;
    tool.name = name;
    tool.title = name.toUpper();
    tool.description = description;
    tool.inputSchema = QByteArrayLiteral(
        R"({"type":"object","properties":{"text":{"type":"string"}},"additionalProperties":true})");
    tool.annotations = QByteArrayLiteral(R"({"readOnlyHint":true})");
    return tool;
}
} // namespace

FixtureToolProvider::FixtureToolProvider(QObject *parent)
    : ToolProvider(parent)
{
    m_list.version = 1;
    m_list.tools = {
        descriptor(QStringLiteral("echo"), QStringLiteral("Answers with its text argument")),
        descriptor(QStringLiteral("slow"), QStringLiteral("Counts steps, reporting progress")),
        descriptor(QStringLiteral("fail"), QStringLiteral("Its upstream is down")),
        descriptor(QStringLiteral("forbidden"), QStringLiteral("Needs a permission nobody has")),
    };
}

ToolList FixtureToolProvider::list(const Caller &caller)
{
    lastCaller = caller;
    return m_list;
}

void FixtureToolProvider::addTool(const QString &name)
{
    m_list.tools.push_back(descriptor(name, QStringLiteral("An added tool")));
    ++m_list.version;
    Q_EMIT toolsChanged();
}

void FixtureToolProvider::call(const QString &name, const Json &arguments, ToolCallContext context,
                               ToolCallback done)
{
    ++callsStarted;
    lastCaller = context.caller;
    const bool known = std::any_of(m_list.tools.begin(), m_list.tools.end(),
                                   [&](const ToolDescriptor &tool) { return tool.name == name; });
    if (!known) {
        done(Error(ErrorCode::NotFound, QStringLiteral("Unknown tool: ") + name));
        return;
    }
    if (name == QLatin1String("slow"))
        return slow(arguments, std::move(context), std::move(done));
    if (name == QLatin1String("fail")) {
        QTimer::singleShot(0, this, [done] {
            done(Error(ErrorCode::Unavailable, QStringLiteral("the upstream did not answer")));
        });
        return;
    }
    if (name == QLatin1String("forbidden")) {
        done(Error(ErrorCode::PermissionDenied,
                   QStringLiteral("calling forbidden needs the permission tools:forbidden")));
        return;
    }
    const QString text = QString::fromStdString(arguments.value("text", std::string()));
    QTimer::singleShot(0, this, [this, text, done] {
        ++callsCompleted;
        done(ToolResult::text(text));
    });
}

void FixtureToolProvider::slow(const Json &arguments, ToolCallContext context, ToolCallback done)
{
    const int steps = arguments.value("steps", 5);
    const int intervalMs = arguments.value("intervalMs", 20);
    auto *timer = new QTimer(this);
    timer->setInterval(intervalMs);
    auto step = std::make_shared<int>(0);
    const QPointer<QTimer> guard(timer);
    context.cancellation.onCancelled([this, guard] {
        ++callsCancelled;
        if (guard) {
            guard->stop();
            guard->deleteLater();
        }
    });
    connect(timer, &QTimer::timeout, this, [this, timer, step, steps, context, done] {
        if (context.cancellation.isCancelled())
            return;
        ++*step;
        context.progress(*step, steps, QStringLiteral("step %1 of %2").arg(*step).arg(steps));
        if (*step < steps)
            return;
        timer->stop();
        timer->deleteLater();
        ++callsCompleted;
        done(ToolResult::text(QStringLiteral("counted %1 steps").arg(steps)));
    });
    timer->start();
}

} // namespace gatehouse::mcp::test
