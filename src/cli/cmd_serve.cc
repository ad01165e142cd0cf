#include "commands.h"

namespace pk::cli {

// Placeholder until the owning module lands.
void add_serve_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("serve", "(not built yet)");
  cmd->callback([] { fail("serve", Status::unsupported("not built yet")); });
}

}  // namespace pk::cli
