// PostgreSQL + PostGIS backend over libpq. Several processes may ingest and query one
// database: duplicates are prevented by the unique dedup_key (INSERT … ON CONFLICT DO
// NOTHING), each batch is one transaction, and batches lock rows in key order so concurrent
// overlapping batches do not deadlock (a deadlock or serialization failure is retried).
#include <libpq-fe.h>

#include <algorithm>
#include <limits>
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
  Status detect_indexes();

 private:
  // Runs one statement; prepared once per connection when `prepare` is set.
  Result<PgResult> run(const std::string& sql, const std::vector<Param>& params, const std::string& what,
                       bool prepare = true);
  Status command(const std::string& sql, const std::string& what) {
    auto r = run(sql, {}, what, false);
    return r ? Status::ok() : r.status();
  }
  Status error_of(const PgResult& r, const std::string& what);
  Status store_places(const std::map<std::string, const PlaceMention*>& places);
  Status insert_batch(const std::vector<ArticleRecord>& batch, const std::vector<std::size_t>& order,
                      std::vector<PutOutcome>& outcomes, std::vector<std::int64_t>& ids);
  Result<std::optional<StoredArticle>> load(std::int64_t id);
  Result<std::string> resolve_region(const std::string& name);

  PGconn* conn_;
  StoreOptions options_;
  int version_ = 0;
  bool has_rum_ = false;  // articles_tsv_rum exists: text sorted by date walks it (schema v4)
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

Status PgStore::detect_indexes() {
  // The index and its ordering operator (the extension's schema must be on the search_path).
  auto r = run("SELECT to_regclass('articles_tsv_rum') IS NOT NULL AND to_regoperator('<=|(bigint,bigint)') IS NOT NULL",
               {}, "checking the text index", false);
  if (!r) return r.status();
  has_rum_ = r->text(0, 0) == "t";
  return Status::ok();
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

// A PostgreSQL array literal built value by value: strings quoted and escaped, NULL for absent
// values, so one parameter carries a whole column of a batch.
class PgArray {
 public:
  void add(std::string_view v) {
    sep();
    out_ += '"';
    for (char c : v) {
      if (c == '"' || c == '\\') out_ += '\\';
      out_ += c;
    }
    out_ += '"';
  }
  void add(const std::string& v) { add(std::string_view(v)); }
  void add(const char* v) { add(std::string_view(v)); }
  void add(const Param& v) {
    if (v) {
      add(std::string_view(*v));
    } else {
      sep();
      out_ += "NULL";
    }
  }
  void add_num(std::int64_t v) { sep(), out_ += std::to_string(v); }
  void add_num(double v) { sep(), out_ += num(v); }
  std::string str() const { return out_ + "}"; }

 private:
  void sep() {
    if (out_.size() > 1) out_ += ',';
  }
  std::string out_ = "{";
};

Status PgStore::store_places(const std::map<std::string, const PlaceMention*>& places) {
  // New places in one statement, in key order (the lock order of every process); committed on
  // their own, outside the batch: an unused place row is harmless.
  PgArray keys, geonameids, names, folds, kinds, countries, admin1s, admin2s, lats, lons;
  std::size_t n = 0;
  for (const auto& [key, p] : places) {
    if (place_ids_.count(key)) continue;
    ++n;
    keys.add(key);
    geonameids.add(p->geonameid ? Param(std::to_string(*p->geonameid)) : Param());
    names.add(sanitize_utf8(p->name));
    folds.add(fold_for_match(p->name));
    kinds.add(p->kind);
    countries.add(p->country);
    admin1s.add(p->admin1);
    admin2s.add(p->admin2);
    lats.add_num(std::isfinite(p->lat) ? p->lat : 0.0);
    lons.add_num(std::isfinite(p->lon) ? p->lon : 0.0);
  }
  if (n == 0) return Status::ok();
  auto ins = run(
      "INSERT INTO places(place_key, geonameid, name, name_fold, kind, country, admin1, admin2, lat, lon, geom) "
      "SELECT u.k, u.g, u.n, u.f, u.kind, u.c, u.a1, u.a2, u.lat, u.lon, ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326) "
      "FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], "
      "$9::float8[], $10::float8[]) AS u(k, g, n, f, kind, c, a1, a2, lat, lon) ORDER BY u.k "
      "ON CONFLICT (place_key) DO NOTHING",
      {keys.str(), geonameids.str(), names.str(), folds.str(), kinds.str(), countries.str(), admin1s.str(),
       admin2s.str(), lats.str(), lons.str()},
      "storing places");
  if (!ins) return ins.status();
  auto sel = run("SELECT place_key, id FROM places WHERE place_key = ANY($1::text[])", {keys.str()}, "storing places");
  if (!sel) return sel.status();
  if (place_ids_.size() > 500000) place_ids_.clear();
  for (int i = 0; i < sel->rows(); ++i) place_ids_[sel->text(i, 0)] = sel->i64(i, 1);
  for (const auto& [key, p] : places)
    if (!place_ids_.count(key)) return Status::internal("place " + p->name + " vanished while storing it");
  return Status::ok();
}

// The whole batch in one round trip: every column is an array parameter; the articles are
// inserted in dedup-key order with ON CONFLICT DO NOTHING (the unique key decides under
// concurrent ingest), and mentions and region rows are inserted only for the articles that were.
Status PgStore::insert_batch(const std::vector<ArticleRecord>& batch, const std::vector<std::size_t>& order,
                             std::vector<PutOutcome>& outcomes, std::vector<std::int64_t>& ids) {
  const std::int64_t now = now_seconds();
  const std::string ingested_at = format_iso_utc(now);
  PgArray idx, keys, urls, canonical, hashes, outlets, site_titles, published, updated, sort_ts, languages, titles,
      leads, datelines, agencies, authors, focus_places, focus_lats, focus_lons, story_ids, ingested, docs, tsvs;
  PgArray m_idx, m_ordinal, m_place, m_role, m_field, m_start, m_end, m_surface, m_conf;
  PgArray r_idx, r_region;
  std::unordered_map<std::string, std::size_t> first_of_key;  // a key twice in one batch: stored once
  std::vector<std::size_t> duplicates;
  std::map<std::int64_t, std::int64_t> story_first_ts;
  std::vector<std::int64_t> ts_of(batch.size(), 0);
  for (std::size_t i : order) {
    const ArticleRecord& r = batch[i];
    const Article& a = r.article;
    std::string key = dedup_key(a);
    if (!first_of_key.emplace(key, i).second) {
      duplicates.push_back(i);
      continue;
    }
    const std::int64_t ts = parse_iso_time(a.date).value_or(now);
    ts_of[i] = ts;
    const auto n = static_cast<std::int64_t>(i);
    std::vector<std::int64_t> place_ids;
    for (std::size_t k = 0; k < r.geo.places.size(); ++k) {
      const auto& p = r.geo.places[k];
      place_ids.push_back(place_ids_.at(place_key(p)));
      m_idx.add_num(n);
      m_ordinal.add_num(static_cast<std::int64_t>(k));
      m_place.add_num(place_ids.back());
      m_role.add(p.role);
      m_field.add(p.field);
      m_start.add_num(static_cast<std::int64_t>(p.start));
      m_end.add_num(static_cast<std::int64_t>(p.end));
      m_surface.add(sanitize_utf8(p.surface));
      m_conf.add_num(std::isfinite(p.confidence) ? p.confidence : 0.0);
    }
    for (const auto& region : region_keys(r.geo)) r_idx.add_num(n), r_region.add(region);
    auto focus = focus_point(r);
    idx.add_num(n);
    keys.add(key);
    urls.add(a.url.empty() ? Param() : Param(sanitize_utf8(a.url)));
    canonical.add(sanitize_utf8(a.canonical_url));
    hashes.add(sanitize_utf8(a.content_hash));
    outlets.add(sanitize_utf8(a.outlet));
    site_titles.add(sanitize_utf8(a.site_title));
    published.add(sanitize_utf8(a.date));
    updated.add(sanitize_utf8(a.updated));
    sort_ts.add_num(ts);
    languages.add(sanitize_utf8(a.language));
    titles.add(sanitize_utf8(a.title));
    leads.add(sanitize_utf8(a.lead));
    datelines.add(sanitize_utf8(a.dateline));
    agencies.add(sanitize_utf8(a.agency));
    authors.add(sanitize_utf8(a.author));
    focus_places.add((r.geo.focus && *r.geo.focus < place_ids.size()) ? Param(num(place_ids[*r.geo.focus])) : Param());
    focus_lats.add(focus ? Param(num(focus->lat)) : Param());
    focus_lons.add(focus ? Param(num(focus->lon)) : Param());
    story_ids.add(r.story_id ? Param(num(*r.story_id)) : Param());
    ingested.add(ingested_at);
    docs.add(sanitize_utf8(encode_doc(a, r.geo)));
    tsvs.add(tsvector_literal(indexed_text(a), lang_from_code(a.language)));
    if (r.story_id) story_first_ts.emplace(*r.story_id, ts);
  }
  // The story rows must exist before articles reference them.
  for (const auto& [story, ts] : story_first_ts) {
    auto s = run("INSERT INTO stories(id, first_seen, last_seen) VALUES ($1, $2, $2) ON CONFLICT (id) DO NOTHING",
                 {num(story), num(ts)}, "storing a story");
    if (!s) return s.status();
  }
  auto ins = run(
      "WITH u AS (SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], "
      "$7::text[], $8::text[], $9::text[], $10::bigint[], $11::text[], $12::text[], $13::text[], $14::text[], "
      "$15::text[], $16::text[], $17::bigint[], $18::float8[], $19::float8[], $20::bigint[], $21::text[], $22::text[], "
      "$23::text[]) AS u(idx, dedup_key, url, canonical_url, content_hash, outlet, site_title, published, updated, "
      "sort_ts, language, title, lead, dateline, agency, author, focus_place_id, focus_lat, focus_lon, story_id, "
      "ingested_at, doc, tsv)), "
      "a AS (INSERT INTO articles(dedup_key, url, canonical_url, content_hash, outlet, site_title, published, updated, "
      "sort_ts, language, title, lead, dateline, agency, author, focus_place_id, focus_lat, focus_lon, focus, "
      "story_id, ingested_at, doc, tsv) SELECT dedup_key, url, canonical_url, content_hash, outlet, site_title, "
      "published, updated, sort_ts, language, title, lead, dateline, agency, author, focus_place_id, focus_lat, "
      "focus_lon, CASE WHEN focus_lat IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(focus_lon, focus_lat), 4326) "
      "END, story_id, ingested_at, doc, tsv::tsvector FROM u ORDER BY dedup_key "
      "ON CONFLICT (dedup_key) DO NOTHING RETURNING id, dedup_key, sort_ts), "
      "ai AS (SELECT a.id, a.sort_ts, u.idx FROM a JOIN u USING (dedup_key)), "
      "m AS (INSERT INTO mentions(article_id, ordinal, place_id, role, field, start_cp, end_cp, surface, confidence) "
      "SELECT ai.id, v.ordinal, v.place_id, v.role, v.field, v.start_cp, v.end_cp, v.surface, v.confidence "
      "FROM unnest($24::int[], $25::int[], $26::bigint[], $27::text[], $28::text[], $29::int[], $30::int[], "
      "$31::text[], $32::float8[]) AS v(idx, ordinal, place_id, role, field, start_cp, end_cp, surface, confidence) "
      "JOIN ai ON ai.idx = v.idx), "
      "r AS (INSERT INTO article_regions(region, sort_ts, article_id) SELECT w.region, ai.sort_ts, ai.id "
      "FROM unnest($33::int[], $34::text[]) AS w(idx, region) JOIN ai ON ai.idx = w.idx) "
      "SELECT idx, id FROM ai",
      {idx.str(), keys.str(), urls.str(), canonical.str(), hashes.str(), outlets.str(), site_titles.str(),
       published.str(), updated.str(), sort_ts.str(), languages.str(), titles.str(), leads.str(), datelines.str(),
       agencies.str(), authors.str(), focus_places.str(), focus_lats.str(), focus_lons.str(), story_ids.str(),
       ingested.str(), docs.str(), tsvs.str(), m_idx.str(), m_ordinal.str(), m_place.str(), m_role.str(),
       m_field.str(), m_start.str(), m_end.str(), m_surface.str(), m_conf.str(), r_idx.str(), r_region.str()},
      fmt::format("storing a batch of {} articles", batch.size()));
  if (!ins) return ins.status();
  for (int row = 0; row < ins->rows(); ++row) {
    auto i = static_cast<std::size_t>(ins->i64(row, 0));
    outcomes[i] = PutOutcome::kInserted;
    ids[i] = ins->i64(row, 1);
  }
  // Articles that were already stored (by another batch or process): look their ids up.
  PgArray missing;
  std::size_t n_missing = 0;
  for (const auto& [key, i] : first_of_key)
    if (outcomes[i] != PutOutcome::kInserted) missing.add(key), ++n_missing;
  if (n_missing > 0) {
    auto sel = run("SELECT dedup_key, id FROM articles WHERE dedup_key = ANY($1::text[])", {missing.str()},
                   "looking up articles");
    if (!sel) return sel.status();
    for (int row = 0; row < sel->rows(); ++row) ids[first_of_key.at(sel->text(row, 0))] = sel->i64(row, 1);
    for (const auto& [key, i] : first_of_key)
      if (ids[i] == 0) return Status::internal("article " + key.substr(0, 80) + " neither inserted nor found");
  }
  for (std::size_t i : duplicates) ids[i] = ids[first_of_key.at(dedup_key(batch[i].article))];
  // Story bookkeeping for the new members, in story order.
  std::map<std::int64_t, std::int64_t> first_member;  // story → first new article (key order)
  for (std::size_t i : order)
    if (outcomes[i] == PutOutcome::kInserted && batch[i].story_id) first_member.emplace(*batch[i].story_id, ids[i]);
  for (const auto& [story, article_id] : first_member) {
    std::int64_t lo = INT64_MAX, hi = INT64_MIN;
    for (std::size_t i : order)
      if (outcomes[i] == PutOutcome::kInserted && batch[i].story_id == story)
        lo = std::min(lo, ts_of[i]), hi = std::max(hi, ts_of[i]);
    auto s = run("UPDATE stories SET first_seen = LEAST(first_seen, $2), last_seen = GREATEST(last_seen, $3), "
                 "canonical_article_id = COALESCE(canonical_article_id, $4), "
                 "size = (SELECT count(*) FROM articles WHERE story_id = $1) WHERE id = $1",
                 {num(story), num(lo), num(hi), num(article_id)}, "storing a story");
    if (!s) return s.status();
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
  PK_RETURN_IF_ERROR(store_places(places));
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
    // Joined by id only: a second, redundant condition on sort_ts made the planner expect one row
    // and hash-join the whole region (400 ms for country:DE at 300k instead of 0.8 ms).
    from = "article_regions g JOIN articles a ON a.id = g.article_id";
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
    // With a region, order by the region index's own columns (equal to the article's by the
    // join), so the planner walks (region, sort_ts, article_id) backwards and stops after a page
    // instead of sorting every article of the region.
    const std::string ts = p.region_key.empty() ? "a.sort_ts" : "g.sort_ts";
    const std::string id = p.region_key.empty() ? "a.id" : "g.article_id";
    if (p.cursor)
      f.add("(" + ts + ", " + id + ") < (" + f.arg(num(p.cursor->ts)) + "::bigint, " + f.arg(num(p.cursor->id)) +
            "::bigint)");
    if (p.text && p.region_key.empty() && has_rum_) {
      // The RUM index returns the word's matches newest first (distance `<=|` from the upper
      // bound); it cannot break ties by id, so the rows of the page's oldest second are
      // re-read exactly (few rows, by the date index) and the union is ordered by (date, id).
      std::int64_t upper = std::numeric_limits<std::int64_t>::max();
      if (p.until_ts) upper = *p.until_ts;
      if (p.cursor) upper = std::min(upper, p.cursor->ts);
      const std::string u = f.arg(num(upper)) + "::bigint";
      sql = "WITH c AS MATERIALIZED (SELECT a.id, a.sort_ts FROM articles a WHERE true" + f.sql +
            " ORDER BY a.sort_ts <=| " + u + " LIMIT " + n + "::bigint) "
            "SELECT id, sort_ts, 0::float8 FROM (SELECT id, sort_ts FROM c UNION SELECT a.id, a.sort_ts FROM articles a "
            "WHERE a.sort_ts = (SELECT min(sort_ts) FROM c)" + f.sql + ") page ORDER BY sort_ts DESC, id DESC LIMIT " +
            n + "::bigint";
    } else {
      sql = "SELECT a.id, a.sort_ts, 0::float8 FROM " + from + " WHERE true" + f.sql + " ORDER BY " + ts + " DESC, " +
            id + " DESC LIMIT " + n + "::bigint";
    }
  }
  auto r = run(sql, f.args, "searching", false);
  if (!r) return r.status();
  ArticlePage page;
  int rows = std::min<int>(r->rows(), static_cast<int>(p.limit));
  // The page's documents in one round trip.
  std::string id_list = "{";
  for (int i = 0; i < rows; ++i) id_list += (i ? "," : "") + r->text(i, 0);
  id_list += "}";
  auto docs = run("SELECT id, doc, story_id, ingested_at FROM articles WHERE id = ANY($1::bigint[])", {id_list},
                  "reading articles");
  if (!docs) return docs.status();
  std::unordered_map<std::int64_t, int> row_of;
  for (int i = 0; i < docs->rows(); ++i) row_of[docs->i64(i, 0)] = i;
  for (int i = 0; i < rows; ++i) {
    auto it = row_of.find(r->i64(i, 0));
    if (it == row_of.end()) continue;
    StoredArticle art;
    art.id = it->first;
    PK_RETURN_IF_ERROR(decode_doc(docs->text(it->second, 1), &art.article, &art.geo));
    if (!docs->null(it->second, 2)) art.story_id = docs->i64(it->second, 2);
    art.ingested_at = docs->text(it->second, 3);
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
  PK_RETURN_IF_ERROR(store->detect_indexes());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace pk::store
