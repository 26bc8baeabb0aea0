#include "OperationIndex.h"

#include "Logging.h"
#include "OperationLookup.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

namespace gatehouse::openapi {

namespace {

constexpr qsizetype kMaxToolName = 64;

QString pointerToken(const QString &token)
{
    QString out = token;
    return out.replace(u'~', QStringLiteral("~0")).replace(u'/', QStringLiteral("~1"));
}

bool isAsciiAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}
bool isUpper(QChar c)
{
    return c >= u'A' && c <= u'Z';
}
bool isLowerOrDigit(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
}

QString describe(const YAML::Node &node)
{
    if (node.IsMap())
        return OperationIndex::tr("a mapping");
    if (node.IsSequence())
        return OperationIndex::tr("a list");
    if (node.IsNull())
        return OperationIndex::tr("nothing");
    return u'"' + QString::fromStdString(node.Scalar()) + u'"';
}

bool globMatch(const QString &pattern, const QString &text, Qt::CaseSensitivity cs)
{
    QString regex;
    QString literal;
    auto flush = [&] {
        regex += QRegularExpression::escape(literal);
        literal.clear();
    };
    for (const QChar c : pattern) {
        if (c == u'*' || c == u'?') {
            flush();
            regex += c == u'*' ? QStringLiteral(".*") : QStringLiteral(".");
        } else {
            literal += c;
        }
    }
    flush();
    QRegularExpression re(QRegularExpression::anchoredPattern(regex),
                          cs == Qt::CaseInsensitive ? QRegularExpression::CaseInsensitiveOption
                                                    : QRegularExpression::NoPatternOption);
    return re.match(text).hasMatch();
}

const QStringList &httpMethods()
{
    static const QStringList methods{
        QStringLiteral("get"),    QStringLiteral("put"),     QStringLiteral("post"),
        QStringLiteral("delete"), QStringLiteral("options"), QStringLiteral("head"),
        QStringLiteral("patch"),  QStringLiteral("trace"),
    };
    return methods;
}

class SpecReader
{
public:
    explicit SpecReader(QString name)
        : m_name(std::move(name))
    {}

    Result<OperationIndex> fail(ErrorCode code, const YAML::Node &node, const QString &pointer,
                                const QString &message) const
    {
        QString where = m_name;
        if (node.Mark().line >= 0)
            where += u':' + QString::number(node.Mark().line + 1);
        return Error(code, where + QStringLiteral(": ") + pointer + QStringLiteral(": ") + message);
    }

    Result<OperationIndex> read(const YAML::Node &root, QList<Operation> &out) const
    {
        if (!root.IsMap() || !(root[std::string("openapi")] || root[std::string("swagger")])) {
            return Error(ErrorCode::Validation,
                         OperationIndex::tr(
                             "%1 is not an OpenAPI document: it has no \"openapi\" or \"swagger\" "
                             "version key at the top level")
                             .arg(m_name));
        }
        const YAML::Node paths = root[std::string("paths")];
        if (!paths || paths.IsNull())
            return OperationIndex(); // OpenAPI 3.1 allows a document with webhooks only
        if (!paths.IsMap()) {
            return fail(ErrorCode::Validation, paths, QStringLiteral("/paths"),
                        OperationIndex::tr("expected a mapping, got %1").arg(describe(paths)));
        }
        QHash<QString, QString> idPointers;
        for (auto it = paths.begin(); it != paths.end(); ++it) {
            const QString path = QString::fromStdString(it->first.Scalar());
            if (path.startsWith(QStringLiteral("x-")))
                continue;
            const QString pathPointer = QStringLiteral("/paths/") + pointerToken(path);
            const YAML::Node item = it->second;
            if (!item.IsMap()) {
                return fail(
                    ErrorCode::Validation, item, pathPointer,
                    OperationIndex::tr("expected a path item mapping, got %1").arg(describe(item)));
            }
            for (auto op = item.begin(); op != item.end(); ++op) {
                const QString method = QString::fromStdString(op->first.Scalar());
                if (!httpMethods().contains(method))
                    continue;
                const QString pointer = pathPointer + u'/' + method;
                const YAML::Node body = op->second;
                if (!body.IsMap()) {
                    return fail(ErrorCode::Validation, body, pointer,
                                OperationIndex::tr("expected an operation mapping, got %1")
                                    .arg(describe(body)));
                }
                Operation operation;
                operation.method = method.toUpper();
                operation.path = path;
                if (const YAML::Node id = body[std::string("operationId")]; id) {
                    if (!id.IsScalar()) {
                        return fail(
                            ErrorCode::Validation, id, pointer + QStringLiteral("/operationId"),
                            OperationIndex::tr("expected a string, got %1").arg(describe(id)));
                    }
                    operation.operationId = QString::fromStdString(id.Scalar());
                    const QString idPointer = pointer + QStringLiteral("/operationId");
                    if (idPointers.contains(operation.operationId)) {
                        return fail(ErrorCode::Validation, id, idPointer,
                                    OperationIndex::tr("operationId \"%1\" is already used at %2")
                                        .arg(operation.operationId,
                                             idPointers.value(operation.operationId)));
                    }
                    idPointers.insert(operation.operationId, idPointer);
                }
                if (const YAML::Node tags = body[std::string("tags")]; tags) {
                    if (!tags.IsSequence()) {
                        return fail(ErrorCode::Validation, tags, pointer + QStringLiteral("/tags"),
                                    OperationIndex::tr("expected a list of strings, got %1")
                                        .arg(describe(tags)));
                    }
                    for (std::size_t i = 0; i < tags.size(); ++i) {
                        if (!tags[i].IsScalar()) {
                            return fail(ErrorCode::Validation, tags[i],
                                        pointer + QStringLiteral("/tags/") + QString::number(i),
                                        OperationIndex::tr("expected a string, got %1")
                                            .arg(describe(tags[i])));
                        }
                        operation.tags.append(QString::fromStdString(tags[i].Scalar()));
                    }
                }
                operation.toolName =
                    OperationIndex::defaultToolName(operation.operationId, operation.method, path);
                out.append(operation);
            }
        }
        return OperationIndex();
    }

private:
    QString m_name;
};

} // namespace

Result<OperationIndex> OperationIndex::fromFile(const QString &path, const QString &displayName)
{
    const QString name = displayName.isEmpty() ? path : displayName;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, tr("cannot read %1: %2").arg(name, file.errorString()));
    return fromData(file.readAll(), name);
}

Result<OperationIndex> OperationIndex::fromData(const QByteArray &data, const QString &displayName)
{
    YAML::Node root;
    try {
        root = YAML::Load(data.toStdString());
    } catch (const YAML::Exception &e) {
        return Error(ErrorCode::Parse, tr("%1:%2: cannot parse the spec: %3")
                                           .arg(displayName)
                                           .arg(e.mark.line + 1)
                                           .arg(QString::fromStdString(e.msg)));
    }
    QList<Operation> operations;
    try {
        Result<OperationIndex> read = SpecReader(displayName).read(root, operations);
        if (!read.ok())
            return read;
    } catch (const YAML::Exception &e) {
        qCWarning(lcOpenApi) << "unexpected YAML error in" << displayName << e.what();
        return Error(ErrorCode::Parse, tr("%1:%2: cannot read the spec: %3")
                                           .arg(displayName)
                                           .arg(e.mark.line + 1)
                                           .arg(QString::fromStdString(e.msg)));
    }
    OperationIndex index;
    index.m_operations = std::move(operations);
    return index;
}

const Operation *OperationIndex::find(QStringView operationIdOrKey) const
{
    return findOperation(m_operations, operationIdOrKey);
}

QString OperationIndex::defaultToolName(const QString &operationId, const QString &method,
                                        const QString &path)
{
    const QString source = operationId.isEmpty() ? method.toLower() + u'_' + path : operationId;
    QString out;
    for (qsizetype i = 0; i < source.size(); ++i) {
        const QChar c = source.at(i);
        if (!isAsciiAlnum(c)) {
            out += u'_';
            continue;
        }
        if (isUpper(c) && i > 0) {
            const QChar prev = source.at(i - 1);
            const QChar next = i + 1 < source.size() ? source.at(i + 1) : QChar();
            // a word starts after a lower-case letter or digit, and at the last capital of an
            // acronym followed by lower case (HTTPThings -> http_things)
            if (isLowerOrDigit(prev) ||
                (isUpper(prev) && !next.isNull() && next >= u'a' && next <= u'z'))
                out += u'_';
        }
        out += c.toLower();
    }
    static const QRegularExpression repeated(QStringLiteral("_{2,}"));
    out.replace(repeated, QStringLiteral("_"));
    auto trim = [](QString &s) {
        while (s.startsWith(u'_'))
            s.remove(0, 1);
        while (s.endsWith(u'_'))
            s.chop(1);
    };
    trim(out);
    if (out.size() > kMaxToolName) {
        out.truncate(kMaxToolName);
        trim(out);
    }
    return out.isEmpty() ? QStringLiteral("operation") : out;
}

bool OperationIndex::isValidToolName(QStringView name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return valid.match(name).hasMatch();
}

bool OperationIndex::matches(const Operation &operation, const QString &pattern)
{
    const QString trimmed = pattern.trimmed();
    const qsizetype space = trimmed.indexOf(u' ');
    if (space > 0) {
        return globMatch(trimmed.left(space), operation.method, Qt::CaseInsensitive) &&
               globMatch(trimmed.mid(space + 1).trimmed(), operation.path, Qt::CaseSensitive);
    }
    if (!operation.operationId.isEmpty() &&
        globMatch(trimmed, operation.operationId, Qt::CaseSensitive))
        return true;
    for (const QString &tag : operation.tags) {
        if (globMatch(trimmed, tag, Qt::CaseSensitive))
            return true;
    }
    return false;
}

QString OperationIndex::excludedBy(const Operation &operation, const QStringList &patterns)
{
    for (const QString &pattern : patterns) {
        if (matches(operation, pattern))
            return pattern;
    }
    return {};
}

} // namespace gatehouse::openapi
