#include "sqlite_schema.h"

#include <algorithm>
#include <string>

#include "fts5_tokenizer.h"
#include "record.h"
#include "sqlite_util.h"

namespace pk::store {

const char* const kSqliteSchemaV1 = R"sql(
CREATE TABLE schema_version(version INTEGER NOT NULL);
CREATE TABLE places(
  id INTEGER PRIMARY KEY,
  place_key TEXT NOT NULL UNIQUE,
  geonameid INTEGER,
  name TEXT NOT NULL,
  name_fold TEXT NOT NULL,
  kind TEXT NOT NULL,
  country TEXT NOT NULL,
  admin1 TEXT NOT NULL,
  admin2 TEXT NOT NULL,
  lat REAL NOT NULL,
  lon REAL NOT NULL);
CREATE INDEX places_name ON places(name_fold);
CREATE TABLE stories(
  id INTEGER PRIMARY KEY,
  canonical_article_id INTEGER,
  first_seen INTEGER,
  last_seen INTEGER,
  size INTEGER NOT NULL DEFAULT 0);
CREATE TABLE articles(
  id INTEGER PRIMARY KEY,
  dedup_key TEXT NOT NULL UNIQUE,
  url TEXT,
  canonical_url TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  outlet TEXT NOT NULL,
  site_title TEXT NOT NULL,
  published TEXT NOT NULL,
  updated TEXT NOT NULL,
  sort_ts INTEGER NOT NULL,
  language TEXT NOT NULL,
  title TEXT NOT NULL,
  lead TEXT NOT NULL,
  dateline TEXT NOT NULL,
  agency TEXT NOT NULL,
  author TEXT NOT NULL,
  focus_place_id INTEGER REFERENCES places(id),
  focus_lat REAL,
  focus_lon REAL,
  story_id INTEGER REFERENCES stories(id),
  ingested_at TEXT NOT NULL,
  doc TEXT NOT NULL);
CREATE INDEX articles_date ON articles(sort_ts, id, focus_lat, focus_lon);
CREATE INDEX articles_hash ON articles(content_hash);
CREATE INDEX articles_story ON articles(story_id) WHERE story_id IS NOT NULL;
CREATE TABLE mentions(
  article_id INTEGER NOT NULL REFERENCES articles(id),
  ordinal INTEGER NOT NULL,
  place_id INTEGER NOT NULL REFERENCES places(id),
  role TEXT NOT NULL,
  field TEXT NOT NULL,
  start_cp INTEGER NOT NULL,
  end_cp INTEGER NOT NULL,
  surface TEXT NOT NULL,
  confidence REAL NOT NULL,
  PRIMARY KEY(article_id, ordinal)) WITHOUT ROWID;
CREATE INDEX mentions_place ON mentions(place_id);
CREATE VIRTUAL TABLE article_fts USING fts5(title, lead, body, content='', tokenize='pk_text');
CREATE VIRTUAL TABLE focus_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat, +lat, +lon, +sort_ts);
INSERT INTO schema_version(version) VALUES (1);
)sql";

namespace {

// v1 → v2: region index (article × country/admin1/admin2/place, ordered by date) so region
// queries read one index range; outlet index. Backfilled from mentions.
const char* const kV1ToV2 = R"sql(
CREATE TABLE article_regions(
  region TEXT NOT NULL,
  sort_ts INTEGER NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  PRIMARY KEY(region, sort_ts, article_id)) WITHOUT ROWID;
INSERT OR IGNORE INTO article_regions(region, sort_ts, article_id)
  SELECT 'country:' || p.country, a.sort_ts, a.id
  FROM mentions m JOIN places p ON p.id = m.place_id JOIN articles a ON a.id = m.article_id
  WHERE p.country <> '';
INSERT OR IGNORE INTO article_regions(region, sort_ts, article_id)
  SELECT 'admin1:' || p.country || '.' || p.admin1, a.sort_ts, a.id
  FROM mentions m JOIN places p ON p.id = m.place_id JOIN articles a ON a.id = m.article_id
  WHERE p.country <> '' AND p.admin1 <> '';
INSERT OR IGNORE INTO article_regions(region, sort_ts, article_id)
  SELECT 'admin2:' || p.country || '.' || p.admin1 || '.' || p.admin2, a.sort_ts, a.id
  FROM mentions m JOIN places p ON p.id = m.place_id JOIN articles a ON a.id = m.article_id
  WHERE p.country <> '' AND p.admin1 <> '' AND p.admin2 <> '';
INSERT OR IGNORE INTO article_regions(region, sort_ts, article_id)
  SELECT 'place:' || p.geonameid, a.sort_ts, a.id
  FROM mentions m JOIN places p ON p.id = m.place_id JOIN articles a ON a.id = m.article_id
  WHERE p.geonameid IS NOT NULL;
CREATE INDEX articles_outlet ON articles(outlet, sort_ts);
UPDATE schema_version SET version = 2;
)sql";

// v2 → v3: date-ordered keys so the newest matches come first without sorting all of them.
// article_order.order_key = sort_ts·2^20 + the article's rank among those of the same second (by
// id), so order_key order is (sort_ts, id) order; the FTS5 rowid is the order key, and text
// queries sorted by date stop after a page. The R*Tree gains a time dimension, so small boxes read
// the newest time windows first instead of every point in the box. The FTS index is rebuilt with
// the new rowids by reindex_text_v3() (C++: the text lives in the JSON document).
const char* const kV2ToV3 = R"sql(
CREATE TABLE article_order(
  order_key INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  focus_lat REAL,
  focus_lon REAL);
INSERT INTO article_order(order_key, article_id, focus_lat, focus_lon)
  SELECT sort_ts * 1048576 + row_number() OVER (PARTITION BY sort_ts ORDER BY id) - 1, id, focus_lat, focus_lon
  FROM articles;
CREATE VIRTUAL TABLE focus_rtree_ts USING rtree(id, min_lon, max_lon, min_lat, max_lat, min_ts, max_ts, +lat, +lon, +sort_ts);
INSERT INTO focus_rtree_ts(id, min_lon, max_lon, min_lat, max_lat, min_ts, max_ts, lat, lon, sort_ts)
  SELECT id, min_lon, max_lon, min_lat, max_lat, sort_ts, sort_ts, lat, lon, sort_ts FROM focus_rtree;
DROP TABLE focus_rtree;
DROP TABLE article_fts;
CREATE VIRTUAL TABLE article_fts USING fts5(title, lead, body, content='', tokenize='pk_text');
UPDATE schema_version SET version = 3;
)sql";

// Re-indexes every article's text under its order key (part of the v2 → v3 transaction).
Status reindex_text_v3(sqlite3* db, const std::string& path) {
  Stmt sel(db, "SELECT k.order_key, a.language, a.doc FROM article_order k JOIN articles a ON a.id = k.article_id "
               "ORDER BY k.order_key");
  Stmt ins(db, "INSERT INTO article_fts(rowid, title, lead, body) VALUES (?1, ?2, ?3, ?4)");
  if (!sel.ok()) return sqlite_status(sel.prepare_rc(), "re-indexing the text", path);
  if (!ins.ok()) return sqlite_status(ins.prepare_rc(), "re-indexing the text", path);
  int rc;
  while ((rc = sel.step()) == SQLITE_ROW) {
    Article a;
    GeoparseResult geo;
    if (!decode_doc(sel.col_text(2), &a, &geo).is_ok()) continue;  // unreadable document: no text to index
    IndexedText t = indexed_text(a);
    std::string marker = language_marker(sel.col_text(1));
    int irc = ins.reset().bind(1, sel.col_int(0)).bind(2, marker + t.title).bind(3, marker + t.lead)
                  .bind(4, marker + t.body).step();
    if (irc != SQLITE_DONE) return sqlite_status(irc, "re-indexing the text", path);
  }
  if (rc != SQLITE_DONE) return sqlite_status(rc, "re-indexing the text", path);
  return Status::ok();
}

// v3 → v4: the R*Tree's time axis in 30-day units instead of seconds. The R*Tree splits nodes
// by extent; with seconds (a span of ~10^8) against degrees (~10) every node was a thin time
// slice covering all of the map, so a small box read every node of its time window. In months
// the axes are comparable and small boxes prune spatially (8–20× fewer node reads, measured on a
// 250k-point tree). The exact time stays in the +sort_ts column.
const char* const kV3ToV4 = R"sql(
CREATE VIRTUAL TABLE focus_rtree_tm USING rtree(id, min_lon, max_lon, min_lat, max_lat, min_t, max_t, +lat, +lon, +sort_ts);
INSERT INTO focus_rtree_tm(id, min_lon, max_lon, min_lat, max_lat, min_t, max_t, lat, lon, sort_ts)
  SELECT id, min_lon, max_lon, min_lat, max_lat, sort_ts / 2592000.0, sort_ts / 2592000.0, lat, lon, sort_ts
  FROM focus_rtree_ts;
DROP TABLE focus_rtree_ts;
UPDATE schema_version SET version = 4;
)sql";

// v4 → v5: drop the indexes nobody reads, each one random page write per article at ingest
// (docs/perf/store.md, "Ingest at 1M"). `articles_hash`: no query looks articles up by content
// hash (URL-less duplicates are found through the unique dedup_key `h:<hash>`). `articles_date`:
// article_order holds the same (sort_ts, id, focus point) keys in the same order, and the
// newest-first listing, the quick map points and time-bounded focus points read it instead.
const char* const kV4ToV5 = R"sql(
DROP INDEX IF EXISTS articles_hash;
DROP INDEX IF EXISTS articles_date;
UPDATE schema_version SET version = 5;
)sql";

const char* const kSteps[] = {kSqliteSchemaV1, kV1ToV2, kV2ToV3, kV3ToV4, kV4ToV5};
static_assert(sizeof(kSteps) / sizeof(kSteps[0]) == kSqliteSchemaVersion);

}  // namespace

Result<int> sqlite_schema_version(sqlite3* db, const std::string& path) {
  Stmt tables(db, "SELECT count(*) FROM sqlite_master");
  if (!tables.ok()) return sqlite_status(tables.prepare_rc(), "reading the schema", path);
  int rc = tables.step();
  if (rc != SQLITE_ROW) return sqlite_status(rc, "reading the schema", path);
  if (tables.col_int(0) == 0) return 0;
  Stmt v(db, "SELECT version FROM schema_version");
  if (!v.ok())
    return Status::corruption(path + " is an SQLite database but not a Pressekarte one (no schema_version table)");
  rc = v.step();
  if (rc != SQLITE_ROW) return Status::corruption(path + " has an empty schema_version table");
  return static_cast<int>(v.col_int(0));
}

Status sqlite_migrate(sqlite3* db, const std::string& path, int target_version) {
  target_version = std::clamp(target_version, 1, kSqliteSchemaVersion);
  // BEGIN IMMEDIATE serialises concurrent openers; re-read the version inside the lock.
  for (;;) {
    int rc = exec(db, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK) return sqlite_status(rc, "starting a schema migration", path);
    auto version = sqlite_schema_version(db, path);
    if (!version) {
      exec(db, "ROLLBACK");
      return version.status();
    }
    int v = *version;
    if (v > kSqliteSchemaVersion) {
      exec(db, "ROLLBACK");
      return Status::unsupported(path + " has schema version " + std::to_string(v) +
                                 ", newer than this binary understands (" + std::to_string(kSqliteSchemaVersion) +
                                 "): upgrade pressekarte");
    }
    if (v >= target_version) {
      rc = exec(db, "COMMIT");
      if (rc == SQLITE_OK) return Status::ok();
      exec(db, "ROLLBACK");
      return sqlite_status(rc, "finishing the schema check", path);
    }
    rc = exec(db, kSteps[v]);
    if (rc != SQLITE_OK) {
      exec(db, "ROLLBACK");
      return sqlite_status(rc, "migrating the schema from version " + std::to_string(v), path);
    }
    if (v == 2) {
      if (Status st = reindex_text_v3(db, path); !st.is_ok()) {
        exec(db, "ROLLBACK");
        return st;
      }
    }
    rc = exec(db, "COMMIT");
    if (rc != SQLITE_OK) {
      exec(db, "ROLLBACK");
      return sqlite_status(rc, "committing the schema migration from version " + std::to_string(v), path);
    }
  }
}

}  // namespace pk::store
