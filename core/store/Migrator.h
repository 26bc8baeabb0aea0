#pragma once

#include "Result.h"

#include <QCoreApplication>

namespace gatehouse::store {

class Database;

// Brings the schema to the version this code knows. Each migration runs in its own write
// transaction together with its row in schema_version, so a crash leaves a whole version or
// none. A database newer than the code is refused, never downgraded.
class Migrator
{
    Q_DECLARE_TR_FUNCTIONS(Migrator)

public:
    explicit Migrator(Database &database);

    static int latestVersion();

    // 0 for an empty database.
    Result<int> currentVersion();
    Status migrate();
    // For tests: stop at an older version. Going down is refused.
    Status migrateTo(int version);

private:
    Status applyVersion(int version);

    Database &m_database;
};

} // namespace gatehouse::store
