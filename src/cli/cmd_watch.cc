#include "commands.h"

namespace pk::cli {

// Placeholder until the owning module lands.
void add_watch_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("watch", "(not built yet)");
  cmd->callback([] { fail("watch", Status::unsupported("not built yet")); });
}

}  // namespace pk::cli
