#include "Result.h"

#include <QtTest>

using namespace gatehouse;

class TestResult : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void valueAndError()
    {
        Result<int> good(42);
        QVERIFY(good.ok());
        QCOMPARE(*good, 42);
        Result<int> bad(Error(ErrorCode::NotFound, QStringLiteral("server 'x' does not exist")));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code(), ErrorCode::NotFound);
        QCOMPARE(errorCodeName(bad.error().code()), QStringLiteral("not_found"));
    }
    void contextIsPrefixed()
    {
        const Error e = Error(ErrorCode::Io, QStringLiteral("cannot read"))
                            .withContext(QStringLiteral("import a.yaml"));
        QCOMPARE(e.message(), QStringLiteral("import a.yaml: cannot read"));
    }
    void statusDefaultsToOk()
    {
        Status s;
        QVERIFY(s.ok());
        Status f(Error(ErrorCode::Internal, QStringLiteral("x")));
        QVERIFY(!f.ok());
    }
};

QTEST_GUILESS_MAIN(TestResult)
#include "TestResult.moc"
