// PostgreSQL + PostGIS backend over libpq. Several processes may ingest and query one
// database: duplicates are prevented by the unique dedup_key (INSERT … ON CONFLICT DO
// NOTHING), each batch is one transaction, and batches lock rows in key order so concurrent
// overlapping batches do not deadlock (a deadlock or serialization failure is retried).
#include <libpq-fe.h>

#include <algorithm>
#include <map>
#include <cmath>
#include <mutex>
#include <numeric>
#include <unordered_map>

#include <fmt/format.h>

#include "backends.h"
#include "pg_schema.h"
#include "pressekarte/text.h"
#include "record.h"
#include "region_resolve.h"

namespace pk::store {

namespace {

using Param = std::optional<std::string>;

std::string num(double v) { return fmt::format("{:.17g}", v); }
std::string num(std::int64_t v) { return std::to_string(v); }

// A PostgreSQL array literal of text values: {"a","b\"c"}.
std::string text_array(const std::vector<std::string>& v) {
  std::string out = "{";
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out += ',';
    out += '"';
    for (char c : v[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}
template <typename T>
std::string num_array(const std::vector<T>& v) {
  std::string out = "{";
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + num(v[i]);
  return out + "}";
}

// The URL without a password, for messages.
std::string redact(const std::string& url) {
  auto at = url.find('@');
  auto scheme = url.find("://");
  if (at == std::string::npos || scheme == std::string::npos) return url;
  auto colon = url.find(':', scheme + 3);
  if (colon != std::string::npos && colon < at) return url.substr(0, colon) + ":***" + url.substr(at);
  return url;
}

class PgResult {
 public:
  explicit PgResult(PGresult* r = nullptr) : r_(r) {}
  ~PgResult() { PQclear(r_); }
  PgResult(PgResult&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
  PgResult& operator=(PgResult&& o) noexcept {
    std::swap(r_, o.r_);
    return *this;
  }
  PGresult* get() const { return r_; }
  int rows() const { return PQntuples(r_); }
  bool null(int row, int col) const { return PQgetisnull(r_, row, col); }
  std::string text(int row, int col) const { return std::string(PQgetvalue(r_, row, col), PQgetlength(r_, row, col)); }
  std::int64_t i64(int row, int col) const { return std::strtoll(PQgetvalue(r_, row, col), nullptr, 10); }
  double f64(int row, int col) const { return std::strtod(PQgetvalue(r_, row, col), nullptr); }
  std::string sqlstate() const {
    const char* s = r_ ? PQresultErrorField(r_, PG_DIAG_SQLSTATE) : nullptr;
    return s ? s : "";
  }

 private:
  PGresult* r_;
};

class PgStore final : public Store {
 public:
  PgStore(PGconn* c, StoreOptions options) : conn_(c), options_(std::move(options)) {}
  ~PgStore() override { PQfinish(conn_); }

  Status migrate();
  Result<int> read_version();
  Result<std::vector<PutOutcome>> put_batch(const std::vector<ArticleRecord>& batch,
                                            std::vector<std::int64_t>* ids) override;
  Result<std::optional<StoredArticle>> get(std::int64_t id) override;
  Result<ArticlePage> query(const ArticleQuery& q) override;
  Status set_story(std::int64_t article_id, std::int64_t story_id) override;
  Result<std::int64_t> count() override;
  int schema_version() override { return version_; }
  Result<std::vector<FocusPoint>> focus_points(const ArticleQuery& filters) override;
  void set_version(int v) { version_ = v; }

 private:
  // Runs one statement; prepared once per connection when `prepare` is set.
  Result<PgResult> run(const std::string& sql, const std::vector<Param>& params, const std::string& what,
                       bool prepare = true);
  Status command(const std::string& sql, const std::string& what) {
    auto r = run(sql, {}, what, false);
    return r ? Status::ok() : r.status();
  }
  Status error_of(const PgResult& r, const std::string& what);
  Result<std::int64_t> place_id(const PlaceMention& p);
  Status insert_batch(const std::vector<ArticleRecord>& batch, const std::vector<std::size_t>& order,
                      std::vector<PutOutcome>& outcomes, std::vector<std::int64_t>& ids);
  Result<std::optional<StoredArticle>> load(std::int64_t id);
  Result<std::string> resolve_region(const std::string& name);

  PGconn* conn_;
  StoreOptions options_;
  int version_ = 0;
  std::mutex mu_;
  std::unordered_map<std::string, std::string> prepared_;  // sql → statement name
  std::unordered_map<std::string, std::int64_t> place_ids_;
};

Status PgStore::error_of(const PgResult& r, const std::string& what) {
  std::string state = r.sqlstate();
  if (PQstatus(conn_) != CONNECTION_OK || state.rfind("08", 0) == 0)
    return Status::io_error("lost the connection to PostgreSQL while " + what);
  if (state == "53100") return Status::io_error("PostgreSQL's disk is full while " + what);
  if (state.rfind("53", 0) == 0) return Status::io_error("PostgreSQL is out of resources while " + what);
  if (state == "25006") return Status::io_error("the PostgreSQL database is read-only while " + what);
  if (state == "42501") return Status::io_error("permission denied in PostgreSQL while " + what);
  if (state == "40P01" || state == "40001")
    return Status::io_error("concurrent update conflict while " + what + " (retry)");
  if (state == "57014") return Status::io_error("PostgreSQL cancelled the statement while " + what);
  return Status::internal("database error while " + what + " (SQLSTATE " + (state.empty() ? "?" : state) + ")");
}

Result<PgResult> PgStore::run(const std::string& sql, const std::vector<Param>& params, const std::string& what,
                              bool prepare) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  PgResult r;
  if (prepare) {
    auto it = prepared_.find(sql);
    if (it == prepared_.end()) {
      std::string name = "pk" + std::to_string(prepared_.size());
      PgResult pr(PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr));
      if (PQresultStatus(pr.get()) != PGRES_COMMAND_OK) return error_of(pr, what);
      it = prepared_.emplace(sql, name).first;
    }
    r = PgResult(PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(values.size()), values.data(), nullptr,
                                nullptr, 0));
  } else if (params.empty()) {
    r = PgResult(PQexec(conn_, sql.c_str()));
  } else {
    r = PgResult(PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                              nullptr, 0));
  }
  auto st = PQresultStatus(r.get());
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return error_of(r, what);
  return r;
}

Result<int> PgStore::read_version() {
  auto exists = run("SELECT to_regclass('schema_version') IS NOT NULL", {}, "reading the schema version", false);
  if (!exists) return exists.status();
  if (exists->text(0, 0) != "t") return 0;
  auto v = run("SELECT version FROM schema_version", {}, "reading the schema version", false);
  if (!v) return v.status();
  if (v->rows() != 1) return Status::corruption("the schema_version table of the PostgreSQL database is damaged");
  return static_cast<int>(v->i64(0, 0));
}

Status PgStore::migrate() {
  // One migrator at a time across processes: a transaction-scoped advisory lock.
  PK_RETURN_IF_ERROR(command("BEGIN", "starting a migration"));
  auto body = [&]() -> Status {
    PK_RETURN_IF_ERROR(command("SELECT pg_advisory_xact_lock(7273690611)", "locking for a migration"));
    auto has_postgis = run("SELECT 1 FROM pg_extension WHERE extname = 'postgis'", {}, "checking PostGIS", false);
    if (!has_postgis) return has_postgis.status();
    if (has_postgis->rows() == 0) {
      auto r = run("CREATE EXTENSION IF NOT EXISTS postgis", {}, "creating the postgis extension", false);
      if (!r)
        return Status::unsupported(
            "the PostgreSQL database has no PostGIS and this user may not create it: run `CREATE EXTENSION "
            "postgis` as a superuser (Debian package postgresql-15-postgis-3)");
    }
    auto v = read_version();
    if (!v) return v.status();
    if (*v > kPgSchemaVersion)
      return Status::unsupported(fmt::format(
          "the PostgreSQL database has schema version {}, newer than this binary understands ({})", *v,
          kPgSchemaVersion));
    for (int step = *v; step < kPgSchemaVersion; ++step)
      PK_RETURN_IF_ERROR(command(kPgSteps[step], "migrating the schema from version " + std::to_string(step)));
    return Status::ok();
  };
  Status st = body();
  if (st.is_ok()) st = command("COMMIT", "committing a migration");
  if (!st.is_ok()) command("ROLLBACK", "rolling back");
  return st;
}

Result<std::int64_t> PgStore::place_id(const PlaceMention& p) {
  std::string key = place_key(p);
  if (auto it = place_ids_.find(key); it != place_ids_.end()) return it->second;
  double lat = std::isfinite(p.lat) ? p.lat : 0, lon = std::isfinite(p.lon) ? p.lon : 0;
  auto ins = run(
      "INSERT INTO places(place_key, geonameid, name, name_fold, kind, country, admin1, admin2, lat, lon, geom) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, ST_SetSRID(ST_MakePoint($10, $9), 4326)) "
      "ON CONFLICT (place_key) DO NOTHING RETURNING id",
      {key, p.geonameid ? Param(std::to_string(*p.geonameid)) : Param(), p.name, fold_for_match(p.name), p.kind,
       p.country, p.admin1, p.admin2, num(lat), num(lon)},
      "storing place " + p.name);
  if (!ins) return ins.status();
  std::int64_t id;
  if (ins->rows() == 1) {
    id = ins->i64(0, 0);
  } else {
    auto sel = run("SELECT id FROM places WHERE place_key = $1", {key}, "storing place " + p.name);
    if (!sel) return sel.status();
    if (sel->rows() != 1) return Status::internal("place " + p.name + " vanished while storing it");
    id = sel->i64(0, 0);
  }
  if (place_ids_.size() > 500000) place_ids_.clear();
  place_ids_[key] = id;
  return id;
}

Status PgStore::insert_batch(const std::vector<ArticleRecord>& batch, const std::vector<std::size_t>& order,
                             std::vector<PutOutcome>& outcomes, std::vector<std::int64_t>& ids) {
  std::int64_t now = now_seconds();
  for (std::size_t i : order) {
    const ArticleRecord& r = batch[i];
    const Article& a = r.article;
    std::string key = dedup_key(a);
    std::int64_t ts = parse_iso_time(a.date).value_or(now);
    std::vector<std::int64_t> place_ids;
    std::vector<std::int64_t> ordinals, starts, ends;
    std::vector<double> confidences;
    std::vector<std::string> roles, fields, surfaces;
    for (std::size_t k = 0; k < r.geo.places.size(); ++k) {
      const auto& p = r.geo.places[k];
      auto pid = place_id(p);
      if (!pid) return pid.status();
      place_ids.push_back(*pid);
      ordinals.push_back(static_cast<std::int64_t>(k));
      starts.push_back(static_cast<std::int64_t>(p.start));
      ends.push_back(static_cast<std::int64_t>(p.end));
      confidences.push_back(std::isfinite(p.confidence) ? p.confidence : 0.0);
      roles.push_back(p.role);
      fields.push_back(p.field);
      surfaces.push_back(sanitize_utf8(p.surface));
    }
    auto regions_set = region_keys(r.geo);
    std::vector<std::string> regions(regions_set.begin(), regions_set.end());
    auto focus = focus_point(r);
    if (r.story_id) {
      auto s = run("INSERT INTO stories(id, first_seen, last_seen) VALUES ($1, $2, $2) ON CONFLICT (id) DO NOTHING",
                   {num(*r.story_id), num(ts)}, "storing a story");
      if (!s) return s.status();
    }
    Param focus_place = (r.geo.focus && *r.geo.focus < place_ids.size()) ? Param(num(place_ids[*r.geo.focus])) : Param();
    // One round trip per article: the mention and region rows are inserted only when the
    // article row was (the CTE yields no id on conflict).
    auto ins = run(
        "WITH a AS (INSERT INTO articles(dedup_key, url, canonical_url, content_hash, outlet, site_title, published, "
        "updated, sort_ts, language, title, lead, dateline, agency, author, focus_place_id, focus_lat, focus_lon, "
        "focus, story_id, ingested_at, doc, tsv) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,"
        "$17::float8,$18::float8,CASE WHEN $17 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($18::float8, "
        "$17::float8), 4326) END,$19,$20,$21,$22::tsvector) ON CONFLICT (dedup_key) DO NOTHING RETURNING id, sort_ts), "
        "m AS (INSERT INTO mentions(article_id, ordinal, place_id, role, field, start_cp, end_cp, surface, confidence) "
        "SELECT a.id, u.* FROM a, unnest($23::int[], $24::bigint[], $25::text[], $26::text[], $27::int[], "
        "$28::int[], $29::text[], $30::float8[]) AS u), "
        "r AS (INSERT INTO article_regions(region, sort_ts, article_id) SELECT u.region, a.sort_ts, a.id "
        "FROM a, unnest($31::text[]) AS u(region)) "
        "SELECT id FROM a",
        {key, a.url.empty() ? Param() : Param(sanitize_utf8(a.url)), sanitize_utf8(a.canonical_url),
         sanitize_utf8(a.content_hash), sanitize_utf8(a.outlet), sanitize_utf8(a.site_title), sanitize_utf8(a.date),
         sanitize_utf8(a.updated), num(ts), sanitize_utf8(a.language), sanitize_utf8(a.title), sanitize_utf8(a.lead),
         sanitize_utf8(a.dateline), sanitize_utf8(a.agency), sanitize_utf8(a.author), focus_place,
         focus ? Param(num(focus->lat)) : Param(), focus ? Param(num(focus->lon)) : Param(),
         r.story_id ? Param(num(*r.story_id)) : Param(), format_iso_utc(now), sanitize_utf8(encode_doc(a, r.geo)),
         tsvector_literal(indexed_text(a), lang_from_code(a.language)), num_array(ordinals), num_array(place_ids),
         text_array(roles), text_array(fields), num_array(starts), num_array(ends), text_array(surfaces),
         num_array(confidences), text_array(regions)},
        "storing article " + (a.url.empty() ? a.title.substr(0, 60) : a.url));
    if (!ins) return ins.status();
    if (ins->rows() == 1) {
      outcomes[i] = PutOutcome::kInserted;
      ids[i] = ins->i64(0, 0);
      if (r.story_id) {
        auto s = run("UPDATE stories SET first_seen = LEAST(first_seen, $2), last_seen = GREATEST(last_seen, $2), "
                     "canonical_article_id = COALESCE(canonical_article_id, $3), "
                     "size = (SELECT count(*) FROM articles WHERE story_id = $1) WHERE id = $1",
                     {num(*r.story_id), num(ts), num(ids[i])}, "storing a story");
        if (!s) return s.status();
      }
    } else {
      auto sel = run("SELECT id FROM articles WHERE dedup_key = $1", {key}, "looking up an article");
      if (!sel) return sel.status();
      if (sel->rows() != 1) return Status::internal("article " + key.substr(0, 80) + " neither inserted nor found");
      outcomes[i] = PutOutcome::kUnchanged;
      ids[i] = sel->i64(0, 0);
    }
  }
  return Status::ok();
}

Result<std::vector<PutOutcome>> PgStore::put_batch(const std::vector<ArticleRecord>& batch,
                                                   std::vector<std::int64_t>* ids_out) {
  std::lock_guard lock(mu_);
  if (options_.read_only) return Status::invalid("the store was opened read-only; cannot store articles");
  // Same lock order in every process: by dedup key.
  std::vector<std::size_t> order(batch.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<std::string> keys;
  for (const auto& r : batch) keys.push_back(dedup_key(r.article));
  std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) { return keys[x] < keys[y]; });
  // Places first, each committed on its own and in key order: they are shared by many
  // articles, and upserting them inside the batch would make concurrent batches wait on each
  // other (or deadlock). An unused place row is harmless.
  std::map<std::string, const PlaceMention*> places;
  for (const auto& r : batch)
    for (const auto& p : r.geo.places) places.emplace(place_key(p), &p);
  for (const auto& [key, p] : places) {
    auto id = place_id(*p);
    if (!id) return id.status();
  }
  Status last;
  for (int attempt = 0; attempt < 5; ++attempt) {
    std::vector<PutOutcome> outcomes(batch.size(), PutOutcome::kUnchanged);
    std::vector<std::int64_t> ids(batch.size(), 0);
    PK_RETURN_IF_ERROR(command("BEGIN", "starting a batch"));
    Status st = insert_batch(batch, order, outcomes, ids);
    if (st.is_ok()) st = command("COMMIT", "committing a batch");
    if (st.is_ok()) {
      if (ids_out) *ids_out = std::move(ids);
      return outcomes;
    }
    command("ROLLBACK", "rolling back a batch");
    last = st;
    if (st.message().find("(retry)") == std::string::npos) return st;
  }
  return last;
}

Result<std::optional<StoredArticle>> PgStore::load(std::int64_t id) {
  auto r = run("SELECT doc, story_id, ingested_at FROM articles WHERE id = $1", {num(id)}, "reading an article");
  if (!r) return r.status();
  if (r->rows() == 0) return std::optional<StoredArticle>();
  StoredArticle a;
  a.id = id;
  PK_RETURN_IF_ERROR(decode_doc(r->text(0, 0), &a.article, &a.geo));
  if (!r->null(0, 1)) a.story_id = r->i64(0, 1);
  a.ingested_at = r->text(0, 2);
  return std::optional<StoredArticle>(std::move(a));
}

Result<std::optional<StoredArticle>> PgStore::get(std::int64_t id) {
  std::lock_guard lock(mu_);
  return load(id);
}

Status PgStore::set_story(std::int64_t article_id, std::int64_t story_id) {
  std::lock_guard lock(mu_);
  if (options_.read_only) return Status::invalid("the store was opened read-only; cannot set a story");
  PK_RETURN_IF_ERROR(command("BEGIN", "starting a story update"));
  auto body = [&]() -> Status {
    auto sel = run("SELECT sort_ts FROM articles WHERE id = $1", {num(article_id)}, "setting a story");
    if (!sel) return sel.status();
    if (sel->rows() == 0) return Status::not_found("article " + std::to_string(article_id) + " does not exist");
    std::string ts = sel->text(0, 0);
    auto ins = run("INSERT INTO stories(id, canonical_article_id, first_seen, last_seen) VALUES ($1, $2, $3, $3) "
                   "ON CONFLICT (id) DO NOTHING",
                   {num(story_id), num(article_id), ts}, "setting a story");
    if (!ins) return ins.status();
    auto up = run("UPDATE articles SET story_id = $2 WHERE id = $1", {num(article_id), num(story_id)}, "setting a story");
    if (!up) return up.status();
    auto st = run("UPDATE stories SET first_seen = LEAST(first_seen, $2::bigint), last_seen = GREATEST(last_seen, "
                  "$2::bigint), size = (SELECT count(*) FROM articles WHERE story_id = $1) WHERE id = $1",
                  {num(story_id), ts}, "setting a story");
    return st ? Status::ok() : st.status();
  };
  Status st = body();
  if (st.is_ok()) st = command("COMMIT", "committing a story update");
  if (!st.is_ok()) command("ROLLBACK", "rolling back");
  return st;
}

Result<std::int64_t> PgStore::count() {
  std::lock_guard lock(mu_);
  auto r = run("SELECT count(*) FROM articles", {}, "counting articles");
  if (!r) return r.status();
  return r->i64(0, 0);
}

Result<std::string> PgStore::resolve_region(const std::string& name) {
  return resolve_region_name(name, options_, [&](const std::string& folded) -> Result<std::vector<PlaceRow>> {
    auto r = run("SELECT kind, country, admin1, admin2, geonameid FROM places WHERE name_fold = $1 LIMIT 50",
                 {folded}, "resolving a region name");
    if (!r) return r.status();
    std::vector<PlaceRow> rows;
    for (int i = 0; i < r->rows(); ++i) {
      PlaceRow row{r->text(i, 0), r->text(i, 1), r->text(i, 2), r->text(i, 3), std::nullopt, 0};
      if (!r->null(i, 4)) row.geonameid = r->i64(i, 4);
      rows.push_back(row);
    }
    return rows;
  });
}

struct PgFilters {
  std::string sql;
  std::vector<Param> args;
  std::string arg(Param v) {
    args.push_back(std::move(v));
    return "$" + std::to_string(args.size());
  }
  void add(const std::string& clause) { sql += " AND " + clause; }
};

std::string haversine_sql(const std::string& lat, const std::string& lon, const std::string& plat,
                          const std::string& plon) {
  return fmt::format(
      "2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians({2} - {0}) / 2), 2) + cos(radians({0})) * "
      "cos(radians({2})) * power(sin(radians({3} - {1}) / 2), 2))))",
      lat, lon, plat, plon);
}

Result<ArticlePage> PgStore::query(const ArticleQuery& q) {
  auto planned = plan_query(q);
  if (!planned) return planned.status();
  PlannedQuery& p = planned.value();
  std::lock_guard lock(mu_);
  if (!p.region_name.empty()) {
    auto key = resolve_region(p.region_name);
    if (!key) return key.status();
    p.region_key = *key;
  }
  PgFilters f;
  std::string from = "articles a";
  if (!p.region_key.empty()) {
    from = "article_regions g JOIN articles a ON a.id = g.article_id AND g.sort_ts = a.sort_ts";
    f.add("g.region = " + f.arg(p.region_key));
  }
  if (p.bbox) {
    f.add(fmt::format("a.focus && ST_MakeEnvelope({}, {}, {}, {}, 4326)", f.arg(num(p.bbox->west)),
                      f.arg(num(p.bbox->south)), f.arg(num(p.bbox->east)), f.arg(num(p.bbox->north))));
    f.add(fmt::format("a.focus_lat BETWEEN {}::float8 AND {}::float8 AND a.focus_lon BETWEEN {}::float8 AND {}::float8",
                      f.arg(num(p.bbox->south)), f.arg(num(p.bbox->north)), f.arg(num(p.bbox->west)),
                      f.arg(num(p.bbox->east))));
  }
  if (p.near) {
    const BBox& b = *p.radius_box;
    f.add(fmt::format("a.focus && ST_MakeEnvelope({}, {}, {}, {}, 4326)", f.arg(num(b.west)), f.arg(num(b.south)),
                      f.arg(num(b.east)), f.arg(num(b.north))));
    std::string plat = f.arg(num(p.near->lat)) + "::float8", plon = f.arg(num(p.near->lon)) + "::float8";
    f.add(haversine_sql("a.focus_lat", "a.focus_lon", plat, plon) + " <= " + f.arg(num(p.radius_km)) + "::float8");
  }
  std::string tsq;
  if (p.text) {
    tsq = f.arg(tsquery_expression(*p.text)) + "::tsquery";
    f.add("a.tsv @@ " + tsq);
  }
  if (p.since_ts) f.add("a.sort_ts >= " + f.arg(num(*p.since_ts)) + "::bigint");
  if (p.until_ts) f.add("a.sort_ts <= " + f.arg(num(*p.until_ts)) + "::bigint");
  if (!p.outlet.empty()) f.add("a.outlet = " + f.arg(p.outlet));
  if (!p.language.empty()) f.add("a.language = " + f.arg(p.language));
  if (p.story_id) f.add("a.story_id = " + f.arg(num(*p.story_id)) + "::bigint");
  const std::string n = f.arg(num(static_cast<std::int64_t>(p.limit + 1)));
  std::string sql;
  if (p.by_relevance) {
    std::string score = fmt::format(
        "ts_rank(a.tsv, {})::float8 * (0.5 + 0.5 / (1.0 + greatest(0, {}::bigint - a.sort_ts)::float8 / 31557600.0))",
        tsq, f.arg(num(p.now)));
    sql = "SELECT id, sort_ts, score FROM (SELECT a.id, a.sort_ts, " + score + " AS score FROM " + from + " WHERE true" +
          f.sql + ") s";
    if (p.cursor) {
      std::string cs = f.arg(num(p.cursor->score)) + "::float8";
      sql += " WHERE (score < " + cs + " OR (score = " + cs + " AND id < " + f.arg(num(p.cursor->id)) + "::bigint))";
    }
    sql += " ORDER BY score DESC, id DESC LIMIT " + n + "::bigint";
  } else {
    if (p.cursor)
      f.add("(a.sort_ts, a.id) < (" + f.arg(num(p.cursor->ts)) + "::bigint, " + f.arg(num(p.cursor->id)) + "::bigint)");
    sql = "SELECT a.id, a.sort_ts, 0::float8 FROM " + from + " WHERE true" + f.sql +
          " ORDER BY a.sort_ts DESC, a.id DESC LIMIT " + n + "::bigint";
  }
  auto r = run(sql, f.args, "searching", false);
  if (!r) return r.status();
  ArticlePage page;
  int rows = std::min<int>(r->rows(), static_cast<int>(p.limit));
  for (int i = 0; i < rows; ++i) {
    auto a = load(r->i64(i, 0));
    if (!a) return a.status();
    if (!a.value()) continue;
    StoredArticle art = std::move(*a.value());
    art.score = r->f64(i, 2);
    page.items.push_back(std::move(art));
  }
  if (r->rows() > static_cast<int>(p.limit) && rows > 0) {
    Cursor c{p.by_relevance, r->f64(rows - 1, 2), r->i64(rows - 1, 1), r->i64(rows - 1, 0), p.now};
    page.next_cursor = encode_cursor(c);
  }
  return page;
}

// One query over the indexed columns of `articles` (never the JSON document), with the focus
// place's kind and name from `places`; the filters are those of query().
Result<std::vector<FocusPoint>> PgStore::focus_points(const ArticleQuery& filters) {
  ArticleQuery unpaged = filters;
  unpaged.cursor.clear();
  unpaged.sort = "date";
  auto planned = plan_query(unpaged);
  if (!planned) return planned.status();
  PlannedQuery& p = planned.value();
  std::lock_guard lock(mu_);
  if (!p.region_name.empty()) {
    auto key = resolve_region(p.region_name);
    if (!key) return key.status();
    p.region_key = *key;
  }
  PgFilters f;
  if (!p.region_key.empty())
    f.add("EXISTS (SELECT 1 FROM article_regions g WHERE g.region = " + f.arg(p.region_key) +
          " AND g.sort_ts = a.sort_ts AND g.article_id = a.id)");
  if (p.bbox)
    f.add(fmt::format("a.focus_lat BETWEEN {}::float8 AND {}::float8 AND a.focus_lon BETWEEN {}::float8 AND {}::float8",
                      f.arg(num(p.bbox->south)), f.arg(num(p.bbox->north)), f.arg(num(p.bbox->west)),
                      f.arg(num(p.bbox->east))));
  if (p.near) {
    const BBox& b = *p.radius_box;
    f.add(fmt::format("a.focus_lat BETWEEN {}::float8 AND {}::float8 AND a.focus_lon BETWEEN {}::float8 AND {}::float8",
                      f.arg(num(b.south)), f.arg(num(b.north)), f.arg(num(b.west)), f.arg(num(b.east))));
    std::string plat = f.arg(num(p.near->lat)) + "::float8", plon = f.arg(num(p.near->lon)) + "::float8";
    f.add(haversine_sql("a.focus_lat", "a.focus_lon", plat, plon) + " <= " + f.arg(num(p.radius_km)) + "::float8");
  }
  if (p.text) f.add("a.tsv @@ " + f.arg(tsquery_expression(*p.text)) + "::tsquery");
  if (p.since_ts) f.add("a.sort_ts >= " + f.arg(num(*p.since_ts)) + "::bigint");
  if (p.until_ts) f.add("a.sort_ts <= " + f.arg(num(*p.until_ts)) + "::bigint");
  if (!p.outlet.empty()) f.add("a.outlet = " + f.arg(p.outlet));
  if (!p.language.empty()) f.add("a.language = " + f.arg(p.language));
  if (p.story_id) f.add("a.story_id = " + f.arg(num(*p.story_id)) + "::bigint");
  const std::string sql = fmt::format(
      "SELECT a.id, a.focus_lat, a.focus_lon, a.published, "
      "CASE WHEN pl.id IS NOT NULL AND abs(pl.lat) <= 90 AND abs(pl.lon) <= 180 THEN pl.kind ELSE 'point' END, "
      "CASE WHEN pl.id IS NULL THEN '' WHEN pl.name <> '' THEN pl.name ELSE coalesce((SELECT m.surface FROM mentions m "
      "WHERE m.article_id = a.id AND m.place_id = a.focus_place_id ORDER BY m.ordinal LIMIT 1), '') END, "
      "a.story_id, left(a.title, {}), CASE WHEN a.outlet <> '' THEN a.outlet ELSE a.site_title END, a.language "
      "FROM articles a LEFT JOIN places pl ON pl.id = a.focus_place_id WHERE a.focus_lat IS NOT NULL{} "
      "ORDER BY a.sort_ts DESC, a.id DESC",
      kFocusTitleMaxChars, f.sql);
  auto r = run(sql, f.args, "scanning focus points", false);
  if (!r) return r.status();
  std::vector<FocusPoint> out;
  out.reserve(static_cast<std::size_t>(r->rows()));
  for (int i = 0; i < r->rows(); ++i) {
    FocusPoint fp;
    fp.id = r->i64(i, 0);
    fp.lat = r->f64(i, 1);
    fp.lon = r->f64(i, 2);
    fp.date = r->text(i, 3);
    fp.place_kind = r->text(i, 4);
    fp.place_name = r->text(i, 5);
    if (!r->null(i, 6)) fp.story_id = r->i64(i, 6);
    fp.title = r->text(i, 7);
    fp.outlet = r->text(i, 8);
    fp.language = r->text(i, 9);
    out.push_back(std::move(fp));
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<Store>> open_pg_store(const StoreOptions& options) {
  PGconn* c = PQconnectdb(options.db.c_str());
  if (c == nullptr) return Status::io_error("out of memory connecting to PostgreSQL");
  if (PQstatus(c) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(c);
    PQfinish(c);
    if (auto nl = msg.find('\n'); nl != std::string::npos) msg = msg.substr(0, nl);
    return Status::io_error("cannot connect to PostgreSQL at " + redact(options.db) + ": " + msg);
  }
  PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);  // NOTICEs are not for users
  auto store = std::make_unique<PgStore>(c, options);
  if (options.migrate && !options.read_only) PK_RETURN_IF_ERROR(store->migrate());
  auto v = store->read_version();
  if (!v) return v.status();
  if (*v != kPgSchemaVersion)
    return Status::unsupported(fmt::format("the PostgreSQL database has schema version {}, this binary needs {}: run "
                                           "`pressekarte migrate --db …`",
                                           *v, kPgSchemaVersion));
  store->set_version(*v);
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace pk::store
