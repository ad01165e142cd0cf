// Serve: the HTTP API (JSON, GeoJSON, Atom/JSON feeds, metrics) and the map page.
//
// Thread safety: a Server handles each connection on a worker of a pool that grows from
// `threads` to `max_threads`; each Store it is given is only ever used by one thread at a time
// (the server serialises access per store).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "pressekarte/geo.h"
#include "pressekarte/model.h"
#include "pressekarte/status.h"
#include "pressekarte/store.h"

namespace pk {

struct ServerOptions {
  std::string host = "127.0.0.1";  // interface to bind. Default loopback only.
  int port = 8080;                 // 0 = any free port (see Server::port()). Default 8080.
  std::string db;                  // store to open; "" = StoreOptions::default_db().
  std::string gazetteer_path;      // "" = Gazetteer::default_path(); missing file = no autocomplete.
  // Static files (index.html, app.js, …). "" = no page, API only. The CLI defaults it to the
  // repository's web/ directory.
  std::string web_root;
  // node_modules directory holding leaflet/ and world-atlas/ (served under /vendor/…).
  // "" = <web_root>/../node_modules.
  std::string node_modules;
  // Workers kept ready. A connection (with all its keep-alive requests) holds one worker, so
  // the pool starts another whenever a connection arrives while none is idle, up to
  // `max_threads`; connections beyond that queue. Extra workers exit after 30 s idle.
  // Default 8 ready, at most 256 (one 8 MiB-stack thread each, mostly untouched).
  int threads = 8;
  std::size_t payload_max_bytes = 1 << 20;  // largest request body (POST /api/geoparse). 1 MiB.
  int keep_alive_seconds = 2;      // idle keep-alive before the server closes. Default 2 s: a slow
                                   // or idle client cannot hold a worker for long.
  // Requests per connection before the server closes it. Default 1000 (every close makes the
  // client reconnect; a kept-alive connection no longer blocks others, see `threads`).
  std::size_t keep_alive_max_requests = 1000;
  int read_timeout_seconds = 5;    // per read of a request (slow clients get dropped). Default 5 s.
  int write_timeout_seconds = 5;   // per write of a response. Default 5 s.
  // Origins allowed to call the API from other sites (Access-Control-Allow-Origin). "*" allows
  // any. Default empty: no CORS headers, same-origin only.
  std::vector<std::string> cors_origins;
  // Optional online tile layer URL template ("https://tile.example/{z}/{x}/{y}.png") handed to the
  // page via /api/config; also added to the page's CSP img-src. Default "": offline basemap only.
  std::string tile_url;
  std::size_t max_results = 1000;  // largest `limit` on list endpoints. Default 1000.
  int cluster_radius_px = 60;      // clustering radius in screen pixels (256 px tiles). Default 60.
  // How often (at most) the clustering cache asks the store whether its article count changed.
  // Default 2 s.
  int refresh_seconds = 2;
  bool access_log = false;         // one line per request on stderr. Default off.
  // Appended. Upper bound of the worker pool (see `threads`): the most connections served at
  // once. Default 256.
  int max_threads = 256;
  // Appended. Open the store read-only (serve never writes; migrations are then not applied,
  // so the store must be current). Default false.
  bool read_only = false;
  // Appended. The map's start snapshot (unfiltered low-zoom clusters, a few MB): read at start
  // so the first views need no store scan, rewritten after full loads when the store changed.
  // "" = none. The CLI defaults it to <db>.map beside a SQLite store. Default "".
  std::string map_snapshot;
};

// POST /api/geoparse: extract + geoparse one document without storing it (the pipeline's
// ArticleProcessor::process, injected so tests and the server library do not depend on it).
using GeoparseFn = std::function<Result<ArticleRecord>(const RawDocument&)>;

// What a Server serves from. `store` is required; the others may be null/empty (the endpoints
// that need them answer 503 with a JSON error).
struct ServerDeps {
  std::shared_ptr<Store> store;
  // Appended. A second connection to the same store for the cluster index's background loads
  // (a full scan of the articles), so they never block the API's requests. Null = `store`.
  std::shared_ptr<Store> index_store;
  std::shared_ptr<const Gazetteer> gazetteer;
  GeoparseFn geoparse;
};

class Server {
 public:
  Server(ServerOptions options, ServerDeps deps);
  ~Server();  // stops the server if running
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds options.host:options.port and starts serving on background threads. With port 0 the
  // kernel picks a free port; port() reports it. Errors name the address.
  Status start();
  int port() const;
  // Blocks until stop() is called (from another thread or a signal handler's thread).
  void wait();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Opens the store, gazetteer and pipeline named by `options`, serves until SIGINT/SIGTERM.
Status run_server(const ServerOptions& options);

}  // namespace pk
