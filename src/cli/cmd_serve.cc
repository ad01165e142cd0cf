// pressekarte serve: the HTTP API and the map page.
#include <cstdlib>
#include <filesystem>

#include "commands.h"
#include "pressekarte/serve.h"

namespace pk::cli {

void add_serve_command(CLI::App& app) {
  auto options = std::make_shared<ServerOptions>();
  auto* cmd = app.add_subcommand("serve", "Serve the HTTP API and the map page (default http://127.0.0.1:8080/)");
  cmd->add_option("--db", options->db, "Store: SQLite file or postgresql:// URL (default $PRESSEKARTE_DATA/pressekarte.db)");
  cmd->add_option("--port", options->port, "TCP port; 0 picks a free one")->capture_default_str()->check(CLI::Range(0, 65535));
  cmd->add_option("--host", options->host, "Address to bind")->capture_default_str();
  cmd->add_option("--web-root", options->web_root, "Directory with the page (default: the source tree's web/)");
  cmd->add_option("--node-modules", options->node_modules, "Directory with leaflet/ and world-atlas/ (default: <web-root>/../node_modules)");
  cmd->add_option("--gazetteer", options->gazetteer_path, "Gazetteer file for place search and /api/geoparse");
  cmd->add_option("--threads", options->threads, "Worker threads kept ready (the pool grows with the connections)")
      ->capture_default_str()->check(CLI::Range(1, 1024));
  cmd->add_option("--max-threads", options->max_threads, "Most worker threads, i.e. connections served at once")
      ->capture_default_str()->check(CLI::Range(1, 4096));
  cmd->add_flag("--read-only", options->read_only, "Open the store read-only (no migrations)");
  cmd->add_option("--max-body", options->payload_max_bytes, "Largest request body in bytes")->capture_default_str();
  cmd->add_option("--keep-alive", options->keep_alive_seconds, "Idle keep-alive in seconds")->capture_default_str();
  cmd->add_option("--cors-origin", options->cors_origins, "Origin allowed to call the API from another site (repeatable; * = any)");
  cmd->add_option("--tile-url", options->tile_url, "Online tile layer URL template for the page (default: offline basemap only)");
  cmd->add_flag("--access-log", options->access_log, "One line per request on stderr");
  auto snapshot = std::make_shared<std::string>();
  cmd->add_option("--map-snapshot", *snapshot,
                  "File for the map's start snapshot (default: <db>.map beside a SQLite store; - = none)");
  cmd->callback([options, snapshot] {
    const std::string db = options->db.empty() ? StoreOptions::default_db() : options->db;
    const bool sqlite = db.rfind("postgres", 0) != 0;
    if (*snapshot == "-") options->map_snapshot.clear();
    else if (!snapshot->empty()) options->map_snapshot = *snapshot;
    else if (sqlite) options->map_snapshot = db + ".map";
    if (options->web_root.empty()) {
#ifdef PK_SOURCE_DIR
      const std::filesystem::path web = std::filesystem::path(PK_SOURCE_DIR) / "web";
      if (std::filesystem::is_directory(web)) options->web_root = web.string();
#endif
    }
    Status st = run_server(*options);
    if (!st.is_ok()) fail("serve", st);
  });
}

}  // namespace pk::cli
