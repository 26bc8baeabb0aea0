// Test helper for TestStoreCrashSafety: appends audit rows to the database given as the first
// argument, one committed transaction each, and prints each row's number once it is committed.
// Runs until killed.
#include "store/AuditRepository.h"
#include "store/Database.h"
#include "store/Migrator.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>

using namespace gatehouse;
using namespace gatehouse::store;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: store_crash_writer DATABASE\n");
        return 2;
    }
    DatabaseOptions options;
    options.sqlitePath = args.at(1);
    auto db = Database::open(options);
    if (!db.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().message()));
        return 1;
    }
    if (const Status s = Migrator(**db).migrate(); !s.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error().message()));
        return 1;
    }
    AuditRepository audit(**db);
    for (qint64 i = 1;; ++i) {
        AuditRow row;
        row.time = QDateTime::currentDateTimeUtc();
        row.decision = QStringLiteral("allow");
        row.tool = QString::number(i);
        row.reason = QString(200, QLatin1Char('x')); // bigger rows: more pages in flight
        if (const Status s = audit.append({row}); !s.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(s.error().message()));
            return 1;
        }
        std::printf("%lld\n", static_cast<long long>(i));
        std::fflush(stdout);
    }
}
