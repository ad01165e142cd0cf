#include "commands.h"

namespace pk::cli {

// Placeholder until the owning module lands.
void add_gazetteer_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("gazetteer", "(not built yet)");
  cmd->callback([] { fail("gazetteer", Status::unsupported("not built yet")); });
}

}  // namespace pk::cli
