#include "snapshot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_set>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "map_snapshot.h"
#include "params.h"

namespace pk::serve {

std::uint8_t max_zoom_for_kind(const std::string& kind) {
  if (kind == "continent") return 1;
  if (kind == "country") return 3;
  if (kind == "admin1") return 6;
  if (kind == "admin2" || kind == "region") return 9;
  return 255;
}

std::uint32_t PointTable::story_size_of(std::optional<std::int64_t> story) const {
  if (!story) return 1;
  auto it = story_size.find(*story);
  return it == story_size.end() ? 1 : it->second;
}

bool focus_point(const StoredArticle& a, double& lon, double& lat, std::string& place, std::string& kind) {
  const auto& g = a.geo;
  if (g.focus && *g.focus < g.places.size()) {
    const auto& p = g.places[*g.focus];
    if (std::isfinite(p.lat) && std::isfinite(p.lon) && std::abs(p.lat) <= 90 && std::abs(p.lon) <= 180) {
      lon = p.lon;
      lat = p.lat;
      place = p.name.empty() ? p.surface : p.name;
      kind = p.kind;
      return true;
    }
  }
  if (a.article.lat_hint && a.article.lon_hint && std::isfinite(*a.article.lat_hint) &&
      std::isfinite(*a.article.lon_hint)) {
    lat = *a.article.lat_hint;
    lon = *a.article.lon_hint;
    place.clear();
    kind = "point";
    return true;
  }
  return false;
}

namespace {

std::string filter_key(const ArticleQuery& q) {
  std::string near = q.near_lat ? fmt::format("{:.6f},{:.6f},{:.3f}", *q.near_lat, q.near_lon.value_or(0), q.radius_km) : "";
  return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", q.text, q.region, q.since, q.until, q.outlet,
                     q.language, q.story_id ? std::to_string(*q.story_id) : "", near);
}

double haversine_km(double lat1, double lon1, double lat2, double lon2) {
  const double r = M_PI / 180.0;
  const double dlat = (lat2 - lat1) * r, dlon = (lon2 - lon1) * r;
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * r) * std::cos(lat2 * r) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 6371.0088 * 2 * std::atan2(std::sqrt(a), std::sqrt(1 - a));
}

}  // namespace

std::shared_ptr<const std::string> ResponseCache::find(const std::string& key) const {
  std::lock_guard<std::mutex> lock(mu_);
  if (auto it = newer_.find(key); it != newer_.end()) return it->second;
  auto it = older_.find(key);
  return it == older_.end() ? nullptr : it->second;
}

void ResponseCache::put(const std::string& key, std::shared_ptr<const std::string> body) {
  Entries dropped;  // destroyed after the lock is released
  std::lock_guard<std::mutex> lock(mu_);
  if (newer_.size() >= kGenerationEntries) {
    dropped.swap(older_);
    older_.swap(newer_);
  }
  newer_.insert_or_assign(key, std::move(body));
}

std::string json_string_literal(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

ClusterCache::ClusterCache(std::shared_ptr<LockedStore> store, ClusterOptions options, int refresh_seconds)
    : store_(std::move(store)), options_(options), refresh_(std::chrono::seconds(std::max(0, refresh_seconds))) {}

ClusterCache::~ClusterCache() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

Result<std::shared_ptr<const PointTable>> ClusterCache::load(LockedStore& from, bool quick) {
  auto table = std::make_shared<PointTable>();
  auto count = from.with([](Store& s) { return s.count(); });
  if (!count) return count.status();
  table->store_count = *count;
  std::unordered_map<std::string, std::uint16_t> interned;
  auto intern = [&](const std::string& s) -> std::uint16_t {
    auto it = interned.find(s);
    if (it != interned.end()) return it->second;
    if (table->strings.size() >= 65535) return 0;
    table->strings.push_back(s);
    table->strings_json.push_back(json_string_literal(s));
    return interned[s] = static_cast<std::uint16_t>(table->strings.size() - 1);
  };
  intern("");
  // Place names repeat (a town per many articles): make each literal once.
  std::unordered_map<std::string, std::string> place_literals;
  auto place_literal = [&](const std::string& name) -> const std::string& {
    auto it = place_literals.find(name);
    if (it == place_literals.end()) it = place_literals.emplace(name, json_string_literal(name)).first;
    return it->second;
  };
  // One lean scan of indexed columns (Store::focus_points), not pages of decoded articles.
  auto points = from.with([quick](Store& s) { return quick ? s.quick_focus_points() : s.focus_points(ArticleQuery{}); });
  if (!points) return points.status();
  // A backend without a quick path answers with full rows (titles): then it is a full table.
  table->quick = quick && std::none_of(points->begin(), points->end(), [](const FocusPoint& fp) { return !fp.title.empty(); });
  table->rows.reserve(points->size());
  for (auto& fp : *points) {
    PointRow row;
    row.id = fp.id;
    row.lon = fp.lon;
    row.lat = fp.lat;
    row.date = date_number(fp.date);
    row.max_zoom = max_zoom_for_kind(fp.place_kind);
    row.story_id = fp.story_id.value_or(0);
    row.outlet = intern(fp.outlet);
    row.language = intern(fp.language);
    row.title_json = fp.title.empty() ? std::string("\"\"") : json_string_literal(fp.title);
    row.place_json = place_literal(fp.place_name);
    if (row.story_id) ++table->story_size[row.story_id];
    table->rows.push_back(std::move(row));
    std::string().swap(fp.title);  // free as we go: the scan result is the peak of a load
  }
  return std::shared_ptr<const PointTable>(std::move(table));
}

void ClusterCache::publish(std::shared_ptr<const PointTable> table, std::shared_ptr<const FilteredIndex> unfiltered) {
  std::lock_guard<std::mutex> lock(mu_);
  auto fresh = std::const_pointer_cast<PointTable>(table);
  fresh->generation = ++generation_;
  if (!fresh->quick) {
    full_done_ = true;
    provisional_.clear();
  }
  snapshot_.reset();  // the store has been read: no more answers from the start snapshot
  table_ = std::move(table);
  checked_ = std::chrono::steady_clock::now();
  last_count_ = table_->store_count;
  lru_.clear();
  if (unfiltered) {
    ++builds_;
    lru_.emplace_front(filter_key(ArticleQuery{}), std::move(unfiltered));
  }
}

void ClusterCache::start_background(std::shared_ptr<LockedStore> loader) {
  std::lock_guard<std::mutex> lock(mu_);
  if (background_) return;
  background_ = true;
  loader_ = loader ? std::move(loader) : store_;
  thread_ = std::thread([this] { background_loop(); });
}

bool ClusterCache::load_and_publish(bool quick, Status& failed) {
  const auto t0 = std::chrono::steady_clock::now();
  const std::int64_t db_bytes = db_path_.empty() ? -1 : file_bytes(db_path_);  // before the scan
  auto table = load(*loader_, quick);
  const auto t1 = std::chrono::steady_clock::now();
  if (!table) {
    failed = table.status();
    return false;
  }
  // The unfiltered index is built before the swap, so the map never waits for it.
  std::shared_ptr<const FilteredIndex> unfiltered;
  {
    std::lock_guard<std::mutex> build(build_mu_);
    auto fi = build_index(*table, ArticleQuery{}, *loader_);
    if (!fi) {
      failed = fi.status();
      return false;
    }
    unfiltered = *fi;
  }
  const bool is_quick = (*table)->quick;
  const std::size_t points = (*table)->rows.size();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  {
    std::lock_guard<std::mutex> lock(mu_);
    last_load_seconds_ = seconds;  // before the table is visible: a request may read both
  }
  publish(*table, unfiltered);
  std::fprintf(stderr, "pressekarte serve: cluster index (%s table) ready: %zu points in %.2f s (table load %.2f s)\n",
               is_quick ? "quick" : "full", points, seconds, std::chrono::duration<double>(t1 - t0).count());
  if (!is_quick) write_snapshot(*unfiltered, db_bytes);
  return true;
}

void ClusterCache::set_snapshot(std::string path, std::string db_path) {
  std::lock_guard<std::mutex> lock(mu_);
  snapshot_path_ = std::move(path);
  db_path_ = std::move(db_path);
}

void ClusterCache::read_snapshot() {
  // Requests that arrive in the first milliseconds wait for this attempt (see index()).
  struct Tried {
    ClusterCache* c;
    ~Tried() {
      {
        std::lock_guard<std::mutex> lock(c->mu_);
        c->snapshot_tried_ = true;
      }
      c->cv_.notify_all();
    }
  } tried{this};
  std::string path, db;
  {
    std::lock_guard<std::mutex> lock(mu_);
    path = snapshot_path_;
    db = db_path_;
  }
  if (path.empty()) return;
  const auto t0 = std::chrono::steady_clock::now();
  auto snap = read_map_snapshot(path);
  if (!snap) {
    if (snap.status().code() != Status::Code::kNotFound)
      std::fprintf(stderr, "pressekarte serve: ignoring the map snapshot: %s\n", snap.status().to_string().c_str());
    return;
  }
  std::lock_guard<std::mutex> lock(mu_);
  snapshot_count_ = snap->store_count;
  const std::int64_t bytes = db.empty() ? -1 : file_bytes(db);
  if (snap->db_bytes >= 0 && bytes >= 0 && snap->db_bytes != bytes) {
    std::fprintf(stderr, "pressekarte serve: map snapshot %s is stale (store file size changed)\n", path.c_str());
    return;
  }
  if (table_) return;
  snapshot_ = std::make_shared<const MapSnapshot>(std::move(*snap));
  std::fprintf(stderr, "pressekarte serve: map snapshot read in %.3f s (%lld articles, zooms up to %d%s)\n",
               std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
               static_cast<long long>(snapshot_->store_count), snapshot_->last_zoom, snapshot_->all_zooms ? "+" : "");
}

void ClusterCache::write_snapshot(const FilteredIndex& unfiltered, std::int64_t db_bytes) {
  std::string path;
  {
    std::lock_guard<std::mutex> lock(mu_);
    path = snapshot_path_;
    const auto now = std::chrono::steady_clock::now();
    // At most once a minute under steady ingest; never again for an unchanged store.
    if (path.empty() || unfiltered.table->store_count == snapshot_count_) return;
    if (snapshots_written_ > 0 && now - snapshot_written_at_ < std::chrono::seconds(60)) return;
    snapshot_written_at_ = now;
  }
  const auto t0 = std::chrono::steady_clock::now();
  Status st = write_map_snapshot(path, unfiltered, db_bytes);
  if (!st.is_ok()) {
    std::fprintf(stderr, "pressekarte serve: warning: %s\n", st.to_string().c_str());
    return;
  }
  std::lock_guard<std::mutex> lock(mu_);
  snapshot_count_ = unfiltered.table->store_count;
  ++snapshots_written_;
  std::fprintf(stderr, "pressekarte serve: map snapshot written to %s in %.3f s\n", path.c_str(),
               std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
}

bool ClusterCache::snapshot_in_use() const {
  std::lock_guard<std::mutex> lock(mu_);
  return snapshot_ != nullptr;
}

std::shared_ptr<const PointTable> ClusterCache::current_table() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (background_) return table_;
  }
  auto t = table();
  return t ? *t : nullptr;
}

Result<std::shared_ptr<const FilteredIndex>> ClusterCache::provisional_index(const ArticleQuery& q,
                                                                             const std::string& key) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = provisional_.find(key); it != provisional_.end()) return it->second;
  }
  ArticleQuery sq = q;  // the newest matches anywhere: the index ignores the view
  sq.bbox.reset();
  sq.cursor.clear();
  sq.sort = "date";
  sq.limit = kProvisionalMatches;
  auto page = store_->with([&](Store& s) { return s.query(sq); });
  if (!page) return page.status();
  auto table = std::make_shared<PointTable>();
  table->provisional = true;
  table->strings = {""};
  table->strings_json = {"\"\""};
  std::unordered_map<std::string, std::uint16_t> interned{{"", 0}};
  auto fi = std::make_shared<FilteredIndex>();
  fi->truncated = !page->next_cursor.empty();
  std::vector<ClusterPoint> points;
  for (const auto& a : page->items) {
    PointRow row;
    std::string place, kind;
    if (!focus_point(a, row.lon, row.lat, place, kind)) continue;
    row.id = a.id;
    row.date = date_number(a.article.date);
    row.max_zoom = max_zoom_for_kind(kind);
    row.story_id = a.story_id.value_or(0);
    row.title_json = json_string_literal(a.article.title.substr(0, kFocusTitleMaxChars * 4));
    row.place_json = json_string_literal(place);
    const std::string& outlet = a.article.outlet.empty() ? a.article.site_title : a.article.outlet;
    auto [it, fresh] = interned.emplace(outlet, static_cast<std::uint16_t>(table->strings.size()));
    if (fresh) {
      table->strings.push_back(outlet);
      table->strings_json.push_back(json_string_literal(outlet));
    }
    row.outlet = it->second;
    if (row.story_id) ++table->story_size[row.story_id];
    points.push_back(ClusterPoint{row.lon, row.lat, static_cast<std::uint32_t>(table->rows.size()), row.date, row.max_zoom});
    fi->rows.push_back(static_cast<std::uint32_t>(table->rows.size()));
    table->rows.push_back(std::move(row));
  }
  fi->table = table;
  fi->index = ClusterIndex::build(points, options_);
  std::lock_guard<std::mutex> lock(mu_);
  if (full_done_) return std::shared_ptr<const FilteredIndex>(fi);  // too late to keep
  if (provisional_.size() >= kMaxIndices) provisional_.clear();
  provisional_.emplace(key, fi);
  return std::shared_ptr<const FilteredIndex>(fi);
}

void ClusterCache::background_loop() {
  std::int64_t known = -1;
  bool first = true;
  read_snapshot();
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      if (!first) cv_.wait_for(lock, std::max<std::chrono::steady_clock::duration>(refresh_, std::chrono::milliseconds(200)),
                               [this] { return stop_; });
      if (stop_) return;
    }
    auto count = loader_->with([](Store& s) { return s.count(); });
    if (count && *count == known) continue;
    if (first) {
      std::lock_guard<std::mutex> lock(mu_);
      if (snapshot_ && (!count || *count != snapshot_->store_count)) {
        std::fprintf(stderr, "pressekarte serve: map snapshot is stale (%lld articles, the store has %lld)\n",
                     static_cast<long long>(snapshot_->store_count), static_cast<long long>(count ? *count : -1));
        snapshot_.reset();
      }
      // With the snapshot answering the first views, the quick load yields to the reader's
      // browser (Linux applies a thread's nice value to that thread only).
      if (snapshot_) setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
    }
    Status failed = count.status();
    bool loaded = false;
    if (count.is_ok()) {
      // At start, a quick table first (compact indexes only: the map within ~1 s on a large,
      // cold store), then the full one; later reloads keep serving the previous full table.
      if (first && load_and_publish(true, failed)) {
        cv_.notify_all();
        std::lock_guard<std::mutex> lock(mu_);
        if (stop_) return;
        loaded = full_done_;
      }
      if (!loaded) {
        // Full loads are long scans; requests (and, on a small box, the reader's browser) come
        // first. Linux applies a thread's nice value to that thread only.
        setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
        failed = Status::ok();
        loaded = load_and_publish(false, failed);
      }
      if (loaded) known = *count;
    }
    if (!failed.is_ok()) {
      std::fprintf(stderr, "pressekarte serve: loading the cluster index failed: %s\n", failed.to_string().c_str());
      std::lock_guard<std::mutex> lock(mu_);
      if (first && !table_) load_error_ = failed;
    }
    if (first) {
      first = false;
      std::lock_guard<std::mutex> lock(mu_);
      full_done_ = true;  // filtered requests stop waiting, even after a failure
    }
    cv_.notify_all();
  }
}

double ClusterCache::last_load_seconds() const {
  std::lock_guard<std::mutex> lock(mu_);
  return last_load_seconds_;
}

bool ClusterCache::ready() const {
  std::lock_guard<std::mutex> lock(mu_);
  return table_ != nullptr;
}

bool ClusterCache::full_ready() const {
  std::lock_guard<std::mutex> lock(mu_);
  return table_ != nullptr && !table_->quick;
}

Result<std::shared_ptr<const PointTable>> ClusterCache::table() {
  {
    std::unique_lock<std::mutex> lock(mu_);
    if (background_) {
      // Only the first load is waited for; later ones swap in behind the requests' backs.
      cv_.wait(lock, [this] { return table_ || !load_error_.is_ok() || stop_; });
      if (table_) return table_;
      if (!load_error_.is_ok()) return load_error_;
      return Status::internal("the server is stopping");
    }
  }
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (table_ && now - checked_ < refresh_) return table_;
  }
  std::unique_lock<std::mutex> refresh(refresh_mu_, std::defer_lock);
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (table_ && !refresh.try_lock()) return table_;  // someone else is checking; use what we have
  }
  if (!refresh.owns_lock()) refresh.lock();
  std::shared_ptr<const PointTable> current;
  {
    std::lock_guard<std::mutex> lock(mu_);
    current = table_;
    if (current && std::chrono::steady_clock::now() - checked_ < refresh_) return current;
  }
  auto count = store_->with([](Store& s) { return s.count(); });
  if (!count) return count.status();
  if (current && current->store_count == *count) {
    std::lock_guard<std::mutex> lock(mu_);
    checked_ = std::chrono::steady_clock::now();
    last_count_ = *count;
    return current;
  }
  auto loaded = load(*store_);
  if (!loaded) return loaded.status();
  publish(*loaded, nullptr);
  std::lock_guard<std::mutex> lock(mu_);
  return table_;
}


Result<std::shared_ptr<const FilteredIndex>> ClusterCache::index(const ArticleQuery& q, int zoom) {
  const auto key = filter_key(q);
  static const std::string unfiltered_key = filter_key(ArticleQuery{});
  const bool unfiltered = key == unfiltered_key;
  {
    std::unique_lock<std::mutex> lock(mu_);
    if (background_ && !table_ && unfiltered) {
      cv_.wait(lock, [this] { return snapshot_tried_ || table_ || stop_; });
      if (!table_ && snapshot_ && snapshot_->covers(zoom)) return snapshot_->index;
    }
    // A quick table has no outlets or languages, and the full one may take long on a large
    // store: until it is there, a filtered map shows the newest matches.
    if (background_ && !unfiltered && !full_done_ && !stop_) {
      lock.unlock();
      return provisional_index(q, key);
    }
  }
  auto table = this->table();
  if (!table) return table.status();
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto it = lru_.begin(); it != lru_.end(); ++it) {
      if (it->first == key && it->second->table == *table) {
        lru_.splice(lru_.begin(), lru_, it);
        return it->second;
      }
    }
  }
  std::lock_guard<std::mutex> build(build_mu_);
  {  // built by another request while we waited?
    std::lock_guard<std::mutex> lock(mu_);
    for (auto& e : lru_)
      if (e.first == key && e.second->table == *table) return e.second;
  }
  auto fi = build_index(*table, q, *store_);
  if (!fi) return fi.status();
  std::lock_guard<std::mutex> lock(mu_);
  ++builds_;
  if ((*fi)->table == table_) {  // not replaced by a newer table meanwhile
    lru_.emplace_front(key, *fi);
    if (lru_.size() > kMaxIndices) lru_.pop_back();
  }
  return *fi;
}

Result<std::shared_ptr<const FilteredIndex>> ClusterCache::build_index(const std::shared_ptr<const PointTable>& table,
                                                                       const ArticleQuery& q, LockedStore& from) {
  auto fi = std::make_shared<FilteredIndex>();
  fi->table = table;
  const PointTable& t = *table;

  // Text, region and story filters need the store; the rest is checked in memory.
  std::unordered_set<std::int64_t> allowed;
  const bool by_store = !q.text.empty() || !q.region.empty() || q.story_id.has_value();
  if (by_store) {
    ArticleQuery sq;
    sq.text = q.text;
    sq.region = q.region;
    sq.story_id = q.story_id;
    sq.since = q.since;
    sq.until = q.until;
    sq.outlet = q.outlet;
    sq.language = q.language;
    // Only placed articles can be clustered, so the lean focus-point scan gives every id needed.
    auto r = from.with([&](Store& s) { return s.focus_points(sq); });
    if (!r) return r.status();
    for (const auto& fp : *r) {
      if (allowed.size() >= kMaxTextMatches) {
        fi->truncated = true;
        break;
      }
      allowed.insert(fp.id);
    }
  }
  const std::uint32_t since = date_number(q.since), until = date_number(q.until);
  std::vector<ClusterPoint> points;
  for (std::uint32_t i = 0; i < t.rows.size(); ++i) {
    const auto& row = t.rows[i];
    if (since && row.date < since) continue;
    if (until && row.date > until) continue;
    if (!q.outlet.empty() && t.strings[row.outlet] != q.outlet) continue;
    if (!q.language.empty() && t.strings[row.language] != q.language) continue;
    if (by_store && !allowed.count(row.id)) continue;
    if (q.near_lat && q.near_lon && haversine_km(*q.near_lat, *q.near_lon, row.lat, row.lon) > q.radius_km) continue;
    points.push_back(ClusterPoint{row.lon, row.lat, static_cast<std::uint32_t>(fi->rows.size()), row.date, row.max_zoom});
    fi->rows.push_back(i);
  }
  fi->index = ClusterIndex::build(points, options_);
  return std::shared_ptr<const FilteredIndex>(fi);
}

}  // namespace pk::serve
