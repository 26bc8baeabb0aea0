// Loads third-party specs fetched by tests/openapi-specs/fetch-specs.sh (the OpenApiSpecsFetch
// fixture): every operation of each either loads or is listed as skipped with a reason.
#include "openapi/SpecLoader.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace gatehouse;
using namespace gatehouse::openapi;

namespace {

QString specsDir()
{
    return qEnvironmentVariable("GATEHOUSE_OPENAPI_SPECS_DIR");
}

// The (METHOD, path) pairs written under `paths`, read independently of the loader. Path items
// that are a $ref are returned with an empty method.
QSet<QString> rawOperations(const Spec &spec, const QString &file)
{
    QSet<QString> out;
    if (spec.operations().isEmpty() && spec.skipped().isEmpty())
        return out;
    YAML::Node root;
    try {
        root = YAML::LoadFile(QFile::encodeName(file).toStdString());
    } catch (const YAML::Exception &) {
        return out;
    }
    static const QStringList methods{QStringLiteral("get"),     QStringLiteral("put"),
                                     QStringLiteral("post"),    QStringLiteral("delete"),
                                     QStringLiteral("options"), QStringLiteral("head"),
                                     QStringLiteral("patch"),   QStringLiteral("trace")};
    const YAML::Node paths = root["paths"];
    if (!paths.IsMap())
        return out;
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const QString path = QString::fromStdString(it->first.Scalar());
        if (path.startsWith(QStringLiteral("x-")) || !it->second.IsMap())
            continue;
        if (it->second["$ref"]) {
            out.insert(u' ' + path);
            continue;
        }
        for (auto op = it->second.begin(); op != it->second.end(); ++op) {
            const QString method = QString::fromStdString(op->first.Scalar());
            if (methods.contains(method))
                out.insert(method.toUpper() + u' ' + path);
        }
    }
    return out;
}

void checkAccounted(const Spec &spec, const QString &file)
{
    QSet<QString> seen;
    for (const SpecOperation &op : spec.operations())
        seen.insert(op.key());
    QSet<QString> skippedPaths;
    for (const SkippedOperation &skipped : spec.skipped()) {
        QVERIFY2(!skipped.reason.isEmpty(), qPrintable(skipped.path));
        QVERIFY2(skipped.reason.contains(skipped.pointer), qPrintable(skipped.reason));
        seen.insert(skipped.method + u' ' + skipped.path);
        skippedPaths.insert(skipped.path);
    }
    const QSet<QString> raw = rawOperations(spec, file);
    for (const QString &key : raw) {
        if (key.startsWith(u' ')) {
            const QString path = key.mid(1);
            const bool any = std::any_of(seen.begin(), seen.end(), [&](const QString &s) {
                return s.section(u' ', 1) == path;
            });
            QVERIFY2(any, qPrintable(QStringLiteral("path item $ref not accounted: ") + path));
            continue;
        }
        const QString path = key.section(u' ', 1);
        QVERIFY2(seen.contains(key) || skippedPaths.contains(path),
                 qPrintable(QStringLiteral("neither loaded nor skipped: ") + key));
    }
}

} // namespace

class TestRealSpecs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void github();
    void readmeExamples_data();
    void readmeExamples();
};

void TestRealSpecs::initTestCase()
{
    if (specsDir().isEmpty() || !QDir(specsDir()).exists())
        QSKIP("GATEHOUSE_OPENAPI_SPECS_DIR is not set: run the OpenApiSpecsFetch test first");
}

void TestRealSpecs::github()
{
    const QString file =
        specsDir() + QStringLiteral("/octokit-openapi/package/generated/api.github.com.json");
    QVERIFY2(QFile::exists(file), qPrintable(file));
    QElapsedTimer timer;
    timer.start();
    const Result<Spec> result = SpecLoader().loadFile(file);
    const qint64 ms = timer.elapsed();
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    const Spec &spec = *result;
    qInfo("api.github.com.json: %lld operations, %lld skipped, %lld recursive definitions, "
          "loaded in %lld ms",
          qint64(spec.operations().size()), qint64(spec.skipped().size()),
          qint64(spec.schemaDefs().size()), ms);
    for (const SkippedOperation &skipped : spec.skipped())
        qInfo("  skipped %s", qPrintable(skipped.reason));
    QCOMPARE(spec.version(), SpecVersion::OpenApi30);
    QCOMPARE(spec.operations().size() + spec.skipped().size(), 1223);
    QVERIFY(spec.find(u"repos/get"));
    QCOMPARE(spec.baseUrl(), QStringLiteral("https://api.github.com"));
    checkAccounted(spec, file);
}

void TestRealSpecs::readmeExamples_data()
{
    QTest::addColumn<QString>("file");
    if (specsDir().isEmpty())
        return;
    const QString root = specsDir() + QStringLiteral("/readme-oas-examples/package");
    QStringList files;
    QDirIterator it(root, {QStringLiteral("*.json"), QStringLiteral("*.yaml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString relative = QDir(root).relativeFilePath(file);
        if (relative.startsWith(QStringLiteral("2.0/")) ||
            relative.startsWith(QStringLiteral("3.0/")) ||
            relative.startsWith(QStringLiteral("3.1/")))
            files.append(relative);
    }
    files.sort();
    for (const QString &relative : std::as_const(files))
        QTest::newRow(qPrintable(relative)) << root + u'/' + relative;
}

void TestRealSpecs::readmeExamples()
{
    QFETCH(QString, file);
    const Result<Spec> result = SpecLoader().loadFile(file);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    qInfo("%lld operations, %lld skipped, %lld recursive definitions, %lld warnings",
          qint64(result->operations().size()), qint64(result->skipped().size()),
          qint64(result->schemaDefs().size()), qint64(result->warnings().size()));
    for (const SkippedOperation &skipped : result->skipped())
        qInfo("  skipped %s", qPrintable(skipped.reason));
    checkAccounted(*result, file);
}

QTEST_GUILESS_MAIN(TestRealSpecs)
#include "TestRealSpecs.moc"
