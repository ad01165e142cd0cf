// run_server: opens what the server needs from ServerOptions and serves until SIGINT/SIGTERM.
#include <csignal>
#include <cstdio>
#include <thread>

#include <fmt/format.h>

#include "pressekarte/pipeline.h"
#include "pressekarte/serve.h"

namespace pk {

Status run_server(const ServerOptions& options) {
  // Block the stop signals before any thread starts so only sigwait() below sees them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  StoreOptions so;
  so.db = options.db.empty() ? StoreOptions::default_db() : options.db;
  so.read_only = options.read_only;
  auto store = Store::open(so);
  if (!store) return store.status().with_context(so.db);

  ServerDeps deps;
  deps.store = std::shared_ptr<Store>(std::move(*store));
  // The cluster index scans every article: on its own connection (opened after the first, which
  // applied any migrations) it never holds up the API's queries.
  StoreOptions index_so = so;
  index_so.read_only = true;
  index_so.migrate = false;
  if (auto index_store = Store::open(index_so)) {
    deps.index_store = std::shared_ptr<Store>(std::move(*index_store));
  } else {
    std::fprintf(stderr, "pressekarte serve: note: cluster index loads share the API's store connection: %s\n",
                 index_store.status().to_string().c_str());
  }
  const std::string gaz_path = options.gazetteer_path.empty() ? Gazetteer::default_path() : options.gazetteer_path;
  auto gaz = Gazetteer::open(gaz_path);
  if (gaz) {
    deps.gazetteer = *gaz;
    PipelineOptions po;
    po.gazetteer_path = gaz_path;
    auto processor = ArticleProcessor::open(po);
    if (processor) {
      std::shared_ptr<const ArticleProcessor> shared(std::move(*processor));
      deps.geoparse = [shared](const RawDocument& doc) { return shared->process(doc); };
    } else {
      std::fprintf(stderr, "pressekarte serve: warning: POST /api/geoparse disabled: %s\n",
                   processor.status().to_string().c_str());
    }
  } else {
    std::fprintf(stderr, "pressekarte serve: warning: no place search or geoparsing: %s\n",
                 gaz.status().to_string().c_str());
  }

  ServerOptions resolved = options;
  resolved.db = so.db;  // the map snapshot records this file's size
  Server server(resolved, std::move(deps));
  PK_RETURN_IF_ERROR(server.start());
  std::fprintf(stderr, "pressekarte serve: listening on http://%s:%d/ (store %s)\n", options.host.c_str(),
               server.port(), so.db.c_str());
  std::fflush(stderr);
  int sig = 0;
  sigwait(&stop_signals, &sig);
  std::fprintf(stderr, "pressekarte serve: stopping (signal %d)\n", sig);
  server.stop();
  return Status::ok();
}

}  // namespace pk
