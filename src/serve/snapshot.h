// The clustering cache: a compact in-memory table of every placed article (id, focus point,
// date, precision, title) loaded from the store, and one ClusterIndex per filter set built from
// it. The table is reloaded when the store's article count changes; indices are rebuilt lazily
// per filter set (LRU of kMaxIndices), and every index keeps its recent serialized responses.
//
// Two modes:
// - synchronous (the default, used by tests): table() asks the store for its count at most
//   every `refresh_seconds` and reloads in the calling request;
// - background (start_background(), used by the server): a thread loads the table and the
//   unfiltered index at start, then polls the count every `refresh_seconds` and swaps in a
//   new table + unfiltered index when it changed. Requests never touch the store for the
//   unfiltered map; they wait only for the very first load.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "cluster.h"
#include "pressekarte/store.h"

namespace pk::serve {

struct MapSnapshot;  // map_snapshot.h

// Serialises access to one Store (its implementations need not be thread-safe).
class LockedStore {
 public:
  explicit LockedStore(std::shared_ptr<Store> store) : store_(std::move(store)) {}
  template <typename Fn>
  auto with(Fn&& fn) {
    std::lock_guard<std::mutex> lock(mu_);
    return fn(*store_);
  }

 private:
  std::mutex mu_;
  std::shared_ptr<Store> store_;
};

struct PointRow {
  std::int64_t id = 0;
  double lon = 0, lat = 0;
  std::uint32_t date = 0;        // yyyymmdd, 0 if unknown
  std::uint8_t max_zoom = 255;   // from the focus place's kind
  std::int64_t story_id = 0;     // 0 = none
  std::uint16_t outlet = 0, language = 0;  // indexes into PointTable::strings
  // JSON string literals (quoted, escaped) of the title and place, made once at load so a
  // cluster response is plain concatenation.
  std::string title_json, place_json;
};

struct PointTable {
  std::vector<PointRow> rows;
  std::vector<std::string> strings;  // interned outlet and language values
  std::vector<std::string> strings_json;  // the same as JSON string literals
  std::unordered_map<std::int64_t, std::uint32_t> story_size;  // story id → placed articles
  std::int64_t store_count = -1;     // Store::count() when loaded
  std::uint64_t generation = 0;
  // Loaded by Store::quick_focus_points(): titles, outlets and languages are empty (responses
  // fetch their top rows with Store::focus_points_by_id), kinds are inferred. Serves only the
  // unfiltered map until the full table replaces it.
  bool quick = false;
  // Answers from this table are provisional (the page asks again shortly): a start snapshot
  // (map_snapshot.h) or a bounded store query for a filter while the full table loads.
  bool provisional = false;
  std::uint32_t story_size_of(std::optional<std::int64_t> story) const;
};

// `s` as a JSON string literal (quoted, escaped; invalid UTF-8 replaced).
std::string json_string_literal(const std::string& s);

// Highest zoom at which an article focused on a place of this kind is shown: continents up to
// zoom 1, countries up to 3, states up to 6, districts and regions up to 9; towns at every zoom
// (so from zoom 10 on only town-precise articles remain).
std::uint8_t max_zoom_for_kind(const std::string& kind);

// The focus point of an article: its focus place, else its GeoRSS hint.
bool focus_point(const StoredArticle& a, double& lon, double& lat, std::string& place, std::string& kind);

// Recent serialized responses of one index, keyed by the request's zoom and bbox. A map view
// that many readers share (the page's start view) is then answered by a copy. Two generations
// of kGenerationEntries: when the newer is full it becomes the older and the old older one is
// dropped, so a view asked for all the time stays, and the dropped answers are freed after the
// lock is released (freeing 512 answers under it stalled every request: p99 × 2 under wrk).
class ResponseCache {
 public:
  static constexpr std::size_t kGenerationEntries = 256;
  std::shared_ptr<const std::string> find(const std::string& key) const;
  void put(const std::string& key, std::shared_ptr<const std::string> body);

 private:
  using Entries = std::unordered_map<std::string, std::shared_ptr<const std::string>>;
  mutable std::mutex mu_;
  Entries newer_, older_;
};

struct FilteredIndex {
  std::shared_ptr<const PointTable> table;
  std::vector<std::uint32_t> rows;  // ClusterPoint::item → row in table
  ClusterIndex index;
  bool truncated = false;           // the text/region match had more ids than we index
  mutable ResponseCache responses;
};

class ClusterCache {
 public:
  static constexpr std::size_t kMaxIndices = 16;
  static constexpr std::size_t kMaxTextMatches = 200000;
  // While the full table loads, a filtered map shows the newest this many matches (one
  // bounded store query) instead of waiting.
  static constexpr std::size_t kProvisionalMatches = 1000;

  ClusterCache(std::shared_ptr<LockedStore> store, ClusterOptions options, int refresh_seconds);
  ~ClusterCache();  // stops the background thread (waits for a load in progress)
  ClusterCache(const ClusterCache&) = delete;
  ClusterCache& operator=(const ClusterCache&) = delete;

  // Switches to background mode (see above); `loader` is the store the thread reads (a second
  // connection, so loads do not block the API's store; may be the same). Call once.
  void start_background(std::shared_ptr<LockedStore> loader);
  // Background mode: read the start snapshot from `path` before the first load and rewrite it
  // after full loads (see map_snapshot.h); `db_path` is the SQLite file whose size it records
  // ("" or a URL: none). Call before start_background().
  void set_snapshot(std::string path, std::string db_path);

  // The current table, reloading it first if the store changed (or on first use).
  Result<std::shared_ptr<const PointTable>> table();
  // The index for the filters in `q` (bbox, cursor and limit are ignored), for a request at
  // `zoom` (-1: any). In background mode, before the first load an unfiltered request the
  // start snapshot covers is answered from it, and until the full table is loaded a filtered
  // one from a bounded store query (both PointTable::provisional).
  Result<std::shared_ptr<const FilteredIndex>> index(const ArticleQuery& q, int zoom = -1);
  // The loaded table without waiting (background mode: null before the first load).
  std::shared_ptr<const PointTable> current_table();

  std::uint64_t builds() const { return builds_; }
  std::int64_t last_count() const { return last_count_; }
  // Seconds the last table load + unfiltered index build took (background mode), -1 before.
  double last_load_seconds() const;
  bool ready() const;  // a table is loaded
  bool full_ready() const;  // a full (not quick) table is loaded
  bool snapshot_in_use() const;  // a start snapshot was read and not found stale (yet)
  std::uint64_t snapshots_written() const { return snapshots_written_; }

 private:
  Result<std::shared_ptr<const PointTable>> load(LockedStore& from, bool quick = false);
  // Loads a table (and its unfiltered index) and publishes it; false with `failed` set if not.
  bool load_and_publish(bool quick, Status& failed);
  Result<std::shared_ptr<const FilteredIndex>> build_index(const std::shared_ptr<const PointTable>& table,
                                                           const ArticleQuery& q, LockedStore& from);
  void publish(std::shared_ptr<const PointTable> table, std::shared_ptr<const FilteredIndex> unfiltered);
  void background_loop();
  // Reads the start snapshot (background thread, before the first load).
  void read_snapshot();
  // Rewrites the start snapshot from a full table's unfiltered index when the store changed.
  void write_snapshot(const FilteredIndex& unfiltered, std::int64_t db_bytes);
  Result<std::shared_ptr<const FilteredIndex>> provisional_index(const ArticleQuery& q, const std::string& key);
  std::shared_ptr<LockedStore> store_;
  ClusterOptions options_;
  std::chrono::steady_clock::duration refresh_;
  std::mutex refresh_mu_;  // one reload at a time
  mutable std::mutex mu_;  // guards the fields below
  std::shared_ptr<const PointTable> table_;
  std::chrono::steady_clock::time_point checked_{};
  std::list<std::pair<std::string, std::shared_ptr<const FilteredIndex>>> lru_;
  std::uint64_t generation_ = 0;
  std::uint64_t builds_ = 0;
  std::int64_t last_count_ = -1;
  std::mutex build_mu_;    // one index build at a time (they are CPU-bound)

  // Background mode.
  std::shared_ptr<LockedStore> loader_;
  std::thread thread_;
  std::condition_variable cv_;  // with mu_: first load done, or stop requested
  bool background_ = false, stop_ = false;
  Status load_error_;           // the first load's failure, reported to waiting requests
  bool full_done_ = false;      // the first full load finished (or failed): filters stop waiting
  double last_load_seconds_ = -1;

  // Start snapshot and provisional answers (guarded by mu_).
  std::string snapshot_path_, db_path_;
  std::shared_ptr<const MapSnapshot> snapshot_;
  bool snapshot_tried_ = false;  // read_snapshot() finished (found one or not)
  std::int64_t snapshot_count_ = -1;  // store count of the snapshot file on disk
  std::chrono::steady_clock::time_point snapshot_written_at_{};
  std::atomic<std::uint64_t> snapshots_written_{0};
  std::unordered_map<std::string, std::shared_ptr<const FilteredIndex>> provisional_;
};

}  // namespace pk::serve
