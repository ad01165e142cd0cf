// SQLite backend: WAL, FTS5 with the pk_text tokenizer, R*Tree on focus points, a
// date-ordered region index. Calls are serialised by a mutex (one connection per Store).
#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <mutex>
#include <unordered_map>

#include <fmt/format.h>

#include "backends.h"
#include "fts5_tokenizer.h"
#include "pressekarte/text.h"
#include "record.h"
#include "region_resolve.h"
#include "sqlite_plans.h"
#include "sqlite_schema.h"
#include "sqlite_util.h"

namespace pk::store {

namespace {

void sql_dist_km(sqlite3_context* ctx, int, sqlite3_value** v) {
  for (int i = 0; i < 4; ++i)
    if (sqlite3_value_type(v[i]) == SQLITE_NULL) return sqlite3_result_null(ctx);
  sqlite3_result_double(ctx, haversine_km(sqlite3_value_double(v[0]), sqlite3_value_double(v[1]),
                                          sqlite3_value_double(v[2]), sqlite3_value_double(v[3])));
}

void sql_blend(sqlite3_context* ctx, int, sqlite3_value** v) {
  sqlite3_result_double(ctx, blend_score(sqlite3_value_double(v[0]), sqlite3_value_int64(v[1]),
                                         sqlite3_value_int64(v[2])));
}

// article_order keys: sort_ts·2^20 + rank within the second (schema v3), so key order is
// (sort_ts, id) order and every key of a second lies in [order_key_floor(ts), +2^20).
constexpr std::int64_t kOrderKeysPerSecond = std::int64_t{1} << 20;
std::int64_t order_key_floor(std::int64_t ts) { return ts * kOrderKeysPerSecond; }
// The seconds whose order keys fit in 64 bits.
constexpr std::int64_t kMaxOrderSecond = std::numeric_limits<std::int64_t>::max() / kOrderKeysPerSecond - 1;
constexpr std::int64_t kMinOrderSecond = std::numeric_limits<std::int64_t>::min() / kOrderKeysPerSecond + 1;

// The R*Tree's time axis (schema v4): 30-day units, comparable to degrees (see sqlite_schema.cc).
double rtree_time(std::int64_t ts) { return static_cast<double>(ts) / 2592000.0; }

// Text + box by date: how many of the word's newest matches are checked against the box before
// a box that holds none of them is searched spatially instead (capped by sqlite_scan_rows; 300
// measured best of 300/500/1000/2000 at 1M, docs/perf/store.md).
constexpr std::int64_t kTextWalkRows = 300;

class SqliteStore final : public Store {
 public:
  SqliteStore(sqlite3* db, std::string path, StoreOptions options)
      : db_(db), path_(std::move(path)), options_(std::move(options)) {}
  ~SqliteStore() override {
    stmts_.clear();
    sqlite3_close_v2(db_);
  }

  Status init() {
    auto v = sqlite_schema_version(db_, path_);
    if (!v) return v.status();
    version_ = *v;
    // The index's term list, for spelling out prefix words (a per-connection temp table; without
    // it prefix words stay FTS5 prefix queries).
    spell_out_prefixes_ =
        verbatim_terms_ && exec(db_, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.pk_fts_terms USING "
                                     "fts5vocab(main, 'article_fts', 'row')") == SQLITE_OK;
    return Status::ok();
  }
  void set_verbatim_terms(bool on) { verbatim_terms_ = on; }

  Result<std::vector<PutOutcome>> put_batch(const std::vector<ArticleRecord>& batch,
                                            std::vector<std::int64_t>* ids) override;
  Result<std::optional<StoredArticle>> get(std::int64_t id) override;
  Result<ArticlePage> query(const ArticleQuery& q) override;
  Status set_story(std::int64_t article_id, std::int64_t story_id) override;
  Result<std::int64_t> count() override;
  int schema_version() override { return version_; }
  Result<std::vector<FocusPoint>> focus_points(const ArticleQuery& filters) override;
  Result<std::vector<FocusPoint>> quick_focus_points() override;
  Result<std::vector<FocusPoint>> focus_points_by_id(const std::vector<std::int64_t>& ids) override;

 private:
  Stmt& stmt(const std::string& sql) {
    auto it = stmts_.find(sql);
    if (it == stmts_.end()) it = stmts_.emplace(sql, Stmt(db_, sql)).first;
    return it->second.reset();
  }
  Status fail(int rc, const std::string& what) { return sqlite_status(rc, what, path_); }
  Status check_prepared(Stmt& s, const std::string& what) {
    return s.ok() ? Status::ok() : fail(s.prepare_rc(), what);
  }

  Result<std::int64_t> place_id(const PlaceMention& p, std::unordered_map<std::string, std::int64_t>& pending);
  Status insert_one(const ArticleRecord& r, const std::string& key, std::int64_t ingested_ts,
                    std::unordered_map<std::string, std::int64_t>& pending_places, std::int64_t* id);
  Status touch_story(std::int64_t story_id, std::int64_t article_id, std::int64_t ts);
  Result<std::string> resolve_region(const std::string& name);
  Result<std::vector<std::pair<std::int64_t, double>>> select_ids(const PlannedQuery& p);
  // A word the spatial plan must also match: its FTS5 expression, and an exclusive upper bound
  // on the order keys still to search (where a bounded FTS walk stopped).
  struct TextInWindows {
    std::string match;
    std::optional<std::int64_t> keys_below;
  };
  Result<std::vector<std::pair<std::int64_t, double>>> select_in_time_windows(const PlannedQuery& p, std::int64_t n,
                                                                              bool other_filters,
                                                                              const TextInWindows* text = nullptr);
  Status keep_text_matches(const std::vector<std::pair<std::int64_t, std::int64_t>>& candidates,
                           const std::vector<std::int64_t>& keys, std::int64_t n,
                           std::vector<std::pair<std::int64_t, double>>& out);
  Result<std::int64_t> cursor_order_key(const Cursor& c);
  Result<std::optional<StoredArticle>> load(std::int64_t id);
  std::string date_order_match_expression(const TextQuery& q);

  sqlite3* db_;
  std::string path_;
  StoreOptions options_;
  int version_ = 0;
  bool verbatim_terms_ = false;     // the pk_text query wrapper is registered
  bool spell_out_prefixes_ = false;  // and temp.pk_fts_terms exists
  std::mutex mu_;
  std::unordered_map<std::string, Stmt> stmts_;
  std::unordered_map<std::string, std::int64_t> place_ids_;  // committed places only
};

Result<std::int64_t> SqliteStore::place_id(const PlaceMention& p,
                                           std::unordered_map<std::string, std::int64_t>& pending) {
  std::string key = place_key(p);
  if (auto it = place_ids_.find(key); it != place_ids_.end()) return it->second;
  if (auto it = pending.find(key); it != pending.end()) return it->second;
  auto& ins = stmt(
      "INSERT INTO places(place_key, geonameid, name, name_fold, kind, country, admin1, admin2, lat, lon) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT(place_key) DO NOTHING");
  PK_RETURN_IF_ERROR(check_prepared(ins, "storing a place"));
  ins.bind(1, key);
  if (p.geonameid) {
    ins.bind(2, *p.geonameid);
  } else {
    ins.bind_null(2);
  }
  ins.bind(3, p.name).bind(4, fold_for_match(p.name)).bind(5, p.kind).bind(6, p.country).bind(7, p.admin1);
  ins.bind(8, p.admin2).bind(9, std::isfinite(p.lat) ? p.lat : 0.0).bind(10, std::isfinite(p.lon) ? p.lon : 0.0);
  int rc = ins.step();
  if (rc != SQLITE_DONE) return fail(rc, "storing place " + p.name);
  auto& sel = stmt("SELECT id FROM places WHERE place_key = ?1");
  PK_RETURN_IF_ERROR(check_prepared(sel, "storing a place"));
  sel.bind(1, key);
  rc = sel.step();
  if (rc != SQLITE_ROW) return fail(rc, "storing place " + p.name);
  std::int64_t id = sel.col_int(0);
  pending[key] = id;
  return id;
}

Status SqliteStore::touch_story(std::int64_t story_id, std::int64_t article_id, std::int64_t ts) {
  auto& ins = stmt(
      "INSERT INTO stories(id, canonical_article_id, first_seen, last_seen, size) VALUES (?1, ?2, ?3, ?3, 0) "
      "ON CONFLICT(id) DO UPDATE SET first_seen = min(first_seen, ?3), last_seen = max(last_seen, ?3)");
  PK_RETURN_IF_ERROR(check_prepared(ins, "storing a story"));
  ins.bind(1, story_id).bind(2, article_id).bind(3, ts);
  int rc = ins.step();
  if (rc != SQLITE_DONE) return fail(rc, "storing story " + std::to_string(story_id));
  auto& size = stmt("UPDATE stories SET size = (SELECT count(*) FROM articles WHERE story_id = ?1) WHERE id = ?1");
  PK_RETURN_IF_ERROR(check_prepared(size, "storing a story"));
  rc = size.bind(1, story_id).step();
  if (rc != SQLITE_DONE) return fail(rc, "storing story " + std::to_string(story_id));
  return Status::ok();
}

Status SqliteStore::insert_one(const ArticleRecord& r, const std::string& key, std::int64_t ingested_ts,
                               std::unordered_map<std::string, std::int64_t>& pending_places, std::int64_t* id) {
  const Article& a = r.article;
  std::int64_t ts = parse_iso_time(a.date).value_or(ingested_ts);
  std::vector<std::int64_t> place_ids;
  for (const auto& p : r.geo.places) {
    auto pid = place_id(p, pending_places);
    if (!pid) return pid.status();
    place_ids.push_back(*pid);
  }
  auto focus = focus_point(r);
  if (r.story_id) {
    // The story row must exist before the article references it.
    auto& ins = stmt("INSERT INTO stories(id, first_seen, last_seen) VALUES (?1, ?2, ?2) ON CONFLICT(id) DO NOTHING");
    PK_RETURN_IF_ERROR(check_prepared(ins, "storing a story"));
    int rc = ins.bind(1, *r.story_id).bind(2, ts).step();
    if (rc != SQLITE_DONE) return fail(rc, "storing a story");
  }
  auto& ins = stmt(
      "INSERT INTO articles(dedup_key, url, canonical_url, content_hash, outlet, site_title, published, updated, "
      "sort_ts, language, title, lead, dateline, agency, author, focus_place_id, focus_lat, focus_lon, story_id, "
      "ingested_at, doc) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21)");
  PK_RETURN_IF_ERROR(check_prepared(ins, "storing an article"));
  ins.bind(1, key);
  if (a.url.empty()) {
    ins.bind_null(2);
  } else {
    ins.bind(2, a.url);
  }
  ins.bind(3, a.canonical_url).bind(4, a.content_hash).bind(5, a.outlet).bind(6, a.site_title).bind(7, a.date);
  ins.bind(8, a.updated).bind(9, ts).bind(10, a.language).bind(11, a.title).bind(12, a.lead).bind(13, a.dateline);
  ins.bind(14, a.agency).bind(15, a.author);
  if (r.geo.focus && *r.geo.focus < place_ids.size()) {
    ins.bind(16, place_ids[*r.geo.focus]);
  } else {
    ins.bind_null(16);
  }
  if (focus) {
    ins.bind(17, focus->lat).bind(18, focus->lon);
  } else {
    ins.bind_null(17).bind_null(18);
  }
  if (r.story_id) {
    ins.bind(19, *r.story_id);
  } else {
    ins.bind_null(19);
  }
  ins.bind(20, format_iso_utc(ingested_ts)).bind(21, encode_doc(a, r.geo));
  int rc = ins.step();
  if (rc != SQLITE_DONE) return fail(rc, "storing article " + (a.url.empty() ? a.title.substr(0, 60) : a.url));
  *id = sqlite3_last_insert_rowid(db_);

  auto& men = stmt(
      "INSERT INTO mentions(article_id, ordinal, place_id, role, field, start_cp, end_cp, surface, confidence) "
      "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)");
  PK_RETURN_IF_ERROR(check_prepared(men, "storing mentions"));
  for (std::size_t i = 0; i < r.geo.places.size(); ++i) {
    const auto& p = r.geo.places[i];
    men.reset().bind(1, *id).bind(2, static_cast<std::int64_t>(i)).bind(3, place_ids[i]).bind(4, p.role);
    men.bind(5, p.field).bind(6, static_cast<std::int64_t>(p.start)).bind(7, static_cast<std::int64_t>(p.end));
    men.bind(8, p.surface).bind(9, std::isfinite(p.confidence) ? p.confidence : 0.0);
    rc = men.step();
    if (rc != SQLITE_DONE) return fail(rc, "storing mentions");
  }

  // The order key: the next free one of this second (ids grow with insertion, so key order
  // within a second is id order). Writers are serialised by BEGIN IMMEDIATE.
  auto& last = stmt("SELECT max(order_key) FROM article_order WHERE order_key BETWEEN ?1 AND ?2");
  PK_RETURN_IF_ERROR(check_prepared(last, "ordering an article"));
  const std::int64_t first_key = order_key_floor(ts);
  rc = last.bind(1, first_key).bind(2, first_key + kOrderKeysPerSecond - 1).step();
  if (rc != SQLITE_ROW) return fail(rc, "ordering an article");
  const std::int64_t okey = last.col_null(0) ? first_key : last.col_int(0) + 1;
  last.reset();
  if (okey >= first_key + kOrderKeysPerSecond)
    return Status::invalid("more than 1,048,576 articles share the time stamp " + format_iso_utc(ts));
  auto& ord = stmt("INSERT INTO article_order(order_key, article_id, focus_lat, focus_lon) VALUES (?1, ?2, ?3, ?4)");
  PK_RETURN_IF_ERROR(check_prepared(ord, "ordering an article"));
  ord.bind(1, okey).bind(2, *id);
  if (focus) {
    ord.bind(3, focus->lat).bind(4, focus->lon);
  } else {
    ord.bind_null(3).bind_null(4);
  }
  rc = ord.step();
  if (rc != SQLITE_DONE) return fail(rc, "ordering an article");

  IndexedText t = indexed_text(a);
  std::string marker = language_marker(a.language);
  auto& fts = stmt("INSERT INTO article_fts(rowid, title, lead, body) VALUES (?1, ?2, ?3, ?4)");
  PK_RETURN_IF_ERROR(check_prepared(fts, "indexing text"));
  rc = fts.bind(1, okey).bind(2, marker + t.title).bind(3, marker + t.lead).bind(4, marker + t.body).step();
  if (rc != SQLITE_DONE) return fail(rc, "indexing the text of an article");

  if (focus) {
    auto& rt = stmt(
        "INSERT INTO focus_rtree_tm(id, min_lon, max_lon, min_lat, max_lat, min_t, max_t, lat, lon, sort_ts) "
        "VALUES (?1, ?2, ?2, ?3, ?3, ?5, ?5, ?3, ?2, ?4)");
    PK_RETURN_IF_ERROR(check_prepared(rt, "indexing the focus point"));
    rc = rt.bind(1, *id).bind(2, focus->lon).bind(3, focus->lat).bind(4, ts).bind(5, rtree_time(ts)).step();
    if (rc != SQLITE_DONE) return fail(rc, "indexing the focus point");
  }

  auto& reg = stmt("INSERT OR IGNORE INTO article_regions(region, sort_ts, article_id) VALUES (?1, ?2, ?3)");
  PK_RETURN_IF_ERROR(check_prepared(reg, "indexing regions"));
  for (const auto& k : region_keys(r.geo)) {
    rc = reg.reset().bind(1, k).bind(2, ts).bind(3, *id).step();
    if (rc != SQLITE_DONE) return fail(rc, "indexing regions");
  }
  if (r.story_id) PK_RETURN_IF_ERROR(touch_story(*r.story_id, *id, ts));
  return Status::ok();
}

Result<std::vector<PutOutcome>> SqliteStore::put_batch(const std::vector<ArticleRecord>& batch,
                                                       std::vector<std::int64_t>* ids) {
  std::lock_guard lock(mu_);
  ReleaseReadTransactions release(db_);
  if (options_.read_only) return Status::invalid("the store was opened read-only; cannot store articles");
  std::vector<PutOutcome> outcomes;
  std::vector<std::int64_t> out_ids;
  outcomes.reserve(batch.size());
  out_ids.reserve(batch.size());
  int rc = exec(db_, "BEGIN IMMEDIATE");
  if (rc != SQLITE_OK) return fail(rc, "starting a batch");
  std::unordered_map<std::string, std::int64_t> pending_places;
  std::int64_t now = now_seconds();
  auto run = [&]() -> Status {
    for (const auto& r : batch) {
      std::string key = dedup_key(r.article);
      auto& sel = stmt("SELECT id FROM articles WHERE dedup_key = ?1");
      PK_RETURN_IF_ERROR(check_prepared(sel, "looking up an article"));
      int src = sel.bind(1, key).step();
      if (src == SQLITE_ROW) {
        outcomes.push_back(PutOutcome::kUnchanged);
        out_ids.push_back(sel.col_int(0));
        continue;
      }
      if (src != SQLITE_DONE) return fail(src, "looking up an article");
      std::int64_t id = 0;
      PK_RETURN_IF_ERROR(insert_one(r, key, now, pending_places, &id));
      outcomes.push_back(PutOutcome::kInserted);
      out_ids.push_back(id);
    }
    return Status::ok();
  };
  Status st = run();
  if (st.is_ok()) {
    reset_busy_statements(db_);
    rc = exec(db_, "COMMIT");
    if (rc != SQLITE_OK) st = fail(rc, "committing a batch");
  }
  if (!st.is_ok()) {
    exec(db_, "ROLLBACK");
    return st;
  }
  place_ids_.insert(pending_places.begin(), pending_places.end());
  if (place_ids_.size() > 500000) place_ids_.clear();
  if (ids) *ids = std::move(out_ids);
  return outcomes;
}

Result<std::optional<StoredArticle>> SqliteStore::load(std::int64_t id) {
  auto& s = stmt("SELECT doc, story_id, ingested_at FROM articles WHERE id = ?1");
  PK_RETURN_IF_ERROR(check_prepared(s, "reading an article"));
  int rc = s.bind(1, id).step();
  if (rc == SQLITE_DONE) return std::optional<StoredArticle>();
  if (rc != SQLITE_ROW) return fail(rc, "reading article " + std::to_string(id));
  StoredArticle a;
  a.id = id;
  PK_RETURN_IF_ERROR(decode_doc(s.col_text(0), &a.article, &a.geo));
  if (!s.col_null(1)) a.story_id = s.col_int(1);
  a.ingested_at = s.col_text(2);
  return std::optional<StoredArticle>(std::move(a));
}

Result<std::optional<StoredArticle>> SqliteStore::get(std::int64_t id) {
  std::lock_guard lock(mu_);
  ReleaseReadTransactions release(db_);
  return load(id);
}

Status SqliteStore::set_story(std::int64_t article_id, std::int64_t story_id) {
  std::lock_guard lock(mu_);
  ReleaseReadTransactions release(db_);
  if (options_.read_only) return Status::invalid("the store was opened read-only; cannot set a story");
  int rc = exec(db_, "BEGIN IMMEDIATE");
  if (rc != SQLITE_OK) return fail(rc, "starting a story update");
  auto run = [&]() -> Status {
    auto& sel = stmt("SELECT sort_ts FROM articles WHERE id = ?1");
    PK_RETURN_IF_ERROR(check_prepared(sel, "setting a story"));
    int src = sel.bind(1, article_id).step();
    if (src == SQLITE_DONE) return Status::not_found("article " + std::to_string(article_id) + " does not exist");
    if (src != SQLITE_ROW) return fail(src, "setting a story");
    std::int64_t ts = sel.col_int(0);
    auto& ins = stmt("INSERT INTO stories(id, first_seen, last_seen) VALUES (?1, ?2, ?2) ON CONFLICT(id) DO NOTHING");
    PK_RETURN_IF_ERROR(check_prepared(ins, "setting a story"));
    src = ins.bind(1, story_id).bind(2, ts).step();
    if (src != SQLITE_DONE) return fail(src, "setting a story");
    auto& up = stmt("UPDATE articles SET story_id = ?2 WHERE id = ?1");
    PK_RETURN_IF_ERROR(check_prepared(up, "setting a story"));
    src = up.bind(1, article_id).bind(2, story_id).step();
    if (src != SQLITE_DONE) return fail(src, "setting a story");
    return touch_story(story_id, article_id, ts);
  };
  Status st = run();
  if (st.is_ok()) {
    reset_busy_statements(db_);
    rc = exec(db_, "COMMIT");
    if (rc != SQLITE_OK) st = fail(rc, "committing a story update");
  }
  if (!st.is_ok()) exec(db_, "ROLLBACK");
  return st;
}

Result<std::int64_t> SqliteStore::count() {
  std::lock_guard lock(mu_);
  ReleaseReadTransactions release(db_);
  auto& s = stmt("SELECT count(*) FROM articles");
  PK_RETURN_IF_ERROR(check_prepared(s, "counting articles"));
  int rc = s.step();
  if (rc != SQLITE_ROW) return fail(rc, "counting articles");
  return s.col_int(0);
}

Result<std::string> SqliteStore::resolve_region(const std::string& name) {
  return resolve_region_name(name, options_, [&](const std::string& folded) -> Result<std::vector<PlaceRow>> {
    auto& s = stmt("SELECT kind, country, admin1, admin2, geonameid FROM places WHERE name_fold = ?1 LIMIT 50");
    PK_RETURN_IF_ERROR(check_prepared(s, "resolving a region name"));
    s.bind(1, folded);
    std::vector<PlaceRow> rows;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
      PlaceRow r{s.col_text(0), s.col_text(1), s.col_text(2), s.col_text(3), std::nullopt, 0};
      if (!s.col_null(4)) r.geonameid = s.col_int(4);
      rows.push_back(r);
    }
    if (rc != SQLITE_DONE) return fail(rc, "resolving a region name");
    return rows;
  });
}

// Builds "col BETWEEN" style filters shared by every plan. `lat`/`lon`/`ts`/`id` name the
// columns of the driving table.
struct Filters {
  std::string sql;
  std::vector<SqlValue> args;
  void add(const std::string& clause) { sql += " AND " + clause; }
  void arg(SqlValue v) { args.push_back(std::move(v)); }
};

void add_space_filters(const PlannedQuery& p, Filters& f, const std::string& lat, const std::string& lon) {
  if (p.bbox) {
    f.add(fmt::format("{0} BETWEEN ? AND ? AND {1} BETWEEN ? AND ?", lat, lon));
    f.arg(p.bbox->south), f.arg(p.bbox->north), f.arg(p.bbox->west), f.arg(p.bbox->east);
  }
  if (p.near) {
    f.add(fmt::format("{0} BETWEEN ? AND ? AND {1} BETWEEN ? AND ? AND pk_dist_km({0}, {1}, ?, ?) <= ?", lat, lon));
    f.arg(p.radius_box->south), f.arg(p.radius_box->north), f.arg(p.radius_box->west), f.arg(p.radius_box->east);
    f.arg(p.near->lat), f.arg(p.near->lon), f.arg(p.radius_km);
  }
}

void add_article_filters(const PlannedQuery& p, Filters& f, bool region_is_driver) {
  if (p.since_ts) f.add("a.sort_ts >= ?"), f.arg(*p.since_ts);
  if (p.until_ts) f.add("a.sort_ts <= ?"), f.arg(*p.until_ts);
  if (!p.outlet.empty()) f.add("a.outlet = ?"), f.arg(p.outlet);
  if (!p.language.empty()) f.add("a.language = ?"), f.arg(p.language);
  if (p.story_id) f.add("a.story_id = ?"), f.arg(*p.story_id);
  if (!p.region_key.empty() && !region_is_driver) {
    f.add("EXISTS (SELECT 1 FROM article_regions r WHERE r.region = ? AND r.sort_ts = a.sort_ts AND r.article_id = a.id)");
    f.arg(p.region_key);
  }
}

Result<std::int64_t> SqliteStore::cursor_order_key(const Cursor& c) {
  auto& s = stmt("SELECT order_key FROM article_order WHERE order_key BETWEEN ?1 AND ?2 AND article_id = ?3");
  PK_RETURN_IF_ERROR(check_prepared(s, "paging"));
  const std::int64_t first = order_key_floor(c.ts);
  int rc = s.bind(1, first).bind(2, first + kOrderKeysPerSecond - 1).bind(3, c.id).step();
  if (rc == SQLITE_ROW) return s.col_int(0);
  if (rc != SQLITE_DONE) return fail(rc, "paging");
  return Status::invalid("cursor does not name a stored article; start again without it");
}

Result<std::vector<std::pair<std::int64_t, double>>> SqliteStore::select_ids(const PlannedQuery& p) {
  const std::int64_t n = static_cast<std::int64_t>(p.limit) + 1;
  std::vector<std::pair<std::int64_t, double>> out;
  auto run = [&](const std::string& sql, const std::vector<SqlValue>& args, bool has_score) -> Status {
    auto& s = stmt(sql);
    PK_RETURN_IF_ERROR(check_prepared(s, "searching"));
    s.bind_all(args);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) out.emplace_back(s.col_int(0), has_score ? s.col_double(2) : 0.0);
    if (rc != SQLITE_DONE) return fail(rc, "searching");
    return Status::ok();
  };
  auto date_cursor = [&](Filters& f, const std::string& ts, const std::string& id) {
    if (p.cursor) f.add(fmt::format("({}, {}) < (?, ?)", ts, id)), f.arg(p.cursor->ts), f.arg(p.cursor->id);
  };
  // Time bounds and the date cursor as bounds on a column holding order keys.
  auto key_bounds = [&](Filters& f, const std::string& key) -> Status {
    if (p.since_ts) f.add(key + " >= ?"), f.arg(order_key_floor(*p.since_ts));
    if (p.until_ts) f.add(key + " < ?"), f.arg(order_key_floor(*p.until_ts + 1));
    if (p.cursor && !p.by_relevance) {
      auto k = cursor_order_key(*p.cursor);
      if (!k) return k.status();
      f.add(key + " < ?"), f.arg(*k);
    }
    return Status::ok();
  };
  const bool other_filters = !p.outlet.empty() || !p.language.empty() || p.story_id;

  if (p.text) {
    Filters f;
    f.arg(p.by_relevance ? fts5_match_expression(*p.text) : date_order_match_expression(*p.text));
    if (!p.by_relevance && (p.bbox || p.near) && !other_filters && p.region_key.empty()) {
      // Text + a box: walk the word's matches newest first (~0.45 µs a match with the join);
      // if none of the first kTextWalkRows falls in the box, the box is sparse for this word and
      // the rest comes from the R*Tree's time windows, each intersected with the word's keys
      // read from the doclists alone (~0.07 µs a key). docs/perf/store.md, "Text + small box".
      PK_RETURN_IF_ERROR(key_bounds(f, "article_fts.rowid"));
      std::optional<std::int64_t> keys_below;
      const std::int64_t walk_rows = std::min<std::int64_t>(kTextWalkRows, options_.sqlite_scan_rows);
      if (walk_rows > 0) {
        Filters in_box;
        add_space_filters(p, in_box, "k.focus_lat", "k.focus_lon");
        std::vector<SqlValue> args = in_box.args;  // the select list's parameters come first
        args.insert(args.end(), f.args.begin(), f.args.end());
        auto& s = stmt("SELECT k.article_id, k.order_key, (1" + in_box.sql + ") FROM article_fts CROSS JOIN "
                       "article_order k ON k.order_key = article_fts.rowid WHERE article_fts MATCH ?" + f.sql +
                       " ORDER BY article_fts.rowid DESC");
        PK_RETURN_IF_ERROR(check_prepared(s, "searching"));
        s.bind_all(args);
        int rc;
        std::int64_t walked = 0;
        while ((rc = s.step()) == SQLITE_ROW) {
          if (s.col_int(2) != 0) out.emplace_back(s.col_int(0), 0.0);
          if (static_cast<std::int64_t>(out.size()) >= n) break;
          if (++walked == walk_rows && out.empty()) {
            keys_below = s.col_int(1);
            break;
          }
        }
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) return fail(rc, "searching");
        s.reset();
        if (static_cast<std::int64_t>(out.size()) >= n || !keys_below) return out;
      }
      TextInWindows text{std::get<std::string>(f.args.front()), keys_below};
      auto rest = select_in_time_windows(p, n - static_cast<std::int64_t>(out.size()), false, &text);
      if (!rest) return rest.status();
      out.insert(out.end(), rest->begin(), rest->end());
      return out;
    }
    if (!p.by_relevance) {
      // FTS5 rowids are order keys: it walks its doclists newest first (time bounds and the
      // cursor are rowid bounds) and stops after a page instead of sorting every match.
      PK_RETURN_IF_ERROR(key_bounds(f, "article_fts.rowid"));
      std::string join;
      if (other_filters || !p.region_key.empty()) {
        join = " CROSS JOIN articles a ON a.id = k.article_id";
        PlannedQuery untimed = p;
        untimed.since_ts.reset();
        untimed.until_ts.reset();
        add_article_filters(untimed, f, false);
      }
      add_space_filters(p, f, "k.focus_lat", "k.focus_lon");
      f.arg(n);
      Status st = run("SELECT k.article_id, k.order_key FROM article_fts CROSS JOIN article_order k ON k.order_key = "
                      "article_fts.rowid" + join + " WHERE article_fts MATCH ?" + f.sql +
                      " ORDER BY article_fts.rowid DESC LIMIT ?",
                      f.args, false);
      if (!st.is_ok()) return st;
      return out;
    }
    // Every match is scored, so keep each one cheap: article_order has the date (order_key >> 20)
    // and the focus point; the wide articles row is read only for the other filters.
    PK_RETURN_IF_ERROR(key_bounds(f, "article_fts.rowid"));
    std::string join;
    if (other_filters || !p.region_key.empty()) {
      join = " CROSS JOIN articles a ON a.id = k.article_id";
      PlannedQuery untimed = p;
      untimed.since_ts.reset();
      untimed.until_ts.reset();
      add_article_filters(untimed, f, false);
    }
    add_space_filters(p, f, "k.focus_lat", "k.focus_lon");
    std::string inner = "SELECT k.article_id AS id, k.order_key >> 20 AS ts, pk_blend(-bm25(article_fts, 4.0, 2.0, 1.0), "
                        "k.order_key >> 20, " + std::to_string(p.now) + ") AS score FROM article_fts CROSS JOIN "
                        "article_order k ON k.order_key = article_fts.rowid" + join +
                        " WHERE article_fts MATCH ?" + f.sql;
    std::string outer = "SELECT id, ts, score FROM (" + inner + ")";
    if (p.cursor) {
      outer += " WHERE (score < ? OR (score = ? AND id < ?))";
      f.arg(p.cursor->score), f.arg(p.cursor->score), f.arg(p.cursor->id);
    }
    outer += " ORDER BY score DESC, id DESC LIMIT ?";
    f.arg(n);
    Status st = run(outer, f.args, true);
    if (!st.is_ok()) return st;
    return out;
  }

  if (!p.region_key.empty()) {
    Filters f;
    f.arg(p.region_key);
    add_article_filters(p, f, true);
    add_space_filters(p, f, "a.focus_lat", "a.focus_lon");
    date_cursor(f, "r.sort_ts", "r.article_id");
    f.arg(n);
    Status st = run("SELECT r.article_id, r.sort_ts FROM article_regions r JOIN articles a ON a.id = r.article_id "
                    "WHERE r.region = ?" + f.sql + " ORDER BY r.sort_ts DESC, r.article_id DESC LIMIT ?",
                    f.args, false);
    if (!st.is_ok()) return st;
    return out;
  }

  if (p.bbox || p.near) {
    // Large boxes: the newest articles are probably inside, so read the newest rows of the
    // date-ordered article_order (compact: key, id, focus point) for a bounded number of rows.
    if (!other_filters && options_.sqlite_scan_rows > 0) {
      Filters f;
      PK_RETURN_IF_ERROR(key_bounds(f, "order_key"));
      f.arg(static_cast<std::int64_t>(options_.sqlite_scan_rows));
      Filters g;
      add_space_filters(p, g, "focus_lat", "focus_lon");
      std::vector<SqlValue> args = f.args;
      args.insert(args.end(), g.args.begin(), g.args.end());
      args.push_back(n);
      std::string sql =
          "SELECT article_id, order_key FROM (SELECT article_id, order_key, focus_lat, focus_lon FROM article_order "
          "WHERE 1" + f.sql + " ORDER BY order_key DESC LIMIT ?) WHERE 1" + g.sql + " ORDER BY order_key DESC LIMIT ?";
      Status st = run(sql, args, false);
      if (!st.is_ok()) return st;
      if (static_cast<std::int64_t>(out.size()) == n) return out;
      out.clear();
    }
    return select_in_time_windows(p, n, other_filters);
  }

  if (!p.outlet.empty() || p.story_id) {
    // articles_outlet (outlet, sort_ts) is already in date order; a story's members are few.
    Filters f;
    add_article_filters(p, f, false);
    date_cursor(f, "a.sort_ts", "a.id");
    f.arg(n);
    Status st = run("SELECT a.id, a.sort_ts FROM articles a WHERE 1" + f.sql + " ORDER BY a.sort_ts DESC, a.id DESC LIMIT ?",
                    f.args, false);
    if (!st.is_ok()) return st;
    return out;
  }
  // Newest first from article_order (schema v5 dropped the duplicate articles_date index); the
  // article row is read only to check the language.
  Filters f;
  PK_RETURN_IF_ERROR(key_bounds(f, "k.order_key"));
  if (!p.language.empty()) f.add("a.language = ?"), f.arg(p.language);
  f.arg(n);
  Status st = run(listing_sql(f.sql, !p.language.empty()), f.args, false);
  if (!st.is_ok()) return st;
  return out;
}

// A prefix word covering at most this many index terms is spelled out as their OR (read lazily,
// newest first) instead of an FTS5 prefix query (which merges every term's doclist up front).
constexpr int kMaxSpelledOutTerms = 256;

// The MATCH expression of a date-ordered text query: prefix words spelled out where the term
// list is small (docs/perf/store.md, session 4); the prefix query otherwise. Same articles.
std::string SqliteStore::date_order_match_expression(const TextQuery& q) {
  if (spell_out_prefixes_) {
    auto list = [&](const std::string& prefix, int limit, std::vector<std::string>* terms) {
      if (prefix.empty() || static_cast<unsigned char>(prefix.back()) == 0xFF) return false;
      std::string next = prefix;  // the first string after every one starting with `prefix`
      next.back() = static_cast<char>(static_cast<unsigned char>(next.back()) + 1);
      auto& s = stmt("SELECT term FROM temp.pk_fts_terms WHERE term >= ?1 AND term < ?2 LIMIT ?3");
      if (!s.ok()) return false;
      s.bind(1, prefix).bind(2, next).bind(3, limit);
      int rc;
      while ((rc = s.step()) == SQLITE_ROW) terms->push_back(s.col_text(0));
      s.reset();
      return rc == SQLITE_DONE;
    };
    if (auto spelled = spelled_out_match_expression(q.groups, kMaxSpelledOutTerms, list)) return *spelled;
  }
  return fts5_match_expression(q);
}

// The selective box: the R*Tree (lon × lat × time) answers one time window at a time, newest
// first, each window 8× longer than the last; the first is sized so that it would hold about four
// pages if every article were in the box. Windows are disjoint and each is sorted, so their
// concatenation is in date order, and the query stops as soon as a page is full: the cost grows
// with the page and the box's sparseness, not with the number of articles in the box.
Result<std::vector<std::pair<std::int64_t, double>>> SqliteStore::select_in_time_windows(const PlannedQuery& p,
                                                                                         std::int64_t n,
                                                                                         bool other_filters,
                                                                                         const TextInWindows* text) {
  std::vector<std::pair<std::int64_t, double>> out;
  auto& bounds = stmt("SELECT (SELECT min(order_key) FROM article_order), (SELECT max(order_key) FROM article_order), "
                      "(SELECT max(id) FROM articles)");
  PK_RETURN_IF_ERROR(check_prepared(bounds, "searching"));
  int rc = bounds.step();
  if (rc != SQLITE_ROW) return fail(rc, "searching");
  if (bounds.col_null(0)) return out;  // empty store
  const std::int64_t first_ts = bounds.col_int(0) >> 20, last_ts = bounds.col_int(1) >> 20;
  const double articles = std::max<double>(1, static_cast<double>(bounds.col_int(2)));
  bounds.reset();
  std::int64_t lo = first_ts, hi = last_ts;
  if (p.since_ts) lo = std::max(lo, *p.since_ts);
  if (p.until_ts) hi = std::min(hi, *p.until_ts);
  if (p.cursor) hi = std::min(hi, p.cursor->ts);
  if (text && text->keys_below) hi = std::min(hi, (*text->keys_below - 1) >> 20);
  double width = std::max(60.0, static_cast<double>(last_ts - first_ts + 1) * 4.0 * static_cast<double>(n) / articles);

  const BBox& box = p.bbox ? *p.bbox : *p.radius_box;
  Filters f;
  f.arg(box.west), f.arg(box.east), f.arg(box.south), f.arg(box.north);
  // ?1/?2: the window in seconds (exact, on +sort_ts); ?3/?4 in R*Tree units (float32 bounds
  // are rounded outwards, so the tree never drops a point of the window).
  f.add("t.max_t >= ?3 AND t.min_t <= ?4 AND t.sort_ts BETWEEN ?1 AND ?2");
  add_space_filters(p, f, "t.lat", "t.lon");
  if (p.cursor) f.add("(t.sort_ts, t.id) < (?, ?)"), f.arg(p.cursor->ts), f.arg(p.cursor->id);
  std::string join;
  if (other_filters) {
    join = " JOIN articles a ON a.id = t.id";
    if (!p.outlet.empty()) f.add("a.outlet = ?"), f.arg(p.outlet);
    if (!p.language.empty()) f.add("a.language = ?"), f.arg(p.language);
    if (p.story_id) f.add("a.story_id = ?"), f.arg(*p.story_id);
  }
  // ?1–?4 (the window) are numbered; the other parameters follow them.
  const std::string sql = "SELECT t.id, t.sort_ts FROM focus_rtree_tm t" + join +
                          " WHERE t.max_lon >= ?5 AND t.min_lon <= ?6 AND t.max_lat >= ?7 AND t.min_lat <= ?8" +
                          f.sql + " ORDER BY t.sort_ts DESC, t.id DESC LIMIT ?";
  // With a word every box article of a window is read from the R*Tree nodes alone, unsorted (the
  // exact +lat/+lon/+sort_ts are auxiliary columns: a rowid-table seek each, which was 60 % of a
  // dense box's time): an article whose float32 time bounds hold no second with a word key is
  // dropped unread; the others are checked exactly by id (same filters), then sorted here.
  const std::string node_sql = "SELECT t.id, t.min_t, t.max_t FROM focus_rtree_tm t WHERE t.max_lon >= ?5 AND "
                               "t.min_lon <= ?6 AND t.max_lat >= ?7 AND t.min_lat <= ?8 AND t.max_t >= ?3 AND t.min_t <= ?4";
  const std::string exact_sql = "SELECT t.id, t.sort_ts FROM focus_rtree_tm t" + join +
                                " WHERE t.max_lon >= ?5 AND t.min_lon <= ?6 AND t.max_lat >= ?7 AND t.min_lat <= ?8" +
                                f.sql + " AND t.id = ?";
  // The word's keys of the whole remaining range, read once from the doclists (~0.07 µs a key):
  // a prefix query ("word*") merges every matching term's doclist on each evaluation, so one
  // query per window (or per candidate) cost several times more (docs/perf/store.md).
  std::vector<std::int64_t> word_keys;
  if (text) {
    if (hi < lo) return out;
    std::int64_t key_hi = order_key_floor(hi + 1);
    if (text->keys_below) key_hi = std::min(key_hi, *text->keys_below);
    auto& fts = stmt("SELECT rowid FROM article_fts WHERE article_fts MATCH ?1 AND rowid >= ?2 AND rowid < ?3 "
                     "ORDER BY rowid");
    PK_RETURN_IF_ERROR(check_prepared(fts, "searching"));
    fts.bind(1, text->match).bind(2, order_key_floor(lo)).bind(3, key_hi);
    while ((rc = fts.step()) == SQLITE_ROW) word_keys.push_back(fts.col_int(0));
    if (rc != SQLITE_DONE) return fail(rc, "searching");
    if (word_keys.empty()) return out;
  }
  while (hi >= lo) {
    const std::int64_t wlo = std::max<std::int64_t>(lo, hi - static_cast<std::int64_t>(std::min(width, 4e18)) + 1);
    if (text) {
      // Every box article of the window whose time bounds hold a word key, checked exactly.
      std::vector<std::int64_t> maybe;
      {
        auto& nodes = stmt(node_sql);
        PK_RETURN_IF_ERROR(check_prepared(nodes, "searching"));
        nodes.bind(1, wlo).bind(2, hi).bind(3, rtree_time(wlo)).bind(4, rtree_time(hi));
        for (int i = 0; i < 4; ++i) nodes.bind_value(i + 5, f.args[static_cast<std::size_t>(i)]);
        while ((rc = nodes.step()) == SQLITE_ROW) {
          // The stored bounds are rtree_time(sort_ts) rounded outwards to float32 (~4 s apart).
          const auto first = std::max<std::int64_t>(wlo, static_cast<std::int64_t>(std::floor(nodes.col_double(1) * 2592000.0)) - 1);
          const auto last = std::min<std::int64_t>(hi, static_cast<std::int64_t>(std::ceil(nodes.col_double(2) * 2592000.0)) + 1);
          if (first > last) continue;
          auto key = std::lower_bound(word_keys.begin(), word_keys.end(), order_key_floor(first));
          if (key != word_keys.end() && *key < order_key_floor(last + 1)) maybe.push_back(nodes.col_int(0));
        }
        if (rc != SQLITE_DONE) return fail(rc, "searching");
        nodes.reset();
      }
      std::vector<std::pair<std::int64_t, std::int64_t>> candidates;  // (id, sort_ts), newest first
      auto& exact = stmt(exact_sql);
      PK_RETURN_IF_ERROR(check_prepared(exact, "searching"));
      for (std::int64_t id : maybe) {
        exact.reset();
        exact.bind(1, wlo).bind(2, hi).bind(3, rtree_time(wlo)).bind(4, rtree_time(hi));
        for (std::size_t i = 0; i < f.args.size(); ++i) exact.bind_value(static_cast<int>(i) + 5, f.args[i]);
        exact.bind(static_cast<int>(f.args.size()) + 5, id);
        rc = exact.step();
        if (rc == SQLITE_ROW) candidates.emplace_back(exact.col_int(0), exact.col_int(1));
        else if (rc != SQLITE_DONE) return fail(rc, "searching");
      }
      exact.reset();
      std::sort(candidates.begin(), candidates.end(),
                [](const auto& a, const auto& b) { return std::tie(a.second, a.first) > std::tie(b.second, b.first); });
      if (!candidates.empty()) PK_RETURN_IF_ERROR(keep_text_matches(candidates, word_keys, n, out));
    } else {
      auto& s = stmt(sql);
      PK_RETURN_IF_ERROR(check_prepared(s, "searching"));
      s.bind(1, wlo).bind(2, hi).bind(3, rtree_time(wlo)).bind(4, rtree_time(hi));
      for (std::size_t i = 0; i < f.args.size(); ++i) s.bind_value(static_cast<int>(i) + 5, f.args[i]);
      s.bind(static_cast<int>(f.args.size()) + 5, n - static_cast<std::int64_t>(out.size()));
      while ((rc = s.step()) == SQLITE_ROW) out.emplace_back(s.col_int(0), 0.0);
      if (rc != SQLITE_DONE) return fail(rc, "searching");
    }
    if (static_cast<std::int64_t>(out.size()) >= n || wlo <= lo) break;
    hi = wlo - 1;
    width *= 8;
  }
  return out;
}

// Intersects one time window's box articles with the word's order keys (ascending): a candidate
// whose second holds no such key is dropped without a lookup, the others are checked exactly by
// their order key.
Status SqliteStore::keep_text_matches(const std::vector<std::pair<std::int64_t, std::int64_t>>& candidates,
                                      const std::vector<std::int64_t>& keys, std::int64_t n,
                                      std::vector<std::pair<std::int64_t, double>>& out) {
  for (const auto& [id, ts] : candidates) {
    auto first = std::lower_bound(keys.begin(), keys.end(), order_key_floor(ts));
    if (first == keys.end() || *first >= order_key_floor(ts + 1)) continue;
    auto key = cursor_order_key(Cursor{false, 0.0, ts, id, 0});
    if (!key) return key.status();
    if (!std::binary_search(first, keys.end(), *key)) continue;
    out.emplace_back(id, 0.0);
    if (static_cast<std::int64_t>(out.size()) >= n) break;
  }
  return Status::ok();
}

// One read transaction for a whole query: the ids and the page's documents come from one
// snapshot (an ingest committing in between cannot drop a row from the page), and the WAL read
// lock is taken once instead of once per statement (~55 statements per page: fcntl locks and
// WAL-index checks were visible in the profile). A no-op inside an open transaction.
class OneReadTransaction {
 public:
  explicit OneReadTransaction(sqlite3* db) : db_(db), began_(sqlite3_get_autocommit(db) != 0 && exec(db, "BEGIN") == SQLITE_OK) {}
  ~OneReadTransaction() {
    if (!began_) return;
    reset_busy_statements(db_);
    exec(db_, "COMMIT");
  }
  OneReadTransaction(const OneReadTransaction&) = delete;
  OneReadTransaction& operator=(const OneReadTransaction&) = delete;

 private:
  sqlite3* db_;
  bool began_;
};

Result<ArticlePage> SqliteStore::query(const ArticleQuery& q) {
  auto planned = plan_query(q);
  if (!planned) return planned.status();
  PlannedQuery& p = planned.value();
  std::lock_guard lock(mu_);
  ReleaseReadTransactions release(db_);
  OneReadTransaction snapshot(db_);
  if (!p.region_name.empty()) {
    auto key = resolve_region(p.region_name);
    if (!key) return key.status();
    p.region_key = *key;
  }
  auto ids = select_ids(p);
  if (!ids) return ids.status();
  ArticlePage page;
  auto& rows = ids.value();
  bool more = rows.size() > p.limit;
  if (more) rows.resize(p.limit);
  std::int64_t last_ts = 0;
  for (const auto& [id, score] : rows) {
    auto a = load(id);
    if (!a) return a.status();
    if (!a.value()) continue;  // cannot happen inside one connection; be safe
    StoredArticle art = std::move(*a.value());
    art.score = score;
    page.items.push_back(std::move(art));
  }
  if (more && !rows.empty()) {
    auto& s = stmt("SELECT sort_ts FROM articles WHERE id = ?1");
    PK_RETURN_IF_ERROR(check_prepared(s, "paging"));
    if (s.bind(1, rows.back().first).step() == SQLITE_ROW) last_ts = s.col_int(0);
    Cursor c{p.by_relevance, rows.back().second, last_ts, rows.back().first, p.now};
    page.next_cursor = encode_cursor(c);
  }
  return page;
}

// One pass over `articles` reading only its leading columns (the JSON document is the last
// column, so its overflow pages are never read); the focus place's kind and name come from
// `places`. The filters are those of query(), as plain conditions on the scanned rows.
// "+a.sort_ts" keeps SQLite off the date index: reading the table in rowid order and sorting
// in memory beat random row lookups in date order (0.9 vs 1.2–1.9 s for 100k, sqlite3 CLI).
namespace {

// One row of the focus-point column list (id, lat, lon, date, kind, name, story, title, outlet,
// language) that focus_points() and focus_points_by_id() select.
FocusPoint focus_point_from_row(const Stmt& s) {
  FocusPoint fp;
  fp.id = s.col_int(0);
  fp.lat = s.col_double(1);
  fp.lon = s.col_double(2);
  fp.date = s.col_text(3);
  fp.place_kind = s.col_text(4);
  fp.place_name = s.col_text(5);
  if (!s.col_null(6)) fp.story_id = s.col_int(6);
  fp.title = s.col_text(7);
  fp.outlet = s.col_text(8);
  fp.language = s.col_text(9);
  return fp;
}

}  // namespace

Result<std::vector<FocusPoint>> SqliteStore::focus_points(const ArticleQuery& filters) {
  ArticleQuery unpaged = filters;
  unpaged.cursor.clear();
  unpaged.sort = "date";
  auto planned = plan_query(unpaged);
  if (!planned) return planned.status();
  PlannedQuery& p = planned.value();
  std::lock_guard lock(mu_);
  ReleaseReadTransactions release(db_);
  if (!p.region_name.empty()) {
    auto key = resolve_region(p.region_name);
    if (!key) return key.status();
    p.region_key = *key;
  }
  Filters f;
  if (p.text) {
    f.add("a.id IN (SELECT k.article_id FROM article_fts CROSS JOIN article_order k ON k.order_key = article_fts.rowid "
          "WHERE article_fts MATCH ?)");
    f.arg(fts5_match_expression(*p.text));
  } else if (p.since_ts || p.until_ts) {
    // The window's ids from article_order (no date index on articles since schema v5), read
    // back in rowid order; add_article_filters() below keeps the exact bounds.
    f.add("a.id IN (SELECT article_id FROM article_order WHERE order_key >= ? AND order_key < ?)");
    f.arg(order_key_floor(p.since_ts.value_or(kMinOrderSecond)));
    f.arg(p.until_ts && *p.until_ts < kMaxOrderSecond ? order_key_floor(*p.until_ts + 1)
                                                      : std::numeric_limits<std::int64_t>::max());
  }
  add_article_filters(p, f, false);
  add_space_filters(p, f, "a.focus_lat", "a.focus_lon");
  const std::string sql = fmt::format(
      "SELECT a.id, a.focus_lat, a.focus_lon, a.published, "
      "CASE WHEN p.id IS NOT NULL AND abs(p.lat) <= 90 AND abs(p.lon) <= 180 THEN p.kind ELSE 'point' END, "
      "CASE WHEN p.id IS NULL THEN '' WHEN p.name != '' THEN p.name ELSE coalesce((SELECT m.surface FROM mentions m "
      "WHERE m.article_id = a.id AND m.place_id = a.focus_place_id ORDER BY m.ordinal LIMIT 1), '') END, "
      "a.story_id, substr(a.title, 1, {}), CASE WHEN a.outlet != '' THEN a.outlet ELSE a.site_title END, a.language "
      "FROM articles a LEFT JOIN places p ON p.id = a.focus_place_id WHERE a.focus_lat IS NOT NULL{} "
      "ORDER BY +a.sort_ts DESC, a.id DESC",
      kFocusTitleMaxChars, f.sql);
  auto& s = stmt(sql);
  PK_RETURN_IF_ERROR(check_prepared(s, "scanning focus points"));
  s.bind_all(f.args);
  std::vector<FocusPoint> out;
  int rc;
  while ((rc = s.step()) == SQLITE_ROW) {
    out.push_back(focus_point_from_row(s));
  }
  if (rc != SQLITE_DONE) return fail(rc, "scanning focus points");
  return out;
}

// The columns of one focus point, as focus_points() reads them (for focus_points_by_id).
constexpr const char* kFocusPointColumns =
    "SELECT a.id, a.focus_lat, a.focus_lon, a.published, "
    "CASE WHEN p.id IS NOT NULL AND abs(p.lat) <= 90 AND abs(p.lon) <= 180 THEN p.kind ELSE 'point' END, "
    "CASE WHEN p.id IS NULL THEN '' WHEN p.name != '' THEN p.name ELSE coalesce((SELECT m.surface FROM mentions m "
    "WHERE m.article_id = a.id AND m.place_id = a.focus_place_id ORDER BY m.ordinal LIMIT 1), '') END, "
    "a.story_id, substr(a.title, 1, 300), CASE WHEN a.outlet != '' THEN a.outlet ELSE a.site_title END, a.language "
    "FROM articles a LEFT JOIN places p ON p.id = a.focus_place_id ";
static_assert(kFocusTitleMaxChars == 300, "kFocusPointColumns cuts titles at 300 code points");

// Reads no article row: article_order (order key, id, focus_lat, focus_lon) gives every point in
// date order (~30 bytes an article instead of its ~6 KB row: 0.3 s for 1M rows where the row
// scan reads GBs), the partial story index the stories, `places` the kinds by coordinates.
Result<std::vector<FocusPoint>> SqliteStore::quick_focus_points() {
  std::lock_guard lock(mu_);
  ReleaseReadTransactions release(db_);
  struct Named {
    std::string kind, name;
  };
  // A point that is exactly one place's coordinates is (almost surely) focused on that place;
  // where several places share coordinates the finest kind wins (the full load corrects it).
  auto fineness = [](const std::string& kind) {
    return kind == "continent" ? 0 : kind == "country" ? 1 : kind == "admin1" ? 2 : (kind == "admin2" || kind == "region") ? 3 : 4;
  };
  struct CoordHash {
    std::size_t operator()(const std::pair<double, double>& c) const {
      return std::hash<double>()(c.first) * 31 + std::hash<double>()(c.second);
    }
  };
  std::unordered_map<std::pair<double, double>, Named, CoordHash> places;
  auto coord_key = [](double lat, double lon) { return std::make_pair(lat, lon); };
  {
    auto& s = stmt("SELECT lat, lon, kind, name FROM places WHERE abs(lat) <= 90 AND abs(lon) <= 180");
    PK_RETURN_IF_ERROR(check_prepared(s, "reading places"));
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
      Named n{s.col_text(2), s.col_text(3)};
      auto [it, fresh] = places.emplace(coord_key(s.col_double(0), s.col_double(1)), n);
      if (!fresh && fineness(n.kind) > fineness(it->second.kind)) it->second = std::move(n);
    }
    if (rc != SQLITE_DONE) return fail(rc, "reading places");
  }
  std::unordered_map<std::int64_t, std::int64_t> stories;
  {
    auto& s = stmt("SELECT id, story_id FROM articles WHERE story_id IS NOT NULL");
    PK_RETURN_IF_ERROR(check_prepared(s, "reading stories"));
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) stories[s.col_int(0)] = s.col_int(1);
    if (rc != SQLITE_DONE) return fail(rc, "reading stories");
  }
  auto& s = stmt(kQuickFocusPointsSql);
  PK_RETURN_IF_ERROR(check_prepared(s, "scanning quick focus points"));
  std::vector<FocusPoint> out;
  std::int64_t day = -1;
  std::string date;
  int rc;
  while ((rc = s.step()) == SQLITE_ROW) {
    FocusPoint fp;
    fp.id = s.col_int(0);
    fp.lat = s.col_double(1);
    fp.lon = s.col_double(2);
    const std::int64_t ts = s.col_int(3);
    const std::int64_t d = ts >= 0 ? ts / 86400 : (ts - 86399) / 86400;
    if (d != day) day = d, date = format_iso_utc(d * 86400).substr(0, 10);  // rows come day by day
    fp.date = date;
    auto place = places.find(coord_key(fp.lat, fp.lon));
    if (place != places.end()) {
      fp.place_kind = place->second.kind;
      fp.place_name = place->second.name;
    } else {
      fp.place_kind = "point";
    }
    if (auto st = stories.find(fp.id); st != stories.end()) fp.story_id = st->second;
    out.push_back(std::move(fp));
  }
  if (rc != SQLITE_DONE) return fail(rc, "scanning quick focus points");
  return out;
}

Result<std::vector<FocusPoint>> SqliteStore::focus_points_by_id(const std::vector<std::int64_t>& ids) {
  std::lock_guard lock(mu_);
  ReleaseReadTransactions release(db_);
  auto& s = stmt(std::string(kFocusPointColumns) + "WHERE a.id = ?1 AND a.focus_lat IS NOT NULL");
  PK_RETURN_IF_ERROR(check_prepared(s, "reading focus points"));
  std::vector<FocusPoint> out;
  out.reserve(ids.size());
  for (auto id : ids) {
    s.reset();
    s.bind(1, id);
    const int rc = s.step();
    if (rc == SQLITE_DONE) continue;
    if (rc != SQLITE_ROW) return fail(rc, "reading focus points");
    out.push_back(focus_point_from_row(s));
  }
  s.reset();
  return out;
}

}  // namespace

Result<std::unique_ptr<Store>> open_sqlite_store(const StoreOptions& options, const std::string& path) {
  namespace fs = std::filesystem;
  if (path.empty()) return Status::invalid("no database path given");
  std::error_code ec;
  fs::path parent = fs::path(path).parent_path();
  if (!options.read_only && !parent.empty() && !fs::exists(parent, ec)) {
    fs::create_directories(parent, ec);
    if (ec) return Status::io_error("cannot create data directory " + parent.string() + ": " + ec.message());
  }
  if (options.read_only && !fs::exists(path, ec)) return Status::not_found("database " + path + " does not exist");
  sqlite3* db = nullptr;
  int flags = options.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_close_v2(db);
    return sqlite_status(rc, "opening the database", path);
  }
  auto close_with = [&](const Status& st) -> Result<std::unique_ptr<Store>> {
    sqlite3_close_v2(db);
    return st;
  };
  sqlite3_busy_timeout(db, std::max(0, options.busy_timeout_ms));
  if (Status st = register_fts5_tokenizer(db); !st.is_ok()) return close_with(st);
  // Before anything opens article_fts: a table keeps the tokenizer it was first opened with.
  const bool verbatim_terms = register_verbatim_query_terms(db).is_ok();
  for (auto* fn : {"pk_dist_km"}) {
    sqlite3_create_function(db, fn, 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, sql_dist_km, nullptr, nullptr);
  }
  sqlite3_create_function(db, "pk_blend", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, sql_blend, nullptr, nullptr);
  if (!options.read_only) {
    // WAL: readers never block the writer and a killed writer leaves the last commit intact.
    rc = exec(db, "PRAGMA journal_mode=WAL");
    if (rc != SQLITE_OK) return close_with(sqlite_status(rc, "switching to WAL mode", path));
    exec(db, "PRAGMA synchronous=NORMAL");
    exec(db, fmt::format("PRAGMA wal_autocheckpoint={}", std::max(1, options.sqlite_wal_autocheckpoint_pages)).c_str());
  }
  exec(db, "PRAGMA foreign_keys=ON");
  // Page cache (an upper bound, filled lazily): 64 MB for readers; 256 MB for writers, whose
  // inserts land at random places in the date, region, dedup and FTS indexes — at 100k articles
  // (570 MB) 256 MB ingested 2–15 % faster than 64 MB in every paired run (docs/perf/store.md).
  exec(db, options.read_only ? "PRAGMA cache_size=-65536" : "PRAGMA cache_size=-262144");
  exec(db, "PRAGMA temp_store=MEMORY");
  if (options.sqlite_max_bytes > 0) {
    exec(db, fmt::format("PRAGMA max_page_count={}", std::max<std::int64_t>(1, options.sqlite_max_bytes / 4096)).c_str());
  }
  if (options.migrate && !options.read_only) {
    if (Status st = sqlite_migrate(db, path); !st.is_ok()) return close_with(st);
  }
  auto version = sqlite_schema_version(db, path);
  if (!version) return close_with(version.status());
  if (*version != kSqliteSchemaVersion) {
    return close_with(Status::unsupported(fmt::format(
        "{} has schema version {}, this binary needs {}: run `pressekarte migrate --db {}`", path, *version,
        kSqliteSchemaVersion, path)));
  }
  auto store = std::make_unique<SqliteStore>(db, path, options);
  store->set_verbatim_terms(verbatim_terms);
  if (Status st = store->init(); !st.is_ok()) return st;
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace pk::store
