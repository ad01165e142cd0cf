#include "commands.h"

namespace pk::cli {

// Placeholder until the owning module lands.
void add_extract_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("extract", "(not built yet)");
  cmd->callback([] { fail("extract", Status::unsupported("not built yet")); });
}

}  // namespace pk::cli
