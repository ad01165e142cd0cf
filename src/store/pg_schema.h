// The PostgreSQL + PostGIS schema: the same tables as SQLite (docs/schema.md), with a PostGIS
// geometry for focus points (GiST), a client-built tsvector (GIN) and BRIN on dates.
#pragma once

namespace pk::store {

inline constexpr int kPgSchemaVersion = 5;
// Steps: kPgSteps[v] takes a database from version v to v+1.
extern const char* const kPgSteps[kPgSchemaVersion];

}  // namespace pk::store
