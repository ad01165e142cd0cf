// The SQLite schema, versioned. Version N is reached from N-1 by kSqliteMigrations[N-1];
// docs/schema.md describes every table. Never edit an existing step: append a new one.
#pragma once

#include <sqlite3.h>

#include <string>

#include "pressekarte/status.h"

namespace pk::store {

inline constexpr int kSqliteSchemaVersion = 5;

// The DDL of version 1 exactly as released (tests build a v1 database from it).
extern const char* const kSqliteSchemaV1;

// Current version of an open database (0 for an empty file); error if it is not ours.
Result<int> sqlite_schema_version(sqlite3* db, const std::string& path);
// Applies every step from the database's version up to kSqliteSchemaVersion, each in its
// own transaction. A database newer than this binary is refused. `target_version` (clamped to
// 1..kSqliteSchemaVersion) stops earlier: tests use it to build an old store.
Status sqlite_migrate(sqlite3* db, const std::string& path, int target_version = kSqliteSchemaVersion);

}  // namespace pk::store
