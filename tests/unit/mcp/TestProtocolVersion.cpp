#include "mcp/ProtocolVersion.h"

#include <QtTest>

#include <optional>

using gatehouse::mcp::ProtocolVersion;
using Feature = gatehouse::mcp::ProtocolVersion::Feature;

// Declared before any use, or an optimised build instantiates the default first.
Q_DECLARE_METATYPE(std::optional<QString>)

class TestProtocolVersion : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void supportedNewestFirst()
    {
        QCOMPARE(ProtocolVersion::supported(),
                 QStringList({QStringLiteral("2025-11-25"), QStringLiteral("2025-06-18"),
                              QStringLiteral("2025-03-26")}));
        QCOMPARE(ProtocolVersion::latest(), QStringLiteral("2025-11-25"));
    }

    void negotiate_data()
    {
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("answered");
        QTest::newRow("latest") << QStringLiteral("2025-11-25") << QStringLiteral("2025-11-25");
        QTest::newRow("2025-06-18 kept")
            << QStringLiteral("2025-06-18") << QStringLiteral("2025-06-18");
        QTest::newRow("2025-03-26 kept")
            << QStringLiteral("2025-03-26") << QStringLiteral("2025-03-26");
        QTest::newRow("too old: our latest")
            << QStringLiteral("2024-11-05") << QStringLiteral("2025-11-25");
        QTest::newRow("future: our latest")
            << QStringLiteral("2026-07-01") << QStringLiteral("2025-11-25");
        QTest::newRow("garbage: our latest")
            << QStringLiteral("1.0.0") << QStringLiteral("2025-11-25");
    }
    void negotiate()
    {
        QFETCH(QString, requested);
        QFETCH(QString, answered);
        QCOMPARE(ProtocolVersion::negotiate(requested), answered);
    }

    void resolve_data()
    {
        QTest::addColumn<std::optional<QString>>("header");
        QTest::addColumn<std::optional<QString>>("session");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("version");
        const std::optional<QString> none;
        QTest::newRow("absent, no session: 2025-03-26")
            << none << none << true << QStringLiteral("2025-03-26");
        QTest::newRow("absent, session knows")
            << none << std::optional(QStringLiteral("2025-06-18")) << true
            << QStringLiteral("2025-06-18");
        QTest::newRow("present and supported") << std::optional(QStringLiteral("2025-11-25"))
                                               << none << true << QStringLiteral("2025-11-25");
        QTest::newRow("header wins over session")
            << std::optional(QStringLiteral("2025-06-18"))
            << std::optional(QStringLiteral("2025-11-25")) << true << QStringLiteral("2025-06-18");
        QTest::newRow("unsupported: 400")
            << std::optional(QStringLiteral("2024-11-05")) << none << false << QString();
        QTest::newRow("empty: 400") << std::optional(QString()) << none << false << QString();
        QTest::newRow("garbage: 400")
            << std::optional(QStringLiteral("latest")) << none << false << QString();
    }
    void resolve()
    {
        QFETCH(std::optional<QString>, header);
        QFETCH(std::optional<QString>, session);
        QFETCH(bool, ok);
        QFETCH(QString, version);
        const auto resolved = ProtocolVersion::resolve(header, session);
        QCOMPARE(resolved.ok(), ok);
        if (ok)
            QCOMPARE(*resolved, version);
        else
            QCOMPARE(resolved.error().code(), gatehouse::ErrorCode::InvalidArgument);
    }

    void features_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<int>("feature");
        QTest::addColumn<bool>("supported");
        const QString v1125 = QStringLiteral("2025-11-25");
        const QString v0618 = QStringLiteral("2025-06-18");
        const QString v0326 = QStringLiteral("2025-03-26");
        QTest::newRow("batching 03-26") << v0326 << int(Feature::Batching) << true;
        QTest::newRow("batching 06-18") << v0618 << int(Feature::Batching) << false;
        QTest::newRow("batching 11-25") << v1125 << int(Feature::Batching) << false;
        QTest::newRow("header 03-26") << v0326 << int(Feature::ProtocolVersionHeader) << false;
        QTest::newRow("header 06-18") << v0618 << int(Feature::ProtocolVersionHeader) << true;
        QTest::newRow("title 03-26") << v0326 << int(Feature::ToolTitle) << false;
        QTest::newRow("title 11-25") << v1125 << int(Feature::ToolTitle) << true;
        QTest::newRow("icons 06-18") << v0618 << int(Feature::Icons) << false;
        QTest::newRow("icons 11-25") << v1125 << int(Feature::Icons) << true;
    }
    void features()
    {
        QFETCH(QString, version);
        QFETCH(int, feature);
        QFETCH(bool, supported);
        QCOMPARE(ProtocolVersion::supports(version, Feature(feature)), supported);
    }
};

QTEST_GUILESS_MAIN(TestProtocolVersion)
#include "TestProtocolVersion.moc"
