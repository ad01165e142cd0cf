#include "commands.h"

namespace pk::cli {

// Placeholder until the owning module lands.
void add_stories_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("stories", "(not built yet)");
  cmd->callback([] { fail("stories", Status::unsupported("not built yet")); });
}

}  // namespace pk::cli
