// pressekarte: puts the news on a map. See `pressekarte --help`.
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "commands.h"

namespace pk::cli {

GlobalOptions& global_options() {
  static GlobalOptions options;
  return options;
}

void fail(const std::string& command, const Status& status) {
  std::fprintf(stderr, "pressekarte %s: %s\n", command.c_str(), status.to_string().c_str());
  throw CLI::RuntimeError(status.exit_code() == 0 ? 1 : status.exit_code());
}

void fail_soft(const std::string& command, const Status& status) {
  std::fprintf(stderr, "pressekarte %s: %s\n", command.c_str(), status.to_string().c_str());
}

void warn(const std::string& command, const std::string& message) {
  std::fprintf(stderr, "pressekarte %s: warning: %s\n", command.c_str(), message.c_str());
}

}  // namespace pk::cli

int main(int argc, char** argv) {
  CLI::App app{
      "Pressekarte puts the news on a map: it reads news articles (crawl text, HTML, RSS/Atom,\n"
      "WARC, JSON Lines), finds the places they talk about and serves them as a web map.\n"
      "Place data: GeoNames (CC BY 4.0)."};
  app.name("pressekarte");
  app.require_subcommand(1);
  app.set_version_flag("--version", "pressekarte 0.1.0");
  auto& g = pk::cli::global_options();
  app.set_config("--config", "", "Read options from a config file (key = value; [section] per command)");
  app.add_flag("-q,--quiet", g.quiet, "Only warnings and errors on stderr; no progress");
  app.add_flag("-v,--verbose", g.verbose, "Debug logging");

  pk::cli::add_extract_command(app);
  pk::cli::add_geoparse_command(app);
  pk::cli::add_ingest_command(app);
  pk::cli::add_serve_command(app);
  pk::cli::add_search_command(app);
  pk::cli::add_export_command(app);
  pk::cli::add_counts_command(app);
  pk::cli::add_migrate_command(app);
  pk::cli::add_stories_command(app);
  pk::cli::add_watch_command(app);
  pk::cli::add_gazetteer_command(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "pressekarte: internal error: %s\n", e.what());
    return 70;
  }
  return 0;
}
