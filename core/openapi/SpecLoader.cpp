#include "SpecLoader.h"

#include "Logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QUrl>

#include <charconv>
#include <memory>
#include <unordered_map>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace gatehouse::openapi {

using json = nlohmann::json;

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

std::string escapeToken(const std::string &token)
{
    std::string out;
    out.reserve(token.size());
    for (const char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string unescapeToken(const std::string &token)
{
    std::string out;
    out.reserve(token.size());
    for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size() &&
            (token[i + 1] == '0' || token[i + 1] == '1')) {
            out += token[i + 1] == '0' ? '~' : '/';
            ++i;
        } else {
            out += token[i];
        }
    }
    return out;
}

// Thrown inside the loader only; caught before anything leaves SpecLoader.
struct Failure
{
    int doc;
    std::string pointer;
    QString message;
};

struct Document
{
    QString dir;  // empty: not from a file
    QUrl url;     // set: fetched from this URL; its relative $refs are remote
    QString name; // for messages
    json root;
    std::unordered_map<std::string, int> lines; // JSON pointer -> 1-based line (YAML only)
};

QString describe(const json &value)
{
    switch (value.type()) {
    case json::value_t::object:
        return SpecLoader::tr("a mapping");
    case json::value_t::array:
        return SpecLoader::tr("a list");
    case json::value_t::string:
        return u'"' + qs(value.get_ref<const std::string &>()) + u'"';
    case json::value_t::boolean:
        return SpecLoader::tr("a boolean");
    case json::value_t::null:
        return SpecLoader::tr("nothing");
    default:
        return SpecLoader::tr("a number");
    }
}

bool isYamlInt(std::string_view s)
{
    if (!s.empty() && (s.front() == '-' || s.front() == '+'))
        s.remove_prefix(1);
    if (s.empty())
        return false;
    for (const char c : s) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

bool isYamlFloat(std::string_view s)
{
    if (!s.empty() && (s.front() == '-' || s.front() == '+'))
        s.remove_prefix(1);
    std::size_t i = 0;
    int digits = 0;
    bool marker = false;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        ++i;
        ++digits;
    }
    if (i < s.size() && s[i] == '.') {
        marker = true;
        ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            ++i;
            ++digits;
        }
    }
    if (digits == 0)
        return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        marker = true;
        ++i;
        if (i < s.size() && (s[i] == '-' || s[i] == '+'))
            ++i;
        const std::size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i;
        if (i == start)
            return false;
    }
    return marker && i == s.size();
}

// YAML 1.2 core schema resolution of a scalar; quoted scalars stay strings.
json yamlScalar(const YAML::Node &node)
{
    const std::string &s = node.Scalar();
    const std::string &tag = node.Tag();
    if (tag == "!" || tag == "tag:yaml.org,2002:str")
        return s;
    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL")
        return nullptr;
    if (s == "true" || s == "True" || s == "TRUE")
        return true;
    if (s == "false" || s == "False" || s == "FALSE")
        return false;
    std::string_view view = s;
    if (!view.empty() && view.front() == '+')
        view.remove_prefix(1);
    if (isYamlInt(s)) {
        std::int64_t value = 0;
        const auto [end, ec] = std::from_chars(view.data(), view.data() + view.size(), value);
        if (ec == std::errc() && end == view.data() + view.size())
            return value;
    }
    if (isYamlInt(s) || isYamlFloat(s)) {
        double value = 0;
        const auto [end, ec] = std::from_chars(view.data(), view.data() + view.size(), value);
        if (ec == std::errc() && end == view.data() + view.size())
            return value;
    }
    return s;
}

class YamlConverter
{
public:
    YamlConverter(Document &doc, const SpecLoadOptions &options)
        : m_doc(doc)
        , m_options(options)
    {}

    json convert(const YAML::Node &node, std::string &pointer, int depth)
    {
        if (++m_nodes > m_options.maxYamlNodes) {
            throw Failure{
                0, pointer,
                SpecLoader::tr("the document has more than %1 nodes").arg(m_options.maxYamlNodes)};
        }
        if (depth > m_options.maxDocumentDepth) {
            throw Failure{0, pointer,
                          SpecLoader::tr("the document is nested deeper than %1 levels")
                              .arg(m_options.maxDocumentDepth)};
        }
        if (node.Mark().line >= 0 && node.Type() != YAML::NodeType::Scalar)
            m_doc.lines.emplace(pointer, node.Mark().line + 1);
        switch (node.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null:
            return nullptr;
        case YAML::NodeType::Scalar:
            return yamlScalar(node);
        case YAML::NodeType::Sequence: {
            json out = json::array();
            std::size_t index = 0;
            for (const YAML::Node &item : node) {
                const std::size_t length = pointer.size();
                pointer += '/';
                pointer += std::to_string(index++);
                out.push_back(convert(item, pointer, depth + 1));
                pointer.resize(length);
            }
            return out;
        }
        case YAML::NodeType::Map: {
            json out = json::object();
            for (auto it = node.begin(); it != node.end(); ++it) {
                if (!it->first.IsScalar()) {
                    throw Failure{0, pointer, SpecLoader::tr("a mapping key is not a string")};
                }
                const std::string &key = it->first.Scalar();
                const std::size_t length = pointer.size();
                pointer += '/';
                pointer += escapeToken(key);
                out[key] = convert(it->second, pointer, depth + 1);
                pointer.resize(length);
            }
            return out;
        }
        }
        return nullptr;
    }

private:
    Document &m_doc;
    const SpecLoadOptions &m_options;
    qint64 m_nodes = 0;
};

bool jsonTooDeep(const QByteArray &data, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : data) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > maxDepth)
                return true;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return false;
}

// Parses JSON or YAML into doc.root; returns an error message, or an empty string.
QString parseDocument(const QByteArray &data, Document &doc, const SpecLoadOptions &options)
{
    if (data.size() > options.maxDocumentBytes) {
        return SpecLoader::tr("%1: the document is larger than %2 bytes")
            .arg(doc.name)
            .arg(options.maxDocumentBytes);
    }
    qsizetype start = 0;
    if (data.startsWith("\xEF\xBB\xBF"))
        start = 3;
    while (start < data.size() && QChar::isSpace(uchar(data.at(start))))
        ++start;
    if (start < data.size() && (data.at(start) == '{' || data.at(start) == '[')) {
        if (jsonTooDeep(data, options.maxDocumentDepth)) {
            return SpecLoader::tr("%1: the document is nested deeper than %2 levels")
                .arg(doc.name)
                .arg(options.maxDocumentDepth);
        }
        try {
            doc.root = json::parse(data.constData() + start, data.constData() + data.size());
            return {};
        } catch (const json::exception &e) {
            return SpecLoader::tr("%1: not valid JSON: %2").arg(doc.name, qs(e.what()));
        }
    }
    YAML::Node node;
    try {
        node = YAML::Load(data.toStdString());
    } catch (const YAML::Exception &e) {
        return SpecLoader::tr("%1:%2: not valid YAML: %3")
            .arg(doc.name)
            .arg(e.mark.line + 1)
            .arg(qs(e.msg));
    }
    try {
        std::string pointer;
        YamlConverter converter(doc, options);
        doc.root = converter.convert(node, pointer, 0);
    } catch (const Failure &failure) {
        return doc.name + QStringLiteral(": #") + qs(failure.pointer) + QStringLiteral(": ") +
               failure.message;
    } catch (const YAML::Exception &e) {
        return SpecLoader::tr("%1:%2: cannot read the YAML: %3")
            .arg(doc.name)
            .arg(e.mark.line + 1)
            .arg(qs(e.msg));
    }
    return {};
}

struct Loc
{
    int doc = 0;
    std::string ptr;

    Loc child(const std::string &token) const { return Loc{doc, ptr + '/' + escapeToken(token)}; }
    Loc child(std::size_t index) const { return Loc{doc, ptr + '/' + std::to_string(index)}; }
};

struct Ref
{
    Loc loc;
    const json *node = nullptr;
    std::string key() const { return std::to_string(loc.doc) + '#' + loc.ptr; }
};

const std::vector<std::string> &httpMethods()
{
    static const std::vector<std::string> methods{"get",     "put",  "post",  "delete",
                                                  "options", "head", "patch", "trace"};
    return methods;
}

bool isAnnotation(const std::string &key)
{
    return key == "description" || key == "title" || key == "default" || key == "examples" ||
           key == "example" || key == "deprecated" || key == "readOnly" || key == "writeOnly";
}

} // namespace

class SpecBuilder
{
public:
    SpecBuilder(const SpecLoadOptions &options)
        : m_options(options)
    {}

    Result<Spec> build(const QByteArray &data, const QString &name, const QString &dir,
                       const QString &filePath, const QUrl &url = {});

private:
    // ---- documents and references
    [[noreturn]] void fail(const Loc &loc, const QString &message) const
    {
        throw Failure{loc.doc, loc.ptr, message};
    }

    QString where(int doc, const std::string &pointer) const
    {
        const Document &d = *m_docs.at(std::size_t(doc));
        QString out = d.name;
        std::string p = pointer;
        while (true) {
            const auto it = d.lines.find(p);
            if (it != d.lines.end()) {
                out += u':' + QString::number(it->second);
                break;
            }
            const std::size_t slash = p.rfind('/');
            if (slash == std::string::npos)
                break;
            p.resize(slash);
        }
        return out + QStringLiteral(": #") + qs(pointer);
    }
    QString format(const Failure &failure) const
    {
        return where(failure.doc, failure.pointer) + QStringLiteral(": ") + failure.message;
    }

    int loadRefDocument(const QString &path, const Loc &from, const QString &ref)
    {
        if (const auto it = m_docByPath.constFind(path); it != m_docByPath.constEnd())
            return it.value();
        if (int(m_docs.size()) >= m_options.maxFiles) {
            fail(from, SpecLoader::tr("$ref \"%1\": more than %2 files are referenced")
                           .arg(ref)
                           .arg(m_options.maxFiles));
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            fail(from, SpecLoader::tr("$ref \"%1\": cannot read %2: %3")
                           .arg(ref, path, file.errorString()));
        }
        if (file.size() > m_options.maxDocumentBytes) {
            fail(from, SpecLoader::tr("$ref \"%1\": %2 is larger than %3 bytes")
                           .arg(ref, path)
                           .arg(m_options.maxDocumentBytes));
        }
        auto doc = std::make_unique<Document>();
        doc->dir = QFileInfo(path).absolutePath();
        doc->name = m_rootDir.isEmpty() ? path : QDir(m_rootDir).relativeFilePath(path);
        const QString error = parseDocument(file.readAll(), *doc, m_options);
        if (!error.isEmpty())
            fail(from, SpecLoader::tr("$ref \"%1\": %2").arg(ref, error));
        m_docs.push_back(std::move(doc));
        const int index = int(m_docs.size()) - 1;
        m_docByPath.insert(path, index);
        return index;
    }

    int loadRemoteDocument(const QUrl &url, const Loc &from, const QString &ref)
    {
        const QString key = url.adjusted(QUrl::RemoveFragment).toString();
        if (const auto it = m_docByPath.constFind(key); it != m_docByPath.constEnd())
            return it.value();
        if (!m_options.allowNetworkRefs) {
            fail(from, SpecLoader::tr("remote $ref \"%1\" refused: remote references are not "
                                      "allowed for this server (openapi_remote_refs: true allows "
                                      "them)")
                           .arg(ref));
        }
        if (!m_options.fetch)
            fail(from,
                 SpecLoader::tr("remote $ref \"%1\": this loader cannot fetch URLs").arg(ref));
        if (int(m_docs.size()) >= m_options.maxFiles) {
            fail(from, SpecLoader::tr("$ref \"%1\": more than %2 files are referenced")
                           .arg(ref)
                           .arg(m_options.maxFiles));
        }
        const Result<QByteArray> fetched = m_options.fetch(url.adjusted(QUrl::RemoveFragment));
        if (!fetched)
            fail(from, SpecLoader::tr("$ref \"%1\": %2").arg(ref, fetched.error().message()));
        if (fetched->size() > m_options.maxDocumentBytes) {
            fail(from, SpecLoader::tr("$ref \"%1\": %2 is larger than %3 bytes")
                           .arg(ref, key)
                           .arg(m_options.maxDocumentBytes));
        }
        auto doc = std::make_unique<Document>();
        doc->url = url.adjusted(QUrl::RemoveFragment);
        doc->name = key;
        const QString error = parseDocument(*fetched, *doc, m_options);
        if (!error.isEmpty())
            fail(from, SpecLoader::tr("$ref \"%1\": %2").arg(ref, error));
        m_docs.push_back(std::move(doc));
        const int index = int(m_docs.size()) - 1;
        m_docByPath.insert(key, index);
        return index;
    }

    const json *evaluate(const json &root, const std::string &pointer) const
    {
        if (pointer.empty())
            return &root;
        if (pointer.front() != '/')
            return nullptr;
        const json *node = &root;
        std::size_t pos = 1;
        while (true) {
            const std::size_t slash = pointer.find('/', pos);
            const std::string token = unescapeToken(
                pointer.substr(pos, slash == std::string::npos ? std::string::npos : slash - pos));
            if (node->is_object()) {
                const auto it = node->find(token);
                if (it == node->end())
                    return nullptr;
                node = &*it;
            } else if (node->is_array()) {
                if (!isYamlInt(token) || token.front() == '-' || token.front() == '+')
                    return nullptr;
                const std::size_t index = std::stoul(token);
                if (index >= node->size())
                    return nullptr;
                node = &(*node)[index];
            } else {
                return nullptr;
            }
            if (slash == std::string::npos)
                return node;
            pos = slash + 1;
        }
    }

    // One step: the value a $ref string (found at `from`) names.
    Ref resolveOne(const std::string &refString, const Loc &from)
    {
        const QString ref = qs(refString);
        const std::size_t hash = refString.find('#');
        const std::string filePart = refString.substr(0, hash);
        const std::string fragment =
            hash == std::string::npos ? std::string() : refString.substr(hash + 1);
        int target = from.doc;
        if (!filePart.empty()) {
            const QString file = qs(filePart);
            const QUrl url(file);
            const QUrl &base = m_docs.at(std::size_t(from.doc))->url;
            const bool absolute = url.scheme().size() > 1; // "C:" is a drive, not a scheme
            if (absolute || base.isValid()) {
                // A remote document's relative $refs are remote too: never a local file.
                const QUrl remote = absolute ? url : base.resolved(url);
                const QString scheme = remote.scheme().toLower();
                if (scheme != u"http" && scheme != u"https") {
                    fail(from, SpecLoader::tr("$ref \"%1\" refused: only http and https "
                                              "references can be fetched")
                                   .arg(ref));
                }
                target = loadRemoteDocument(remote, from, ref);
            } else {
                const QString dir = m_docs.at(std::size_t(from.doc))->dir;
                if (dir.isEmpty()) {
                    fail(from, SpecLoader::tr("$ref \"%1\" names a file, but the spec was not "
                                              "loaded from a file")
                                   .arg(ref));
                }
                const QString path = QDir::cleanPath(
                    QDir(dir).absoluteFilePath(QUrl::fromPercentEncoding(filePart.c_str())));
                target = loadRefDocument(path, from, ref);
            }
        }
        const std::string pointer = QUrl::fromPercentEncoding(fragment.c_str()).toStdString();
        const json *node = evaluate(m_docs.at(std::size_t(target))->root, pointer);
        if (!node)
            fail(from, SpecLoader::tr("$ref \"%1\" points at nothing").arg(ref));
        return Ref{Loc{target, pointer}, node};
    }

    // Follows a chain of $refs to the value at its end.
    Ref follow(const json &node, const Loc &loc)
    {
        Ref current{loc, &node};
        int hops = 0;
        while (current.node->is_object()) {
            const auto it = current.node->find("$ref");
            if (it == current.node->end() || !it->is_string())
                break;
            if (++hops > m_options.maxRefChain) {
                fail(loc, SpecLoader::tr("more than %1 $refs in a chain (a $ref cycle?)")
                              .arg(m_options.maxRefChain));
            }
            current = resolveOne(it->get_ref<const std::string &>(), current.loc);
        }
        return current;
    }

    // ---- scalars
    QString optString(const json &object, const char *key, const Loc &loc) const
    {
        const auto it = object.find(key);
        if (it == object.end() || it->is_null())
            return {};
        if (it->is_string())
            return qs(it->get_ref<const std::string &>());
        if (it->is_number() || it->is_boolean())
            return qs(it->dump());
        fail(loc.child(key), SpecLoader::tr("expected a string, got %1").arg(describe(*it)));
    }
    bool optBool(const json &object, const char *key, const Loc &loc, bool fallback) const
    {
        const auto it = object.find(key);
        if (it == object.end() || it->is_null())
            return fallback;
        if (!it->is_boolean())
            fail(loc.child(key),
                 SpecLoader::tr("expected true or false, got %1").arg(describe(*it)));
        return it->get<bool>();
    }
    QStringList optStringList(const json &object, const char *key, const Loc &loc) const
    {
        const auto it = object.find(key);
        if (it == object.end() || it->is_null())
            return {};
        if (!it->is_array())
            fail(loc.child(key), SpecLoader::tr("expected a list, got %1").arg(describe(*it)));
        QStringList out;
        for (std::size_t i = 0; i < it->size(); ++i) {
            const json &item = (*it)[i];
            if (item.is_string())
                out.append(qs(item.get_ref<const std::string &>()));
            else if (item.is_number() || item.is_boolean())
                out.append(qs(item.dump()));
            else
                fail(loc.child(key).child(i),
                     SpecLoader::tr("expected a string, got %1").arg(describe(item)));
        }
        return out;
    }
    const json *optObject(const json &object, const char *key, const Loc &loc) const
    {
        const auto it = object.find(key);
        if (it == object.end() || it->is_null())
            return nullptr;
        if (!it->is_object())
            fail(loc.child(key), SpecLoader::tr("expected a mapping, got %1").arg(describe(*it)));
        return &*it;
    }
    const json *optArray(const json &object, const char *key, const Loc &loc) const
    {
        const auto it = object.find(key);
        if (it == object.end() || it->is_null())
            return nullptr;
        if (!it->is_array())
            fail(loc.child(key), SpecLoader::tr("expected a list, got %1").arg(describe(*it)));
        return &*it;
    }

    // ---- schemas
    struct GraphNode
    {
        int index = -1;
        int low = -1;
        bool onStack = false;
        bool recursive = false;
        Ref ref;
        std::vector<std::string> edges;
    };

    void collectRefs(const json &node, const Loc &loc, std::vector<std::string> &out)
    {
        if (node.is_object()) {
            const auto it = node.find("$ref");
            if (it != node.end() && it->is_string()) {
                try {
                    const Ref target = follow(node, loc);
                    const std::string key = target.key();
                    auto [slot, inserted] = m_graph.try_emplace(key);
                    if (inserted)
                        slot->second.ref = target;
                    out.push_back(key);
                } catch (const Failure &) {
                    // reported when the schema is normalised
                }
            }
            for (const auto &[key, value] : node.items()) {
                if (value.is_structured())
                    collectRefs(value, loc, out); // loc only names the document here
            }
        } else if (node.is_array()) {
            for (const json &value : node)
                if (value.is_structured())
                    collectRefs(value, loc, out);
        }
    }

    void strongConnect(const std::string &key, int depth)
    {
        if (depth > 10000)
            fail(m_graph.at(key).ref.loc, SpecLoader::tr("too many nested $refs"));
        GraphNode &node = m_graph.at(key);
        node.index = node.low = m_graphCounter++;
        node.onStack = true;
        m_graphStack.push_back(key);
        std::vector<std::string> edges;
        collectRefs(*node.ref.node, node.ref.loc, edges);
        node.edges = edges;
        for (const std::string &edge : edges) {
            GraphNode &next = m_graph.at(edge);
            if (next.index < 0) {
                strongConnect(edge, depth + 1);
                GraphNode &self = m_graph.at(key);
                self.low = std::min(self.low, m_graph.at(edge).low);
            } else if (next.onStack) {
                GraphNode &self = m_graph.at(key);
                self.low = std::min(self.low, next.index);
            }
        }
        GraphNode &self = m_graph.at(key);
        if (self.low == self.index) {
            std::vector<std::string> component;
            while (true) {
                const std::string top = m_graphStack.back();
                m_graphStack.pop_back();
                m_graph.at(top).onStack = false;
                component.push_back(top);
                if (top == key)
                    break;
            }
            const bool selfLoop =
                std::find(self.edges.begin(), self.edges.end(), key) != self.edges.end();
            if (component.size() > 1 || selfLoop) {
                for (const std::string &member : component)
                    m_graph.at(member).recursive = true;
            }
        }
    }

    bool isRecursive(const Ref &ref)
    {
        const std::string key = ref.key();
        auto [slot, inserted] = m_graph.try_emplace(key);
        if (inserted)
            slot->second.ref = ref;
        if (slot->second.index < 0)
            strongConnect(key, 0);
        return m_graph.at(key).recursive;
    }

    QString defName(const Ref &ref)
    {
        const std::string key = ref.key();
        if (const auto it = m_defNames.find(key); it != m_defNames.end())
            return it->second;
        const std::size_t slash = ref.loc.ptr.rfind('/');
        QString base = qs(unescapeToken(
            slash == std::string::npos ? ref.loc.ptr : ref.loc.ptr.substr(slash + 1)));
        for (QChar &c : base) {
            if (!(c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.'))
                c = u'_';
        }
        if (base.isEmpty())
            base = QStringLiteral("schema");
        QString name = base;
        for (int n = 2; m_usedDefNames.contains(name); ++n)
            name = base + u'_' + QString::number(n);
        m_usedDefNames.insert(name);
        m_defNames.emplace(key, name);
        return name;
    }

    void ensureDef(const Ref &ref, const QString &name, int depth)
    {
        if (m_defsDone.contains(name) || m_defsInProgress.contains(name))
            return;
        m_defsInProgress.insert(name);
        QSet<QString> used;
        QSet<QString> *saved = m_used;
        m_used = &used;
        try {
            json def =
                normalise(*ref.node, ref.loc, depth + 1); // the caller's depth bounds nesting
            m_used = saved;
            m_defsInProgress.remove(name);
            m_defDeps.insert(name, used);
            m_spec.m_schemaDefs[name.toStdString()] = std::move(def);
            m_defsDone.insert(name);
        } catch (...) {
            m_used = saved;
            m_defsInProgress.remove(name);
            throw;
        }
    }

    // OAS 3.0 / Swagger `nullable: true` (or x-nullable) as JSON Schema: null added to the type
    // (and enum); a schema without a type becomes anyOf [schema, {"type": "null"}].
    static void applyNullable(json &out)
    {
        auto type = out.find("type");
        if (type != out.end() && type->is_string()) {
            *type = json::array({*type, "null"});
        } else if (type != out.end() && type->is_array()) {
            if (std::find(type->begin(), type->end(), json("null")) == type->end())
                type->push_back("null");
        } else if (!out.empty()) {
            out = json::object({{"anyOf", json::array({out, {{"type", "null"}}})}});
            return;
        }
        auto values = out.find("enum");
        if (values != out.end() && values->is_array() &&
            std::find(values->begin(), values->end(), json(nullptr)) == values->end())
            values->push_back(nullptr);
    }

    // Takes nullable / x-nullable out of the schema; true when one of them was true.
    static bool takeNullable(json &out)
    {
        bool nullable = false;
        for (const char *key : {"nullable", "x-nullable"}) {
            const auto it = out.find(key);
            if (it == out.end())
                continue;
            nullable = nullable || (it->is_boolean() && it->get<bool>());
            out.erase(it);
        }
        return nullable;
    }

    static void legacy(json &out)
    {
        for (const auto &[exclusive, bound] :
             {std::pair{"exclusiveMinimum", "minimum"}, std::pair{"exclusiveMaximum", "maximum"}}) {
            const auto it = out.find(exclusive);
            if (it == out.end() || !it->is_boolean())
                continue;
            const bool on = it->get<bool>();
            out.erase(it);
            const auto limit = out.find(bound);
            if (on && limit != out.end()) {
                out[exclusive] = *limit;
                out.erase(bound);
            }
        }
        if (const auto it = out.find("example"); it != out.end()) {
            if (!out.contains("examples"))
                out["examples"] = json::array({*it});
            out.erase("example");
        }
        if (const auto it = out.find("type"); it != out.end() && *it == "file") {
            *it = "string";
            out["format"] = "binary";
        }
    }

    // allOf parts that merge cleanly (no $ref, no conflicting keywords) become one schema.
    static void mergeAllOf(json &out)
    {
        const auto all = out.find("allOf");
        if (all == out.end() || !all->is_array() || all->empty())
            return;
        json merged = json::object();
        auto absorb = [&merged](const json &part, bool outer) {
            if (!part.is_object() || part.contains("$ref") || part.contains("allOf"))
                return false;
            for (const auto &[key, value] : part.items()) {
                if (key == "properties") {
                    if (!value.is_object())
                        return false;
                    json &properties = merged["properties"];
                    if (properties.is_null())
                        properties = json::object();
                    for (const auto &[name, schema] : value.items()) {
                        const auto existing = properties.find(name);
                        if (existing != properties.end() && *existing != schema)
                            return false;
                        properties[name] = schema;
                    }
                } else if (key == "required") {
                    if (!value.is_array())
                        return false;
                    json &required = merged["required"];
                    if (required.is_null())
                        required = json::array();
                    for (const json &name : value) {
                        if (std::find(required.begin(), required.end(), name) == required.end())
                            required.push_back(name);
                    }
                } else if (isAnnotation(key)) {
                    if (outer || !merged.contains(key))
                        merged[key] = value;
                } else {
                    const auto existing = merged.find(key);
                    if (existing != merged.end() && *existing != value)
                        return false;
                    merged[key] = value;
                }
            }
            return true;
        };
        for (const json &part : *all) {
            if (!absorb(part, false))
                return;
        }
        json outer = out;
        outer.erase("allOf");
        if (!absorb(outer, true))
            return;
        out = std::move(merged);
    }

    json normaliseRef(const json &schema, const Loc &loc, int depth)
    {
        const Ref target = follow(schema, loc);
        json out;
        if (isRecursive(target)) {
            const QString name = defName(target);
            ensureDef(target, name, depth);
            if (m_used)
                m_used->insert(name);
            out = json::object({{"$ref", "#/$defs/" + name.toStdString()}});
        } else {
            const std::string key = target.key();
            auto cached = m_cache.find(key);
            if (cached == m_cache.end()) {
                QSet<QString> used;
                QSet<QString> *saved = m_used;
                m_used = &used;
                try {
                    json value = normalise(*target.node, target.loc, depth + 1);
                    m_used = saved;
                    cached = m_cache.emplace(key, CacheEntry{std::move(value), used}).first;
                } catch (...) {
                    m_used = saved;
                    throw;
                }
            }
            if (m_used)
                m_used->unite(cached->second.used);
            out = cached->second.schema;
        }
        json rest = json::object();
        for (const auto &[key, value] : schema.items()) {
            if (key == "$ref" || key.starts_with("x-"))
                continue;
            if (isAnnotation(key)) {
                if (out.is_object()) {
                    if (key == "example") {
                        if (m_version != SpecVersion::OpenApi31 || !out.contains("examples"))
                            out["examples"] = json::array({value});
                    } else {
                        out[key] = value;
                    }
                }
            } else if (m_version == SpecVersion::OpenApi31) {
                rest[key] = value;
            }
        }
        if (!rest.empty()) {
            json restSchema = normalise(rest, loc, depth + 1);
            json combined = json::object({{"allOf", json::array({out, restSchema})}});
            mergeAllOf(combined);
            return combined;
        }
        return out;
    }

    json normalise(const json &schema, const Loc &loc, int depth)
    {
        if (depth > m_options.maxDepth)
            fail(loc,
                 SpecLoader::tr("schema nested deeper than %1 levels").arg(m_options.maxDepth));
        if (schema.is_boolean())
            return schema;
        if (!schema.is_object())
            fail(loc, SpecLoader::tr("expected a schema, got %1").arg(describe(schema)));
        if (const auto ref = schema.find("$ref"); ref != schema.end() && ref->is_string())
            return normaliseRef(schema, loc, depth);
        json out = json::object();
        for (const auto &[key, value] : schema.items()) {
            if (key.starts_with("x-") && key != "x-nullable")
                continue;
            if (key == "discriminator" || key == "xml")
                continue;
            if (key == "properties" || key == "patternProperties" || key == "dependentSchemas" ||
                key == "$defs" || key == "definitions") {
                if (!value.is_object())
                    fail(loc.child(key),
                         SpecLoader::tr("expected a mapping, got %1").arg(describe(value)));
                json map = json::object();
                for (const auto &[name, sub] : value.items())
                    map[name] = normalise(sub, loc.child(key).child(name), depth + 1);
                out[key] = std::move(map);
            } else if (key == "allOf" || key == "anyOf" || key == "oneOf" || key == "prefixItems" ||
                       (key == "items" && value.is_array())) {
                if (!value.is_array())
                    fail(loc.child(key),
                         SpecLoader::tr("expected a list, got %1").arg(describe(value)));
                json list = json::array();
                for (std::size_t i = 0; i < value.size(); ++i)
                    list.push_back(normalise(value[i], loc.child(key).child(i), depth + 1));
                out[key == "items" ? "prefixItems" : key] = std::move(list);
            } else if (key == "items" || key == "additionalProperties" ||
                       key == "additionalItems" || key == "not" || key == "contains" ||
                       key == "propertyNames" || key == "if" || key == "then" || key == "else" ||
                       key == "unevaluatedItems" || key == "unevaluatedProperties" ||
                       key == "contentSchema") {
                out[key] = normalise(value, loc.child(key), depth + 1);
            } else {
                out[key] = value;
            }
        }
        const bool nullable = takeNullable(out) && m_version != SpecVersion::OpenApi31;
        if (m_version != SpecVersion::OpenApi31)
            legacy(out);
        mergeAllOf(out);
        if (nullable)
            applyNullable(out);
        return out;
    }

    // A self-contained schema: its root carries the $defs it needs.
    json normaliseRoot(const json &schema, const Loc &loc)
    {
        QSet<QString> used;
        m_used = &used;
        json out;
        try {
            out = normalise(schema, loc, 0);
        } catch (...) {
            m_used = nullptr;
            throw;
        }
        m_used = nullptr;
        if (used.isEmpty())
            return out;
        QSet<QString> all;
        QStringList queue(used.begin(), used.end());
        while (!queue.isEmpty()) {
            const QString name = queue.takeLast();
            if (all.contains(name))
                continue;
            all.insert(name);
            for (const QString &dep : m_defDeps.value(name))
                queue.append(dep);
        }
        QStringList names(all.begin(), all.end());
        names.sort();
        json defs = json::object();
        for (const QString &name : names) {
            const std::string key = name.toStdString();
            if (m_spec.m_schemaDefs.contains(key))
                defs[key] = m_spec.m_schemaDefs[key];
        }
        if (!out.is_object())
            out = json::object({{"allOf", json::array({out})}});
        out["$defs"] = std::move(defs);
        return out;
    }

    // ---- document parts
    SpecServer readServer(const json &node, const Loc &loc)
    {
        if (!node.is_object())
            fail(loc, SpecLoader::tr("expected a server mapping, got %1").arg(describe(node)));
        SpecServer server;
        server.url = optString(node, "url", loc);
        if (server.url.isEmpty())
            fail(loc, SpecLoader::tr("server has no \"url\""));
        server.description = optString(node, "description", loc);
        if (const json *variables = optObject(node, "variables", loc)) {
            for (const auto &[name, value] : variables->items()) {
                const Loc vloc = loc.child("variables").child(name);
                if (!value.is_object())
                    fail(vloc, SpecLoader::tr("expected a mapping, got %1").arg(describe(value)));
                ServerVariable variable;
                variable.name = qs(name);
                variable.enumValues = optStringList(value, "enum", vloc);
                variable.description = optString(value, "description", vloc);
                if (value.contains("default")) {
                    variable.defaultValue = optString(value, "default", vloc);
                } else {
                    m_spec.m_warnings.append(where(vloc.doc, vloc.ptr) + QStringLiteral(": ") +
                                             SpecLoader::tr("server variable has no default"));
                    if (!variable.enumValues.isEmpty())
                        variable.defaultValue = variable.enumValues.first();
                }
                if (!variable.enumValues.isEmpty() &&
                    !variable.enumValues.contains(variable.defaultValue)) {
                    m_spec.m_warnings.append(
                        where(vloc.doc, vloc.ptr) + QStringLiteral(": ") +
                        SpecLoader::tr("the default \"%1\" is not one of the enum values")
                            .arg(variable.defaultValue));
                }
                server.variables.append(variable);
            }
        }
        return server;
    }

    QList<SpecServer> readServers(const json &object, const Loc &loc)
    {
        QList<SpecServer> out;
        if (const json *servers = optArray(object, "servers", loc)) {
            for (std::size_t i = 0; i < servers->size(); ++i)
                out.append(readServer((*servers)[i], loc.child("servers").child(i)));
        }
        return out;
    }

    QList<SecurityRequirement> readSecurity(const json &list, const Loc &loc)
    {
        if (!list.is_array())
            fail(loc, SpecLoader::tr("expected a list, got %1").arg(describe(list)));
        QList<SecurityRequirement> out;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const json &item = list[i];
            const Loc iloc = loc.child(i);
            if (!item.is_object())
                fail(iloc, SpecLoader::tr("expected a mapping, got %1").arg(describe(item)));
            SecurityRequirement requirement;
            for (const auto &[name, scopes] : item.items()) {
                requirement.insert(qs(name), optStringList(item, name.c_str(), iloc));
                if (!m_spec.m_securitySchemes.contains(qs(name)) &&
                    !m_warnedSchemes.contains(qs(name))) {
                    m_warnedSchemes.insert(qs(name));
                    m_spec.m_warnings.append(
                        where(iloc.doc, iloc.ptr) + QStringLiteral(": ") +
                        SpecLoader::tr("security scheme \"%1\" is not defined").arg(qs(name)));
                }
            }
            out.append(requirement);
        }
        return out;
    }

    void readSecuritySchemes(const json &root)
    {
        const bool swagger = m_version == SpecVersion::Swagger20;
        const json *schemes = nullptr;
        Loc base{0, {}};
        if (swagger) {
            schemes = optObject(root, "securityDefinitions", base);
            base = base.child("securityDefinitions");
        } else if (const json *components = optObject(root, "components", base)) {
            schemes = optObject(*components, "securitySchemes", base.child("components"));
            base = base.child("components").child("securitySchemes");
        }
        if (!schemes)
            return;
        for (const auto &[name, value] : schemes->items()) {
            try {
                const Ref ref = follow(value, base.child(name));
                const json &node = *ref.node;
                const Loc &loc = ref.loc;
                if (!node.is_object())
                    fail(loc, SpecLoader::tr("expected a mapping, got %1").arg(describe(node)));
                SecurityScheme scheme;
                scheme.name = qs(name);
                scheme.type = optString(node, "type", loc);
                scheme.description = optString(node, "description", loc);
                scheme.in = optString(node, "in", loc);
                scheme.parameterName = optString(node, "name", loc);
                scheme.scheme = optString(node, "scheme", loc).toLower();
                scheme.bearerFormat = optString(node, "bearerFormat", loc);
                scheme.openIdConnectUrl = optString(node, "openIdConnectUrl", loc);
                if (scheme.type.isEmpty())
                    fail(loc, SpecLoader::tr("security scheme has no \"type\""));
                if (swagger && scheme.type == QStringLiteral("basic")) {
                    scheme.type = QStringLiteral("http");
                    scheme.scheme = QStringLiteral("basic");
                } else if (swagger && scheme.type == QStringLiteral("oauth2")) {
                    const QString flow = optString(node, "flow", loc);
                    static const QHash<QString, std::string> flows{
                        {QStringLiteral("implicit"), "implicit"},
                        {QStringLiteral("password"), "password"},
                        {QStringLiteral("application"), "clientCredentials"},
                        {QStringLiteral("accessCode"), "authorizationCode"},
                    };
                    json converted = json::object();
                    for (const char *key : {"authorizationUrl", "tokenUrl", "scopes"}) {
                        if (node.contains(key))
                            converted[key] = node[key];
                    }
                    if (!converted.contains("scopes"))
                        converted["scopes"] = json::object();
                    scheme.flows = json::object({{flows.value(flow, "implicit"), converted}});
                } else if (const auto flows = node.find("flows"); flows != node.end()) {
                    scheme.flows = *flows;
                }
                m_spec.m_securitySchemes.insert(scheme.name, scheme);
            } catch (const Failure &failure) {
                m_spec.m_warnings.append(format(failure));
            }
        }
    }

    static std::optional<ParameterStyle> styleFromName(const QString &name)
    {
        static const QHash<QString, ParameterStyle> styles{
            {QStringLiteral("form"), ParameterStyle::Form},
            {QStringLiteral("simple"), ParameterStyle::Simple},
            {QStringLiteral("matrix"), ParameterStyle::Matrix},
            {QStringLiteral("label"), ParameterStyle::Label},
            {QStringLiteral("spaceDelimited"), ParameterStyle::SpaceDelimited},
            {QStringLiteral("pipeDelimited"), ParameterStyle::PipeDelimited},
            {QStringLiteral("deepObject"), ParameterStyle::DeepObject},
        };
        const auto it = styles.constFind(name);
        if (it == styles.constEnd())
            return std::nullopt;
        return it.value();
    }

    QList<SpecMediaType> readContent(const json &content, const Loc &loc, bool schemas = true)
    {
        if (!content.is_object())
            fail(loc, SpecLoader::tr("expected a mapping, got %1").arg(describe(content)));
        QList<SpecMediaType> out;
        for (const auto &[type, media] : content.items()) {
            const Loc mloc = loc.child(type);
            if (!media.is_object())
                fail(mloc, SpecLoader::tr("expected a mapping, got %1").arg(describe(media)));
            SpecMediaType item;
            item.contentType = qs(type);
            if (const auto schema = media.find("schema"); schema != media.end() && schemas)
                item.schema = normaliseRoot(*schema, mloc.child("schema"));
            if (const json *encoding = optObject(media, "encoding", mloc)) {
                for (const auto &[property, value] : encoding->items()) {
                    const Loc eloc = mloc.child("encoding").child(property);
                    if (!value.is_object())
                        fail(eloc,
                             SpecLoader::tr("expected a mapping, got %1").arg(describe(value)));
                    SpecEncoding enc;
                    enc.contentType = optString(value, "contentType", eloc);
                    if (value.contains("style")) {
                        const QString style = optString(value, "style", eloc);
                        enc.style = styleFromName(style);
                        if (!enc.style)
                            fail(eloc.child("style"),
                                 SpecLoader::tr("unknown style \"%1\"").arg(style));
                    }
                    if (value.contains("explode"))
                        enc.explode = optBool(value, "explode", eloc, false);
                    enc.allowReserved = optBool(value, "allowReserved", eloc, false);
                    item.encoding.insert(qs(property), enc);
                }
            }
            out.append(item);
        }
        return out;
    }

    static ParameterStyle defaultStyle(ParameterLocation in)
    {
        return in == ParameterLocation::Path || in == ParameterLocation::Header
                   ? ParameterStyle::Simple
                   : ParameterStyle::Form;
    }

    static bool styleAllowed(ParameterLocation in, ParameterStyle style)
    {
        switch (in) {
        case ParameterLocation::Path:
            return style == ParameterStyle::Simple || style == ParameterStyle::Label ||
                   style == ParameterStyle::Matrix;
        case ParameterLocation::Query:
            return style == ParameterStyle::Form || style == ParameterStyle::SpaceDelimited ||
                   style == ParameterStyle::PipeDelimited || style == ParameterStyle::DeepObject;
        case ParameterLocation::Header:
            return style == ParameterStyle::Simple;
        case ParameterLocation::Cookie:
            return style == ParameterStyle::Form;
        }
        return false;
    }

    // Swagger 2.0: a non-body parameter's own type keywords as a schema.
    json swaggerParameterSchema(const json &node, const Loc &loc)
    {
        json schema = json::object();
        for (const char *key :
             {"type", "format", "items", "default", "maximum", "exclusiveMaximum", "minimum",
              "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems",
              "uniqueItems", "enum", "multipleOf", "x-nullable"}) {
            if (const auto it = node.find(key); it != node.end())
                schema[key] = *it;
        }
        // nested collectionFormat is not a schema keyword
        for (json *items = schema.contains("items") ? &schema["items"] : nullptr;
             items && items->is_object();
             items = items->contains("items") ? &(*items)["items"] : nullptr)
            items->erase("collectionFormat");
        return normaliseRoot(schema, loc);
    }

    // collectionFormat -> style/explode.
    void applyCollectionFormat(const json &node, const Loc &loc, ParameterLocation in,
                               const QString &where, ParameterStyle &style, bool &explode)
    {
        const QString type = optString(node, "type", loc);
        style = defaultStyle(in);
        explode = style == ParameterStyle::Form;
        if (type != QStringLiteral("array"))
            return;
        QString format = optString(node, "collectionFormat", loc);
        if (format.isEmpty())
            format = QStringLiteral("csv");
        const bool simple = in == ParameterLocation::Path || in == ParameterLocation::Header;
        if (format == QStringLiteral("csv")) {
            explode = false;
        } else if (format == QStringLiteral("multi") && !simple) {
            style = ParameterStyle::Form;
            explode = true;
        } else if (format == QStringLiteral("ssv") && !simple) {
            style = ParameterStyle::SpaceDelimited;
            explode = false;
        } else if (format == QStringLiteral("pipes") && !simple) {
            style = ParameterStyle::PipeDelimited;
            explode = false;
        } else {
            fail(loc.child("collectionFormat"),
                 SpecLoader::tr("collectionFormat \"%1\" has no OpenAPI 3 equivalent in %2")
                     .arg(format, where));
        }
    }

    struct ParameterSource
    {
        const json *node;
        Loc loc;
    };

    SpecOperation readOperation(const json &op, const Loc &loc, const std::string &method,
                                const QString &path, const std::vector<ParameterSource> &pathParams,
                                const QList<SpecServer> &pathServers, const json &root)
    {
        if (!op.is_object())
            fail(loc, SpecLoader::tr("expected an operation mapping, got %1").arg(describe(op)));
        const bool swagger = m_version == SpecVersion::Swagger20;
        SpecOperation operation;
        operation.method = qs(method).toUpper();
        operation.path = path;
        operation.pointer = QStringLiteral("#") + qs(loc.ptr);
        operation.operationId = optString(op, "operationId", loc);
        operation.summary = optString(op, "summary", loc);
        operation.description = optString(op, "description", loc);
        operation.tags = optStringList(op, "tags", loc);
        operation.deprecated = optBool(op, "deprecated", loc, false);

        // parameters: path level, then operation level replacing same name and location
        std::vector<ParameterSource> sources = pathParams;
        if (const json *params = optArray(op, "parameters", loc)) {
            for (std::size_t i = 0; i < params->size(); ++i)
                sources.push_back({&(*params)[i], loc.child("parameters").child(i)});
        }
        QList<std::pair<QString, QString>> seen;
        QList<SpecParameter> parameters;
        json formProperties = json::object();
        json formRequired = json::array();
        QMap<QString, SpecEncoding> formEncoding;
        bool hasForm = false;
        bool formFile = false;
        const json *bodyParam = nullptr;
        Loc bodyLoc;
        for (const ParameterSource &source : sources) {
            const Ref ref = follow(*source.node, source.loc);
            const json &node = *ref.node;
            const Loc &ploc = ref.loc;
            if (!node.is_object())
                fail(ploc,
                     SpecLoader::tr("expected a parameter mapping, got %1").arg(describe(node)));
            const QString name = optString(node, "name", ploc);
            const QString in = optString(node, "in", ploc);
            if (name.isEmpty())
                fail(ploc, SpecLoader::tr("parameter has no \"name\""));
            if (in.isEmpty())
                fail(ploc, SpecLoader::tr("parameter has no \"in\""));
            const std::pair<QString, QString> id{name, in};
            // a later (operation-level) one replaces an earlier (path-level) one
            for (qsizetype i = 0; i < seen.size(); ++i) {
                if (seen.at(i) == id) {
                    seen.removeAt(i);
                    parameters.removeIf([&](const SpecParameter &p) {
                        return p.name == name && parameterLocationName(p.in) == in;
                    });
                    break;
                }
            }
            seen.append(id);
            if (swagger && in == QStringLiteral("body")) {
                bodyParam = &node;
                bodyLoc = ploc;
                continue;
            }
            if (swagger && in == QStringLiteral("formData")) {
                hasForm = true;
                json schema = swaggerParameterSchema(node, ploc);
                if (node.value("type", json()) == "file")
                    formFile = true;
                if (const auto d = node.find("description"); d != node.end() && schema.is_object())
                    schema["description"] = *d;
                formProperties[name.toStdString()] = std::move(schema);
                if (optBool(node, "required", ploc, false))
                    formRequired.push_back(name.toStdString());
                if (node.value("type", json()) == "array") {
                    SpecEncoding enc;
                    ParameterStyle style;
                    bool explode;
                    applyCollectionFormat(node, ploc, ParameterLocation::Query,
                                          SpecLoader::tr("a form field"), style, explode);
                    enc.style = style;
                    enc.explode = explode;
                    formEncoding.insert(name, enc);
                }
                continue;
            }
            SpecParameter parameter;
            parameter.name = name;
            if (in == QStringLiteral("path"))
                parameter.in = ParameterLocation::Path;
            else if (in == QStringLiteral("query"))
                parameter.in = ParameterLocation::Query;
            else if (in == QStringLiteral("header"))
                parameter.in = ParameterLocation::Header;
            else if (in == QStringLiteral("cookie") && !swagger)
                parameter.in = ParameterLocation::Cookie;
            else
                fail(ploc.child("in"), SpecLoader::tr("unknown parameter location \"%1\"").arg(in));
            if (parameter.in == ParameterLocation::Header &&
                (name.compare(QStringLiteral("Accept"), Qt::CaseInsensitive) == 0 ||
                 name.compare(QStringLiteral("Content-Type"), Qt::CaseInsensitive) == 0 ||
                 name.compare(QStringLiteral("Authorization"), Qt::CaseInsensitive) == 0))
                continue; // OAS: these header parameters are ignored
            parameter.required =
                parameter.in == ParameterLocation::Path || optBool(node, "required", ploc, false);
            parameter.deprecated = optBool(node, "deprecated", ploc, false);
            parameter.description = optString(node, "description", ploc);
            const QString locationName = SpecLoader::tr("a %1 parameter").arg(in);
            if (swagger) {
                parameter.schema = swaggerParameterSchema(node, ploc);
                applyCollectionFormat(node, ploc, parameter.in, locationName, parameter.style,
                                      parameter.explode);
            } else {
                if (const auto schema = node.find("schema"); schema != node.end()) {
                    parameter.schema = normaliseRoot(*schema, ploc.child("schema"));
                } else if (const json *content = optObject(node, "content", ploc)) {
                    const QList<SpecMediaType> media = readContent(*content, ploc.child("content"));
                    if (!media.isEmpty()) {
                        parameter.contentType = media.first().contentType;
                        parameter.schema =
                            media.first().schema.is_null() ? json::object() : media.first().schema;
                    }
                }
                parameter.style = defaultStyle(parameter.in);
                if (node.contains("style")) {
                    const QString style = optString(node, "style", ploc);
                    const std::optional<ParameterStyle> parsed = styleFromName(style);
                    if (!parsed)
                        fail(ploc.child("style"),
                             SpecLoader::tr("unknown style \"%1\"").arg(style));
                    if (!styleAllowed(parameter.in, *parsed)) {
                        fail(ploc.child("style"),
                             SpecLoader::tr("style \"%1\" is not allowed in %2")
                                 .arg(style, locationName));
                    }
                    parameter.style = *parsed;
                }
                parameter.explode =
                    optBool(node, "explode", ploc, parameter.style == ParameterStyle::Form);
                parameter.allowReserved = optBool(node, "allowReserved", ploc, false);
            }
            parameters.append(parameter);
        }
        // every {name} in the path needs its parameter
        for (qsizetype open = path.indexOf(u'{'); open >= 0; open = path.indexOf(u'{', open + 1)) {
            const qsizetype close = path.indexOf(u'}', open);
            if (close < 0)
                break;
            const QString name = path.mid(open + 1, close - open - 1);
            const bool declared =
                std::any_of(parameters.begin(), parameters.end(), [&](const SpecParameter &p) {
                    return p.in == ParameterLocation::Path && p.name == name;
                });
            if (!declared)
                fail(loc, SpecLoader::tr("path parameter \"%1\" is not declared").arg(name));
        }
        operation.parameters = parameters;

        // request body
        if (swagger) {
            QStringList consumes = optStringList(op, "consumes", loc);
            if (consumes.isEmpty())
                consumes = optStringList(root, "consumes", Loc{0, {}});
            if (bodyParam) {
                SpecRequestBody body;
                body.required = optBool(*bodyParam, "required", bodyLoc, false);
                body.description = optString(*bodyParam, "description", bodyLoc);
                const auto schema = bodyParam->find("schema");
                if (schema == bodyParam->end())
                    fail(bodyLoc, SpecLoader::tr("body parameter has no \"schema\""));
                const json normalised = normaliseRoot(*schema, bodyLoc.child("schema"));
                QStringList types;
                for (const QString &type : std::as_const(consumes)) {
                    if (!type.startsWith(QStringLiteral("multipart/")) &&
                        type != QStringLiteral("application/x-www-form-urlencoded"))
                        types.append(type);
                }
                if (types.isEmpty())
                    types.append(QStringLiteral("application/json"));
                for (const QString &type : std::as_const(types))
                    body.content.append(SpecMediaType{type, normalised, {}});
                operation.requestBody = body;
            } else if (hasForm) {
                SpecRequestBody body;
                body.required = !formRequired.empty();
                QString type = QStringLiteral("application/x-www-form-urlencoded");
                if (formFile || (consumes.contains(QStringLiteral("multipart/form-data")) &&
                                 !consumes.contains(type)))
                    type = QStringLiteral("multipart/form-data");
                json schema = json::object({{"type", "object"}, {"properties", formProperties}});
                if (!formRequired.empty())
                    schema["required"] = formRequired;
                body.content.append(SpecMediaType{type, schema, formEncoding});
                operation.requestBody = body;
            }
        } else if (const auto body = op.find("requestBody"); body != op.end()) {
            const Ref ref = follow(*body, loc.child("requestBody"));
            if (!ref.node->is_object())
                fail(ref.loc,
                     SpecLoader::tr("expected a mapping, got %1").arg(describe(*ref.node)));
            SpecRequestBody requestBody;
            requestBody.required = optBool(*ref.node, "required", ref.loc, false);
            requestBody.description = optString(*ref.node, "description", ref.loc);
            const json *content = optObject(*ref.node, "content", ref.loc);
            if (!content)
                fail(ref.loc, SpecLoader::tr("request body has no \"content\""));
            requestBody.content = readContent(*content, ref.loc.child("content"));
            operation.requestBody = requestBody;
        }

        // responses: 2XX and default
        if (const json *responses = optObject(op, "responses", loc)) {
            QStringList produces;
            if (swagger) {
                produces = optStringList(op, "produces", loc);
                if (produces.isEmpty())
                    produces = optStringList(root, "produces", Loc{0, {}});
                if (produces.isEmpty())
                    produces.append(QStringLiteral("application/json"));
            }
            for (const auto &[status, value] : responses->items()) {
                if (!(status.starts_with('2') || status == "default"))
                    continue;
                const Ref ref = follow(value, loc.child("responses").child(status));
                if (!ref.node->is_object())
                    fail(ref.loc,
                         SpecLoader::tr("expected a mapping, got %1").arg(describe(*ref.node)));
                SpecResponse response;
                response.status = qs(status);
                response.description = optString(*ref.node, "description", ref.loc);
                if (swagger) {
                    if (const auto schema = ref.node->find("schema"); schema != ref.node->end()) {
                        const json normalised =
                            m_options.responseSchemas
                                ? normaliseRoot(*schema, ref.loc.child("schema"))
                                : json();
                        for (const QString &type : std::as_const(produces))
                            response.content.append(SpecMediaType{type, normalised, {}});
                    }
                } else if (const json *content = optObject(*ref.node, "content", ref.loc)) {
                    response.content =
                        readContent(*content, ref.loc.child("content"), m_options.responseSchemas);
                }
                operation.responses.append(response);
            }
        }

        if (const auto security = op.find("security"); security != op.end()) {
            operation.security = readSecurity(*security, loc.child("security"));
            operation.securityInherited = false;
        } else {
            operation.security = m_spec.m_security;
        }
        if (!swagger && !m_spec.m_baseUrlOverridden) {
            operation.servers = readServers(op, loc);
            if (operation.servers.isEmpty())
                operation.servers = pathServers;
        }
        return operation;
    }

    void skip(const QString &method, const QString &path, const Failure &failure)
    {
        SkippedOperation skipped;
        skipped.method = method;
        skipped.path = path;
        skipped.pointer = QStringLiteral("#") + qs(failure.pointer);
        skipped.reason = format(failure);
        qCDebug(lcOpenApi) << "skipped" << method << path << skipped.reason;
        m_spec.m_skipped.append(skipped);
    }

    Result<Spec> readDocument();

    struct CacheEntry
    {
        json schema;
        QSet<QString> used;
    };

    const SpecLoadOptions &m_options;
    std::vector<std::unique_ptr<Document>> m_docs;
    QHash<QString, int> m_docByPath;
    QString m_rootDir;
    Spec m_spec;
    SpecVersion m_version = SpecVersion::OpenApi31;
    std::unordered_map<std::string, GraphNode> m_graph;
    std::vector<std::string> m_graphStack;
    int m_graphCounter = 0;
    std::unordered_map<std::string, CacheEntry> m_cache;
    std::unordered_map<std::string, QString> m_defNames;
    QSet<QString> m_usedDefNames;
    QSet<QString> m_defsDone;
    QSet<QString> m_defsInProgress;
    QHash<QString, QSet<QString>> m_defDeps;
    QSet<QString> *m_used = nullptr;
    QSet<QString> m_warnedSchemes;
};

Result<Spec> SpecBuilder::build(const QByteArray &data, const QString &name, const QString &dir,
                                const QString &filePath, const QUrl &url)
{
    auto doc = std::make_unique<Document>();
    doc->dir = dir;
    doc->url = url;
    doc->name = name;
    m_rootDir = dir;
    const QString error = parseDocument(data, *doc, m_options);
    if (!error.isEmpty())
        return Error(ErrorCode::Parse, error);
    m_docs.push_back(std::move(doc));
    if (!filePath.isEmpty())
        m_docByPath.insert(filePath, 0);
    if (url.isValid())
        m_docByPath.insert(url.adjusted(QUrl::RemoveFragment).toString(), 0);
    m_spec.m_sourceName = name;
    try {
        return readDocument();
    } catch (const Failure &failure) {
        return Error(ErrorCode::Validation, format(failure));
    } catch (const std::exception &e) {
        qCWarning(lcOpenApi) << "unexpected error loading" << name << e.what();
        return Error(ErrorCode::Internal,
                     SpecLoader::tr("%1: cannot load the spec: %2").arg(name, qs(e.what())));
    }
}

Result<Spec> SpecBuilder::readDocument()
{
    const json &root = m_docs.front()->root;
    const QString &name = m_spec.m_sourceName;
    if (!root.is_object()) {
        return Error(ErrorCode::Validation,
                     SpecLoader::tr("%1 is not an OpenAPI document: expected a mapping at the top "
                                    "level, got %2")
                         .arg(name, describe(root)));
    }
    const Loc top{0, {}};
    QString version;
    if (root.contains("openapi")) {
        version = optString(root, "openapi", top);
        if (version.startsWith(QStringLiteral("3.0")))
            m_version = SpecVersion::OpenApi30;
        else if (version.startsWith(QStringLiteral("3.1")))
            m_version = SpecVersion::OpenApi31;
        else
            version.prepend(QStringLiteral("openapi "));
    } else if (root.contains("swagger")) {
        version = optString(root, "swagger", top);
        if (version == QStringLiteral("2.0") || version == QStringLiteral("2"))
            m_version = SpecVersion::Swagger20;
        else
            version.prepend(QStringLiteral("swagger "));
    } else {
        return Error(ErrorCode::Validation,
                     SpecLoader::tr("%1 is not an OpenAPI document: it has no \"openapi\" or "
                                    "\"swagger\" version key at the top level")
                         .arg(name));
    }
    if (version.contains(u' ')) {
        return Error(ErrorCode::Validation,
                     SpecLoader::tr("%1: unsupported version \"%2\" (OpenAPI 3.0, 3.1 and Swagger "
                                    "2.0 are supported)")
                         .arg(name, version.section(u' ', 1)));
    }
    m_spec.m_version = m_version;
    m_spec.m_versionString = version;

    if (const json *info = optObject(root, "info", top)) {
        m_spec.m_info.title = optString(*info, "title", top.child("info"));
        m_spec.m_info.version = optString(*info, "version", top.child("info"));
        m_spec.m_info.description = optString(*info, "description", top.child("info"));
    }

    if (m_version == SpecVersion::Swagger20) {
        const QString host = optString(root, "host", top);
        QString basePath = optString(root, "basePath", top);
        if (basePath == QStringLiteral("/"))
            basePath.clear();
        QStringList schemes = optStringList(root, "schemes", top);
        if (host.isEmpty()) {
            m_spec.m_servers.append(
                SpecServer{basePath.isEmpty() ? QStringLiteral("/") : basePath, {}, {}});
        } else {
            if (schemes.isEmpty())
                schemes.append(QStringLiteral("https"));
            for (const QString &scheme : std::as_const(schemes))
                m_spec.m_servers.append(
                    SpecServer{scheme + QStringLiteral("://") + host + basePath, {}, {}});
        }
    } else {
        m_spec.m_servers = readServers(root, top);
    }
    if (!m_options.baseUrlOverride.isEmpty()) {
        m_spec.m_servers = {SpecServer{m_options.baseUrlOverride, {}, {}}};
        m_spec.m_baseUrlOverridden = true;
    }

    readSecuritySchemes(root);
    if (const auto security = root.find("security"); security != root.end())
        m_spec.m_security = readSecurity(*security, top.child("security"));

    const json *paths = optObject(root, "paths", top);
    if (!paths)
        return std::move(m_spec);
    for (const auto &[path, value] : paths->items()) {
        if (path.starts_with("x-"))
            continue;
        const QString qpath = qs(path);
        const Loc pathLoc = top.child("paths").child(path);
        std::vector<ParameterSource> pathParams;
        QList<SpecServer> pathServers;
        Ref item;
        try {
            item = follow(value, pathLoc);
            if (!item.node->is_object()) {
                fail(item.loc, SpecLoader::tr("expected a path item mapping, got %1")
                                   .arg(describe(*item.node)));
            }
            if (const json *params = optArray(*item.node, "parameters", item.loc)) {
                for (std::size_t i = 0; i < params->size(); ++i)
                    pathParams.push_back({&(*params)[i], item.loc.child("parameters").child(i)});
            }
            if (m_version != SpecVersion::Swagger20)
                pathServers = readServers(*item.node, item.loc);
        } catch (const Failure &failure) {
            skip(QString(), qpath, failure);
            continue;
        }
        for (const std::string &method : httpMethods()) {
            const auto op = item.node->find(method);
            if (op == item.node->end())
                continue;
            try {
                m_spec.m_operations.append(readOperation(*op, item.loc.child(method), method, qpath,
                                                         pathParams, pathServers, root));
            } catch (const Failure &failure) {
                skip(qs(method).toUpper(), qpath, failure);
            } catch (const json::exception &e) {
                skip(qs(method).toUpper(), qpath,
                     Failure{item.loc.doc, item.loc.child(method).ptr, qs(e.what())});
            }
        }
    }
    QHash<QString, QString> ids;
    for (const SpecOperation &operation : std::as_const(m_spec.m_operations)) {
        if (operation.operationId.isEmpty())
            continue;
        const auto it = ids.constFind(operation.operationId);
        if (it != ids.constEnd()) {
            m_spec.m_warnings.append(
                SpecLoader::tr("%1: operationId \"%2\" is used by %3 and %4")
                    .arg(name, operation.operationId, it.value(), operation.key()));
        } else {
            ids.insert(operation.operationId, operation.key());
        }
    }
    return std::move(m_spec);
}

SpecLoader::SpecLoader(SpecLoadOptions options)
    : m_options(std::move(options))
{}

Result<Spec> SpecLoader::loadFile(const QString &path, const QString &displayName) const
{
    const QFileInfo info(path);
    const QString name = displayName.isEmpty() ? info.fileName() : displayName;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, tr("cannot read %1: %2").arg(name, file.errorString()));
    if (file.size() > m_options.maxDocumentBytes) {
        return Error(ErrorCode::Validation, tr("%1: the document is larger than %2 bytes")
                                                .arg(name)
                                                .arg(m_options.maxDocumentBytes));
    }
    SpecBuilder builder(m_options);
    return builder.build(file.readAll(), name, info.absolutePath(),
                         QDir::cleanPath(info.absoluteFilePath()));
}

Result<Spec> SpecLoader::loadData(const QByteArray &data, const QString &displayName,
                                  const QString &baseDir) const
{
    SpecBuilder builder(m_options);
    return builder.build(data, displayName,
                         baseDir.isEmpty() ? QString() : QDir(baseDir).absolutePath(), QString());
}

Result<Spec> SpecLoader::loadUrl(const QUrl &url) const
{
    const QString name = url.toDisplayString(QUrl::RemoveUserInfo);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"http" && scheme != u"https"))
        return Error(ErrorCode::InvalidArgument, tr("%1 is not an http or https URL").arg(name));
    if (!m_options.fetch)
        return Error(ErrorCode::Unavailable, tr("%1: this loader cannot fetch URLs").arg(name));
    const Result<QByteArray> data = m_options.fetch(url);
    if (!data)
        return data.error();
    return loadFetched(*data, url);
}

Result<Spec> SpecLoader::loadFetched(const QByteArray &data, const QUrl &url) const
{
    const QString name = url.toDisplayString(QUrl::RemoveUserInfo);
    if (data.size() > m_options.maxDocumentBytes) {
        return Error(ErrorCode::Validation, tr("%1: the document is larger than %2 bytes")
                                                .arg(name)
                                                .arg(m_options.maxDocumentBytes));
    }
    SpecBuilder builder(m_options);
    return builder.build(data, name, QString(), QString(), url);
}

} // namespace gatehouse::openapi
