// The Servers & tools page's model against a real store: an OpenAPI spec previewed from a file or
// URL before anything is saved, imported as `gatehouse import` would, and its tools edited through
// overrides that change what the gateway's generator makes of them and what a client receives at
// session start.
#include "../store/StoreTestSupport.h"
#include "TestSupport.h"
#include "gateway/DiscoveryTools.h"
#include "gateway/ServerEditor.h"
#include "gateway/ServerImport.h"
#include "http/Request.h"
#include "http/Responder.h"
#include "http/Response.h"
#include "http/Server.h"
#include "store/ServerRepository.h"
#include "store/ToolOverrideRepository.h"

#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::gateway;
using namespace Qt::StringLiterals;

namespace {

QString notesSpec()
{
    return test::sourceDir() + u"/tests/unit/gateway/specs/notes.yaml"_s;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QStringList namesOf(const ServerEditor &editor, bool enabledOnly)
{
    QStringList names;
    for (const ToolRow &row : editor.tools())
        if (!enabledOnly || row.enabled)
            names.append(row.tool.name);
    return names;
}

} // namespace

class TestServerEditor : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;

    ServerEditor load(const QString &name)
    {
        auto editor = ServerEditor::load(*m_db, name);
        if (!editor)
            qWarning("%s", qPrintable(editor.error().message()));
        return editor ? std::move(editor).value() : ServerEditor();
    }

    void importNotes(const QString &name)
    {
        auto preview = ServerImport::preview(notesSpec());
        GH_VERIFY_OK(preview);
        GH_VERIFY_OK(ServerImport::save(*m_db, *preview, name));
    }

private Q_SLOTS:
    void init()
    {
        m_db = store::test::openStore(m_dir, -1, QUuid::createUuid().toString(QUuid::Id128));
        QVERIFY(m_db);
    }

    void cleanup() { m_db.reset(); }

    void previewShowsToolsAndWhatWasRemovedBeforeSaving()
    {
        auto preview = ServerImport::preview(notesSpec());
        GH_VERIFY_OK(preview);
        QCOMPARE(preview->source, QFileInfo(notesSpec()).absoluteFilePath());
        QCOMPARE(preview->suggestedName, u"notes-api"_s);
        QCOMPARE(preview->title, u"Notes API"_s);
        const openapi::ToolCatalog &catalog = *preview->catalog;
        QCOMPARE(catalog.tools.size(), 4);
        const openapi::Tool *create = catalog.find(u"create_note"_s);
        QVERIFY(create);
        QCOMPARE(create->action, openapi::ToolAction::Create);
        QCOMPARE(create->resource, u"notes"_s);
        QCOMPARE(catalog.find(u"delete_note"_s)->action, openapi::ToolAction::Delete);
        // The deprecated search is left out, with the reason the owner reads.
        QCOMPARE(catalog.excluded.size(), 1);
        QCOMPARE(catalog.excluded.first().operationId, u"searchNotesLegacy"_s);
        QCOMPARE(catalog.excluded.first().heuristic, u"drop_deprecated"_s);
        QVERIFY(catalog.excluded.first().reason.contains(u"Deprecated"_s));
        // What the client receives at session start in each mode.
        QCOMPARE(preview->cost.tools, 4);
        QCOMPARE(preview->cost.flat,
                 openapi::estimateTokens(DiscoveryTools::listResult(
                     DiscoveryTools::listing(DiscoveryMode::Flat, catalog, u"Notes API"_s))));
        QVERIFY(preview->cost.flat >= catalog.estimatedTokens());
        QVERIFY(preview->cost.hierarchical > 0 && preview->cost.search > 0);
        // Nothing is stored by a preview.
        QCOMPARE(store::ServerRepository(*m_db).list()->size(), 0);
    }

    void previewFromUrl()
    {
        const QByteArray spec = readAll(notesSpec());
        QVERIFY(!spec.isEmpty());
        http::ServerOptions options;
        options.workerThreads = 1;
        http::Server server(options);
        server.setHandler(
            [spec](const http::Request &request, std::shared_ptr<http::Responder> responder) {
                if (request.target() == "/notes.yaml")
                    responder->respond(http::Response::text(200, spec));
                else
                    responder->respond(http::Response::json(404, "{}"));
            });
        QVERIFY(server.listen(QHostAddress::LocalHost, 0).ok());
        const QString url = u"http://127.0.0.1:%1/notes.yaml"_s.arg(server.serverPort());
        auto preview = ServerImport::preview(url);
        GH_VERIFY_OK(preview);
        QCOMPARE(preview->source, url);
        QCOMPARE(preview->catalog->tools.size(), 4);

        auto missing =
            ServerImport::preview(u"http://127.0.0.1:%1/gone.yaml"_s.arg(server.serverPort()));
        QVERIFY(!missing);
        QVERIFY2(missing.error().message().contains(u"404"_s),
                 qPrintable(missing.error().message()));
    }

    void unusableSourcesAreErrors_data()
    {
        QTest::addColumn<QString>("content"); // written to a file; empty: no file
        QTest::addColumn<QString>("source");  // used as is when there is no content
        QTest::addColumn<QString>("says");
        QTest::newRow("not YAML") << u"openapi: [3.0\n  : {"_s << QString() << u"yaml"_s;
        QTest::newRow("no version")
            << u"info: {title: x}\npaths: {}\n"_s << QString() << u"openapi"_s;
        QTest::newRow("no operations")
            << u"openapi: 3.0.3\ninfo: {title: Empty, version: '1'}\npaths: {}\n"_s << QString()
            << u"no operations"_s;
        QTest::newRow("missing file")
            << QString() << u"/nonexistent/spec.yaml"_s << u"does not exist"_s;
        QTest::newRow("other scheme")
            << QString() << u"ftp://example.com/spec.yaml"_s << u"http(s)"_s;
        QTest::newRow("empty") << QString() << u"  "_s << u"Choose a spec file"_s;
    }

    void unusableSourcesAreErrors()
    {
        QFETCH(QString, content);
        QFETCH(QString, source);
        QFETCH(QString, says);
        if (!content.isEmpty()) {
            source = m_dir.filePath(u"broken.yaml"_s);
            QFile file(source);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(content.toUtf8());
        }
        auto preview = ServerImport::preview(source);
        QVERIFY(!preview);
        QVERIFY2(preview.error().message().contains(says, Qt::CaseInsensitive),
                 qPrintable(preview.error().message()));
    }

    void serverNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("ok");
        QTest::newRow("plain") << u"notes"_s << true;
        QTest::newRow("dashes and digits") << u"notes-v2_x"_s << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("space") << u"my notes"_s << false;
        QTest::newRow("slash") << u"notes/v2"_s << false;
        QTest::newRow("leading dash") << u"-notes"_s << false;
        QTest::newRow("65 characters") << QString(65, u'a') << false;
        QTest::newRow("taken") << u"billing"_s << false;
    }

    void serverNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, ok);
        QCOMPARE(ServerImport::nameProblem(name, {u"billing"_s}).isEmpty(), ok);
    }

    void saveStoresWhereTheSpecIsAsImportDoes()
    {
        importNotes(u"notes"_s);
        auto stored = store::ServerRepository(*m_db).get(u"notes"_s);
        GH_VERIFY_OK(stored);
        QCOMPARE(stored->openapi.value_or(QString()), QFileInfo(notesSpec()).absoluteFilePath());
        QCOMPARE(stored->title.value_or(QString()), u"Notes API"_s);
        QCOMPARE(stored->discovery, u"flat"_s);

        auto preview = ServerImport::preview(notesSpec());
        GH_VERIFY_OK(preview);
        const Status again = ServerImport::save(*m_db, *preview, u"notes"_s);
        QVERIFY(!again);
        QCOMPARE(again.error().code(), ErrorCode::AlreadyExists);
        QVERIFY(!ServerImport::save(*m_db, *preview, u"bad name"_s));
        QCOMPARE(store::ServerRepository(*m_db).list()->size(), 1);
    }

    void loadsToolsWithParametersAndResponseFields()
    {
        importNotes(u"notes"_s);
        const ServerEditor editor = load(u"notes"_s);
        QVERIFY(editor.loadError().isEmpty());
        QCOMPARE(namesOf(editor, false),
                 (QStringList{u"list_notes"_s, u"create_note"_s, u"get_note"_s, u"delete_note"_s}));
        const ToolRow *create = editor.find(u"createNote"_s);
        QVERIFY(create);
        QVERIFY(create->enabled);
        QVERIFY(!create->override_);
        QStringList parameters;
        for (const EditableParameter &p : create->parameters)
            parameters.append(p.location + u':' + p.name + (p.required ? u"*"_s : QString()));
        QCOMPARE(parameters, (QStringList{u"body:folder"_s, u"body:text"_s, u"body:title*"_s}));
        const ToolRow *get = editor.find(u"getNote"_s);
        QVERIFY(get->responseSchema.is_object());
        QVERIFY(get->responseSchema["properties"].contains("created_at"));
        QVERIFY(get->responseSchema["properties"]["author"]["properties"].contains("email"));
        QCOMPARE(editor.removed().size(), 1);
        QCOMPARE(editor.removed().first().key, u"searchNotesLegacy"_s);
        QCOMPARE(editor.cost().tools, 4);
    }

    void switchingAToolOffAndUndoing()
    {
        importNotes(u"notes"_s);
        const ServerEditor before = load(u"notes"_s);
        store::ToolOverride off;
        off.server = u"notes"_s;
        off.key = u"deleteNote"_s;
        off.enabled = false;
        // The cost the page shows before the switch is saved is the one after.
        const ContextCost predicted = before.costWith(off);
        GH_VERIFY_OK(ServerEditor::saveOverride(*m_db, off));

        const ServerEditor after = load(u"notes"_s);
        QCOMPARE(predicted.tools, after.cost().tools);
        QCOMPARE(predicted.flat, after.cost().flat);
        QCOMPARE(predicted.hierarchical, after.cost().hierarchical);
        QCOMPARE(predicted.search, after.cost().search);
        // The row stays, switched off, so the owner can switch it back on.
        QCOMPARE(after.tools().size(), 4);
        QVERIFY(!after.find(u"deleteNote"_s)->enabled);
        QCOMPARE(namesOf(after, true),
                 (QStringList{u"list_notes"_s, u"create_note"_s, u"get_note"_s}));
        QCOMPARE(after.cost().tools, 3);
        QVERIFY(after.cost().flat < before.cost().flat);
        // Switched off by the owner: not among what the heuristics removed.
        QCOMPARE(after.removed().size(), 1);

        // Undo: there was no override before, so none is left.
        GH_VERIFY_OK(ServerEditor::restoreOverride(*m_db, u"notes"_s, u"deleteNote"_s,
                                                   before.find(u"deleteNote"_s)->override_));
        QCOMPARE(store::ToolOverrideRepository(*m_db).listForServer(u"notes"_s)->size(), 0);
        const ServerEditor undone = load(u"notes"_s);
        QVERIFY(undone.find(u"deleteNote"_s)->enabled);
        QCOMPARE(undone.cost().flat, before.cost().flat);
    }

    void editsBecomeOverridesTheGeneratorApplies()
    {
        importNotes(u"notes"_s);
        const ServerEditor editor = load(u"notes"_s);
        QVERIFY(editor.toolNameProblem(u"getNote"_s, u"fetch_note"_s).isEmpty());
        QVERIFY(!editor.toolNameProblem(u"getNote"_s, u"list_notes"_s).isEmpty()); // taken
        QVERIFY(!editor.toolNameProblem(u"getNote"_s, u"fetch note"_s).isEmpty());
        QVERIFY(!editor.toolNameProblem(u"getNote"_s, QString(65, u'x')).isEmpty());
        QVERIFY(editor.toolNameProblem(u"getNote"_s, u"get_note"_s).isEmpty()); // its own

        store::ToolOverride edit;
        edit.server = u"notes"_s;
        edit.key = u"createNote"_s;
        edit.name = u"add_note"_s;
        edit.description = u"Adds a note to a folder."_s;
        edit.hideParams = QStringList{u"text"_s};
        edit.fixedParams = store::ParamValues{{u"folder"_s, "inbox"}};
        edit.action = u"update"_s;
        edit.resource = u"memos"_s;
        edit.cost = 0.5;
        edit.responseFields = QStringList{u"id"_s, u"title"_s};
        GH_VERIFY_OK(ServerEditor::saveOverride(*m_db, edit));

        const ServerEditor after = load(u"notes"_s);
        const ToolRow *row = after.find(u"createNote"_s);
        QVERIFY(row && row->override_);
        QCOMPARE(row->tool.name, u"add_note"_s);
        QCOMPARE(row->tool.description, u"Adds a note to a folder."_s);
        QCOMPARE(row->tool.action, openapi::ToolAction::Update);
        QCOMPARE(row->tool.resource, u"memos"_s);
        QCOMPARE(row->tool.cost, std::optional<double>(0.5));
        QCOMPARE(row->tool.responseFields, (QStringList{u"id"_s, u"title"_s}));
        const auto properties = row->tool.inputSchema["properties"];
        QVERIFY(properties.contains("title"));
        QVERIFY(!properties.contains("text"));
        QVERIFY(!properties.contains("folder"));
        QCOMPARE(row->tool.fixed.size(), 1);
        // Every parameter is still offered for editing, hidden ones too.
        QCOMPARE(row->parameters.size(), 3);

        // An override that sets nothing is removed rather than kept empty.
        store::ToolOverride cleared;
        cleared.server = u"notes"_s;
        cleared.key = u"createNote"_s;
        QVERIFY(ServerEditor::isEmpty(cleared));
        GH_VERIFY_OK(ServerEditor::saveOverride(*m_db, cleared));
        QCOMPARE(store::ToolOverrideRepository(*m_db).listForServer(u"notes"_s)->size(), 0);
        QCOMPARE(load(u"notes"_s).find(u"createNote"_s)->tool.name, u"create_note"_s);
    }

    void bringingBackARemovedOperation()
    {
        importNotes(u"notes"_s);
        const ServerEditor editor = load(u"notes"_s);
        const RemovedOperation removed = editor.removed().first();
        // An override the owner made before (a name) stays; the switch is added to it.
        store::ToolOverride named;
        named.server = u"notes"_s;
        named.key = removed.key;
        named.name = u"search_notes"_s;
        GH_VERIFY_OK(ServerEditor::saveOverride(*m_db, named));
        GH_VERIFY_OK(ServerEditor::bringBack(*m_db, u"notes"_s, removed.key));
        auto stored = store::ToolOverrideRepository(*m_db).get(u"notes"_s, removed.key);
        GH_VERIFY_OK(stored);
        QCOMPARE(stored->enabled, std::optional<bool>(true));
        QCOMPARE(stored->name, std::optional<QString>(u"search_notes"_s));
        const ServerEditor after = load(u"notes"_s);
        QVERIFY(after.removed().isEmpty());
        QCOMPARE(after.cost().tools, 5);
        const ToolRow *back = after.find(u"searchNotesLegacy"_s);
        QVERIFY(back && back->enabled);
        QCOMPARE(back->tool.name, u"search_notes"_s);
    }

    // update() changes only what its change touches, over what is stored at that moment, and
    // returns what it replaced for undo.
    void updateReadsAndWritesInOneGo()
    {
        importNotes(u"notes"_s);
        auto first =
            ServerEditor::update(*m_db, u"notes"_s, u"createNote"_s, [](store::ToolOverride &o) {
                o.enabled = false;
                o.fixedParams = store::ParamValues{{u"folder"_s, "2024"}};
            });
        GH_VERIFY_OK(first);
        QVERIFY(!first->has_value()); // there was none
        auto second = ServerEditor::update(*m_db, u"notes"_s, u"createNote"_s,
                                           [](store::ToolOverride &o) { o.name = u"add_note"_s; });
        GH_VERIFY_OK(second);
        QVERIFY(second->has_value());
        QCOMPARE((*second)->enabled, std::optional<bool>(false));
        QVERIFY(!(*second)->name);
        auto stored = store::ToolOverrideRepository(*m_db).get(u"notes"_s, u"createNote"_s);
        GH_VERIFY_OK(stored);
        QCOMPARE(stored->enabled, std::optional<bool>(false));
        QCOMPARE(stored->name, std::optional<QString>(u"add_note"_s));
        QCOMPARE(stored->fixedParams->value(u"folder"_s), nlohmann::json("2024"));
        QVERIFY(!load(u"notes"_s).find(u"createNote"_s)->enabled);

        // A change that leaves nothing set removes the override.
        GH_VERIFY_OK(
            ServerEditor::update(*m_db, u"notes"_s, u"createNote"_s,
                                 [](store::ToolOverride &o) { o = store::ToolOverride(); }));
        QCOMPARE(store::ToolOverrideRepository(*m_db).listForServer(u"notes"_s)->size(), 0);
    }

    // A tool brought back and switched off keeps its row (to switch it on again) and is known
    // to need enabled: true.
    void aBroughtBackToolSwitchedOffKeepsItsRow()
    {
        importNotes(u"notes"_s);
        QVERIFY(!load(u"notes"_s).find(u"getNote"_s)->removedByHeuristics);
        GH_VERIFY_OK(ServerEditor::bringBack(*m_db, u"notes"_s, u"searchNotesLegacy"_s));
        QVERIFY(load(u"notes"_s).find(u"searchNotesLegacy"_s)->removedByHeuristics);
        GH_VERIFY_OK(ServerEditor::update(*m_db, u"notes"_s, u"searchNotesLegacy"_s,
                                          [](store::ToolOverride &o) { o.enabled = false; }));
        const ServerEditor off = load(u"notes"_s);
        const ToolRow *row = off.find(u"searchNotesLegacy"_s);
        QVERIFY(row && !row->enabled && row->removedByHeuristics);
        QVERIFY(off.removed().isEmpty()); // switched off by the owner, not removed
        QCOMPARE(off.cost().tools, 4);
    }

    void specReusedWhileTheSourceIsTheSame()
    {
        importNotes(u"notes"_s);
        const ServerEditor first = load(u"notes"_s);
        auto second = ServerEditor::load(*m_db, u"notes"_s, first.spec(), first.specSource());
        GH_VERIFY_OK(second);
        QCOMPARE(second->spec().get(), first.spec().get());
        auto other = ServerEditor::load(*m_db, u"notes"_s, first.spec(), u"/elsewhere.yaml"_s);
        GH_VERIFY_OK(other);
        QVERIFY(other->spec().get() != first.spec().get());
    }

    void unloadableSpecIsReportedNotFatal()
    {
        store::Server gone;
        gone.name = u"gone"_s;
        gone.openapi = m_dir.filePath(u"missing.yaml"_s);
        GH_VERIFY_OK(store::ServerRepository(*m_db).create(gone));
        const ServerEditor editor = load(u"gone"_s);
        QVERIFY(editor.loadError().contains(u"could not be loaded"_s));
        QVERIFY(editor.tools().isEmpty());

        GH_VERIFY_OK(ServerEditor::removeServer(*m_db, u"gone"_s));
        QVERIFY(!ServerEditor::load(*m_db, u"gone"_s));
    }
};

QTEST_GUILESS_MAIN(TestServerEditor)
#include "TestServerEditor.moc"
