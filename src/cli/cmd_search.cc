#include "commands.h"

namespace pk::cli {

// Placeholder until the owning module lands.
void add_search_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("search", "(not built yet)");
  cmd->callback([] { fail("search", Status::unsupported("not built yet")); });
}

}  // namespace pk::cli
