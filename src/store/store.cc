#include "pressekarte/store.h"

#include <cstdlib>

#include "backends.h"

namespace pk {

std::string StoreOptions::default_db() {
  const char* dir = std::getenv("PRESSEKARTE_DATA");
  std::string d = (dir != nullptr && *dir != '\0') ? dir : "./data";
  while (d.size() > 1 && d.back() == '/') d.pop_back();
  return d + "/pressekarte.db";
}

Result<std::unique_ptr<Store>> Store::open(const StoreOptions& options) {
  const std::string db = options.db.empty() ? StoreOptions::default_db() : options.db;
  if (store::is_postgres_url(db)) {
    StoreOptions o = options;
    o.db = db;
    return store::open_pg_store(o);
  }
  return store::open_sqlite_store(options, db);
}

namespace store {
bool is_postgres_url(const std::string& db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}
}  // namespace store

}  // namespace pk
