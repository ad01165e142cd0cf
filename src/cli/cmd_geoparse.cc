#include "commands.h"

namespace pk::cli {

// Placeholder until the owning module lands.
void add_geoparse_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("geoparse", "(not built yet)");
  cmd->callback([] { fail("geoparse", Status::unsupported("not built yet")); });
}

}  // namespace pk::cli
