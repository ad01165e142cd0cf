// Factories of the two backends behind Store::open.
#pragma once

#include <memory>

#include "pressekarte/store.h"

namespace pk::store {

Result<std::unique_ptr<Store>> open_sqlite_store(const StoreOptions& options, const std::string& path);
Result<std::unique_ptr<Store>> open_pg_store(const StoreOptions& options);

// True for "postgresql://…" and "postgres://…".
bool is_postgres_url(const std::string& db);

}  // namespace pk::store
