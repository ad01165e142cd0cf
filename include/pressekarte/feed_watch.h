// Polling live feeds: conditional GET (ETag / Last-Modified), per-host politeness, exponential
// back-off on errors, and a small state file remembering validators and seen item URLs.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "pressekarte/ingest.h"
#include "pressekarte/status.h"

namespace pk::ingest {

struct WatchedFeed {
  std::string url;          // http:// (https:// if cpp-httplib has OpenSSL)
  int interval_seconds = 300;  // default 300: time between polls of this feed
  bool fetch_pages = false;    // reserved: fetch each item's page (not implemented yet)
};

struct FeedWatchOptions {
  int min_host_delay_ms = 1000;     // politeness: at least this long between requests to one host
  int timeout_seconds = 20;         // connect + read timeout per request
  int max_backoff_seconds = 3600;   // back-off doubles per failure up to this
  std::size_t max_feed_bytes = 16u << 20;  // larger responses are rejected
  std::string state_file;           // "" = keep state in memory only
};

// What the watcher remembers per feed (persisted as JSON in state_file).
struct FeedState {
  std::string etag, last_modified;
  std::set<std::string> seen;      // item URLs (or ids) already handed over
  int failures = 0;
  std::int64_t next_poll = 0;      // unix seconds
};

// Parses the [[feed]] TOML subset: `url = "…"`, `interval = 300`, `fetch_pages = false`.
Result<std::vector<WatchedFeed>> parse_feeds_toml(std::string_view text);

class FeedWatcher {
 public:
  FeedWatcher(std::vector<WatchedFeed> feeds, FeedWatchOptions options);
  Status load_state();
  Status save_state() const;
  // Polls every feed that is due (all of them when `force`), handing new items to `sink`.
  // Returns the number of new documents.
  std::size_t poll_once(const DocumentSink& sink, const WarningSink& warn, bool force = false);
  const FeedState& state(const std::string& url) { return state_[url]; }

 private:
  void wait_for_host(const std::string& host);
  std::vector<WatchedFeed> feeds_;
  FeedWatchOptions options_;
  std::map<std::string, FeedState> state_;
  std::map<std::string, std::chrono::steady_clock::time_point> last_request_;
};

}  // namespace pk::ingest
