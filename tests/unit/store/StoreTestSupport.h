#pragma once

#include "store/Database.h"
#include "store/Migrator.h"

#include <QTemporaryDir>
#include <QtTest>

#include <memory>

// Fails the test with the error's sentence when a Result/Status is not ok.
#define GH_VERIFY_OK(expr)                                                                         \
    do {                                                                                           \
        const auto &result_ = (expr);                                                              \
        QVERIFY2(result_.ok(), result_.ok() ? "" : qPrintable(result_.error().message()));         \
    } while (false)

namespace gatehouse::store::test {

// A database file in dir, migrated to version (the latest when -1). Null on failure, with the
// reason logged as a warning.
inline std::unique_ptr<Database> openStore(const QTemporaryDir &dir, int version = -1,
                                           const QString &fileName = QStringLiteral("store.db"))
{
    DatabaseOptions options;
    options.sqlitePath = dir.filePath(fileName);
    auto db = Database::open(options);
    if (!db.ok()) {
        qWarning("%s", qPrintable(db.error().message()));
        return nullptr;
    }
    std::unique_ptr<Database> database = std::move(db).value();
    Migrator migrator(*database);
    const Status s = version < 0 ? migrator.migrate() : migrator.migrateTo(version);
    if (!s.ok()) {
        qWarning("%s", qPrintable(s.error().message()));
        return nullptr;
    }
    return database;
}

} // namespace gatehouse::store::test
