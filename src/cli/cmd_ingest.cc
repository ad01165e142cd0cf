#include "commands.h"

namespace pk::cli {

// Placeholder until the owning module lands.
void add_ingest_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("ingest", "(not built yet)");
  cmd->callback([] { fail("ingest", Status::unsupported("not built yet")); });
}

}  // namespace pk::cli
