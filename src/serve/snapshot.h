// The clustering cache: a compact in-memory table of every placed article (id, focus point,
// date, precision, title) loaded from the store, and one ClusterIndex per filter set built from
// it. The table is reloaded when the store's article count changes (checked at most every
// `refresh_seconds`); indices are rebuilt lazily per filter set (LRU of kMaxIndices).
#pragma once

#include <chrono>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "cluster.h"
#include "pressekarte/store.h"

namespace pk::serve {

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
  std::string title, place;
};

struct PointTable {
  std::vector<PointRow> rows;
  std::vector<std::string> strings;  // interned outlet and language values
  std::unordered_map<std::int64_t, std::uint32_t> story_size;  // story id → placed articles
  std::int64_t store_count = -1;     // Store::count() when loaded
  std::uint64_t generation = 0;
  std::uint32_t story_size_of(std::optional<std::int64_t> story) const;
};

// Highest zoom at which an article focused on a place of this kind is shown: continents up to
// zoom 1, countries up to 3, states up to 6, districts and regions up to 9; towns at every zoom
// (so from zoom 10 on only town-precise articles remain).
std::uint8_t max_zoom_for_kind(const std::string& kind);

// The focus point of an article: its focus place, else its GeoRSS hint.
bool focus_point(const StoredArticle& a, double& lon, double& lat, std::string& place, std::string& kind);

struct FilteredIndex {
  std::shared_ptr<const PointTable> table;
  std::vector<std::uint32_t> rows;  // ClusterPoint::item → row in table
  ClusterIndex index;
  bool truncated = false;           // the text/region match had more ids than we index
};

class ClusterCache {
 public:
  static constexpr std::size_t kMaxIndices = 16;
  static constexpr std::size_t kMaxTextMatches = 200000;

  ClusterCache(std::shared_ptr<LockedStore> store, ClusterOptions options, int refresh_seconds);

  // The current table, reloading it first if the store changed (or on first use).
  Result<std::shared_ptr<const PointTable>> table();
  // The index for the filters in `q` (bbox, cursor and limit are ignored).
  Result<std::shared_ptr<const FilteredIndex>> index(const ArticleQuery& q);

  std::uint64_t builds() const { return builds_; }
  std::int64_t last_count() const { return last_count_; }

 private:
  Result<std::shared_ptr<const PointTable>> load();
  std::shared_ptr<LockedStore> store_;
  ClusterOptions options_;
  std::chrono::steady_clock::duration refresh_;
  std::mutex refresh_mu_;  // one reload at a time
  std::mutex mu_;          // guards the fields below
  std::shared_ptr<const PointTable> table_;
  std::chrono::steady_clock::time_point checked_{};
  std::list<std::pair<std::string, std::shared_ptr<const FilteredIndex>>> lru_;
  std::uint64_t generation_ = 0;
  std::uint64_t builds_ = 0;
  std::int64_t last_count_ = -1;
  std::mutex build_mu_;    // one index build at a time (they are CPU-bound)
};

}  // namespace pk::serve
