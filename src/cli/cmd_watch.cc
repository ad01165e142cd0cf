// pressekarte watch: polls live feeds (conditional GET, per-host politeness, back-off) and
// ingests new items, or prints them as JSON Lines with --print.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "pressekarte/feed_watch.h"
#include "commands.h"
#include "gazetteer_option.h"
#include "pressekarte/json_io.h"
#include "pressekarte/pipeline.h"

namespace pk::cli {

namespace {

struct WatchArgs {
  std::string feeds_file;
  std::string db;
  std::string state;
  std::string gazetteer;
  bool once = false;
  bool print = false;
  int host_delay_ms = 1000;
};

nlohmann::json raw_to_json(const RawDocument& d) {
  nlohmann::json j = {{"source", d.source}, {"format", d.format}, {"url", d.url}, {"title", d.title_hint},
                      {"date", d.date_hint}, {"author", d.author_hint}, {"lead", d.lead_hint},
                      {"outlet", d.outlet_hint}};
  j[d.format == "html" ? "html" : "text"] = d.body;
  if (d.lat_hint && d.lon_hint) {
    j["lat"] = *d.lat_hint;
    j["lon"] = *d.lon_hint;
  }
  return j;
}

void run_watch(const WatchArgs& args) {
  std::string path = args.feeds_file.empty() ? global_options().config_file : args.feeds_file;
  if (path.empty()) fail("watch", Status::invalid("give a feeds file (FEEDS.toml) or --config with [[feed]] entries"));
  std::ifstream in(path);
  if (!in) fail("watch", Status::not_found(path + ": no such file"));
  std::stringstream ss;
  ss << in.rdbuf();
  auto feeds = ingest::parse_feeds_toml(ss.str());
  if (!feeds) fail("watch", feeds.status().with_context(path));

  ingest::FeedWatchOptions options;
  options.min_host_delay_ms = args.host_delay_ms;
  options.state_file = args.state.empty() ? path + ".state.json" : args.state;
  ingest::FeedWatcher watcher(std::move(feeds.value()), options);
  if (Status s = watcher.load_state(); !s.is_ok()) fail("watch", s);

  std::unique_ptr<ArticleProcessor> processor;
  std::unique_ptr<Store> store;
  if (!args.print) {
    PipelineOptions popt;
    popt.gazetteer_path = args.gazetteer;
    processor = open_processor_or_fail("watch", popt);
    StoreOptions sopt;
    sopt.db = args.db.empty() ? StoreOptions::default_db() : args.db;
    auto opened = Store::open(sopt);
    if (!opened) fail("watch", opened.status());
    store = std::move(opened.value());
  }
  auto on_warning = [](const Status& s) { warn("watch", s.message()); };
  auto on_document = [&](RawDocument&& d) {
    if (args.print) {
      std::printf("%s\n", json_line(raw_to_json(d)).c_str());
      std::fflush(stdout);
      return;
    }
    auto record = processor->process(d);
    if (!record) {
      warn("watch", record.status().with_context(d.source).message());
      return;
    }
    auto put = store->put_batch({std::move(record.value())});
    if (!put) warn("watch", put.status().message());
  };
  for (bool first = true;; first = false) {
    std::size_t n = watcher.poll_once(on_document, on_warning, /*force=*/first && args.once);
    if (Status s = watcher.save_state(); !s.is_ok()) warn("watch", s.message());
    if (!global_options().quiet && n > 0) std::fprintf(stderr, "pressekarte watch: %zu new items\n", n);
    if (args.once) break;
    std::this_thread::sleep_for(std::chrono::seconds(5));
  }
}

}  // namespace

void add_watch_command(CLI::App& app) {
  auto args = std::make_shared<WatchArgs>();
  auto* cmd = app.add_subcommand("watch", "Poll RSS/Atom feeds and ingest new items");
  cmd->add_option("feeds", args->feeds_file, "Feeds file with [[feed]] url = \"…\" [interval = 300] entries "
                                             "(default: the --config file)");
  cmd->add_option("--db", args->db, "Database to ingest into (default: the configured store)");
  cmd->add_option("--state", args->state, "State file for ETags and seen items (default: FEEDS.state.json)");
  cmd->add_option("--gazetteer", args->gazetteer, "Gazetteer file");
  cmd->add_option("--host-delay-ms", args->host_delay_ms, "Minimum delay between requests to one host")
      ->default_val(1000);
  cmd->add_flag("--once", args->once, "Poll every feed once and exit");
  cmd->add_flag("--print", args->print, "Print new items as JSON Lines instead of ingesting them");
  cmd->callback([args] { run_watch(*args); });
}

}  // namespace pk::cli
