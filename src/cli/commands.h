// The `pressekarte` subcommands. Each lives in its own cmd_<name>.cc and registers itself on
// the root CLI11 app. A failing command throws CLI::RuntimeError(status.exit_code()) after
// printing "pressekarte <cmd>: <status>" to stderr (see fail()).
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "pressekarte/status.h"

namespace pk::cli {

void add_extract_command(CLI::App& app);
void add_geoparse_command(CLI::App& app);
void add_ingest_command(CLI::App& app);
void add_serve_command(CLI::App& app);
void add_search_command(CLI::App& app);
void add_migrate_command(CLI::App& app);
void add_stories_command(CLI::App& app);
void add_watch_command(CLI::App& app);
void add_gazetteer_command(CLI::App& app);
void add_export_command(CLI::App& app);
void add_counts_command(CLI::App& app);

// Prints the error for `command` and ends it with the status's exit code.
[[noreturn]] void fail(const std::string& command, const Status& status);
// Prints "pressekarte <command>: <status>" without ending the command (batch errors).
void fail_soft(const std::string& command, const Status& status);
// Prints a warning line "pressekarte <command>: warning: <message>" to stderr.
void warn(const std::string& command, const std::string& message);

// Global options shared by every subcommand (set on the root app).
struct GlobalOptions {
  std::string config_file;  // --config: TOML-like "key = value" file, flags override it
  bool quiet = false;       // --quiet: no progress, warnings only
  bool verbose = false;     // --verbose: debug logs
};
GlobalOptions& global_options();

}  // namespace pk::cli
