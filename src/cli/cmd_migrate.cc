#include "commands.h"

namespace pk::cli {

// Placeholder until the owning module lands.
void add_migrate_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("migrate", "(not built yet)");
  cmd->callback([] { fail("migrate", Status::unsupported("not built yet")); });
}

}  // namespace pk::cli
