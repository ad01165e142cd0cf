// pressekarte migrate: bring a database to the schema version of this binary.
#include <cstdio>

#include "commands.h"
#include "pressekarte/store.h"

namespace pk::cli {

void add_migrate_command(CLI::App& app) {
  auto db = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "migrate",
      "Create the database or upgrade its schema to this binary's version (each step in one\n"
      "transaction; running it again changes nothing). Other commands migrate on open too.");
  cmd->add_option("--db", *db, "Database: a SQLite file or postgresql://… (default ./data/pressekarte.db)")
      ->envname("PRESSEKARTE_DB");
  cmd->callback([db] {
    StoreOptions options;
    options.db = db->empty() ? StoreOptions::default_db() : *db;
    options.migrate = true;
    auto store = Store::open(options);
    if (!store) fail("migrate", store.status());
    auto n = (*store)->count();
    if (!n) fail("migrate", n.status());
    if (!global_options().quiet)
      std::fprintf(stderr, "pressekarte migrate: %s is at schema version %d (%lld articles)\n",
                   options.db.find("://") != std::string::npos ? "database" : options.db.c_str(),
                   (*store)->schema_version(), static_cast<long long>(*n));
  });
}

}  // namespace pk::cli
