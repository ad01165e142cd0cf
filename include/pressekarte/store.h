// Store: one storage interface with two backends — SQLite (WAL, FTS5, R*Tree; the default) and
// PostgreSQL + PostGIS (several ingest workers and API servers sharing one database).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pressekarte/model.h"
#include "pressekarte/status.h"

namespace pk {

class Gazetteer;  // pressekarte/geo.h

struct StoreOptions {
  // "path/to/file.db" (SQLite) or "postgresql://…" / "postgres://…" (PostgreSQL).
  // Default: $PRESSEKARTE_DATA/pressekarte.db, $PRESSEKARTE_DATA defaulting to ./data.
  std::string db;
  bool read_only = false;  // serve may open read-only. Default false.
  // Apply pending schema migrations on open (true for CLI commands). Default true.
  bool migrate = true;
  static std::string default_db();
  // Appended: resolves plain region names ("Hessen", "Kreis Fulda") in ArticleQuery::region.
  // Without it, names are resolved against the places already stored. Default none.
  std::shared_ptr<const Gazetteer> gazetteer;
  // SQLite: milliseconds to wait for a lock held by another process. Default 10000.
  int busy_timeout_ms = 10000;
  // SQLite: cap on the database size in bytes (0 = none). A batch that would exceed it fails
  // like a full disk (io_error, nothing stored). Used to test disk-full handling. Default 0.
  std::int64_t sqlite_max_bytes = 0;
  // Appended. SQLite: how many of the newest articles a bbox/radius query reads in date order
  // before it asks the spatial index (lon × lat × time) instead. Large boxes are answered within
  // these rows; each row costs ~0.3 µs. 0 = always the spatial index. Default 3000.
  int sqlite_scan_rows = 3000;
  // Appended. SQLite writers: WAL pages before an automatic checkpoint. A page that several
  // batches dirty is written to the database file once per checkpoint, and at 1M articles a batch
  // dirties ~27 index pages per article at random places (date-ordered indexes, FTS5 segments), so
  // longer intervals write less (20k articles appended to a 1M store: 1,100–1,275/s and 3.7 GB
  // written at 16,000 pages; 1,715–1,938/s and 2.6 GB at 100,000). The -wal file of a writer may
  // grow to ~400 MB (it is reused, not shrunk, after a checkpoint). Default 100000.
  int sqlite_wal_autocheckpoint_pages = 100000;
};

// One article as stored: what extract and geo found, plus the store's ids.
struct StoredArticle {
  std::int64_t id = 0;
  Article article;
  GeoparseResult geo;
  std::optional<std::int64_t> story_id;
  std::string ingested_at;  // ISO 8601 UTC
  // Appended: the blended BM25+recency score for sort=relevance text queries (higher is
  // better), 0 otherwise.
  double score = 0;
};

// What to store for one article. `story_id` may be set by the stories stage.
struct ArticleRecord {
  Article article;
  GeoparseResult geo;
  std::optional<std::int64_t> story_id;
};

enum class PutOutcome { kInserted, kUnchanged };

struct BBox {
  double west = -180, south = -90, east = 180, north = 90;
};

struct ArticleQuery {
  std::optional<BBox> bbox;         // focus inside the box
  std::optional<double> near_lat, near_lon;
  double radius_km = 25;            // with near_*
  std::string region;               // gazetteer region id/name: focus or a mention inside it
  std::string text;                 // full-text query (words, "phrases")
  std::string since, until;         // ISO dates, inclusive
  std::string outlet, language;
  std::string sort = "date";        // "date" | "relevance"
  std::size_t limit = 50;           // clamped to [1, 1000]
  std::string cursor;               // opaque, from the previous page
  std::optional<std::int64_t> story_id;  // only members of this story
};

struct ArticlePage {
  std::vector<StoredArticle> items;
  std::string next_cursor;  // empty when there is no next page
};

// Appended: one placed article as the map's cluster index needs it, read from indexed columns
// (no document decode). Only articles with a focus point (focus place or GeoRSS hint) appear.
struct FocusPoint {
  std::int64_t id = 0;
  double lat = 0, lon = 0;
  std::string date;        // Article::date as stored (ISO 8601), may be empty
  std::string place_kind;  // the focus place's kind ("city", "admin1", …); "point" for a GeoRSS hint
  std::string place_name;  // the focus place's name (else its surface form); empty for a hint
  std::optional<std::int64_t> story_id;
  std::string title;       // at most kFocusTitleMaxChars code points
  std::string outlet;      // Article::outlet, else Article::site_title
  std::string language;
};
inline constexpr std::size_t kFocusTitleMaxChars = 300;

class Store {
 public:
  virtual ~Store() = default;

  // Opens or creates the store named by options.db, applying migrations when asked.
  static Result<std::unique_ptr<Store>> open(const StoreOptions& options);

  // Stores a batch atomically: either every record is stored or none. Re-putting an article
  // with the same URL (or, without URL, the same content hash) changes nothing.
  // `ids` (if not null) receives the article id of each record, new or existing.
  virtual Result<std::vector<PutOutcome>> put_batch(const std::vector<ArticleRecord>& batch,
                                                    std::vector<std::int64_t>* ids = nullptr) = 0;
  virtual Result<std::optional<StoredArticle>> get(std::int64_t id) = 0;
  virtual Result<ArticlePage> query(const ArticleQuery& q) = 0;
  // Records that article `article_id` belongs to story `story_id` (set by the stories stage).
  virtual Status set_story(std::int64_t article_id, std::int64_t story_id) = 0;
  virtual Result<std::int64_t> count() = 0;
  virtual int schema_version() = 0;
  // Appended: every placed article matching the filters of `filters` (bbox, near, region, text,
  // since/until, outlet, language, story_id; sort, limit and cursor are ignored), newest first.
  // Backends answer from indexed columns; this default pages query() and suits small stores.
  virtual Result<std::vector<FocusPoint>> focus_points(const ArticleQuery& filters);
  // Appended: a quick first cut of focus_points(ArticleQuery{}) for a map right after start,
  // read from compact indexes only (never the article rows): every placed article's id and
  // focus point, newest first, with `date` the UTC day of its sort time ("YYYY-MM-DD"),
  // `story_id` and, when the point is exactly a place's coordinates, that place's kind and name
  // (else kind "point"). title, outlet and language are empty: fetch them with
  // focus_points_by_id(). Default: focus_points(ArticleQuery{}).
  virtual Result<std::vector<FocusPoint>> quick_focus_points();
  // Appended: the full focus points (as focus_points() gives them) of these articles, in the
  // order of `ids`; ids that are unknown or unplaced are left out. Default: get() per id.
  virtual Result<std::vector<FocusPoint>> focus_points_by_id(const std::vector<std::int64_t>& ids);
};

// The focus point of a stored article (its focus place, else its GeoRSS hint); false if none.
// Shared by the default focus_points() and serve.
bool focus_point_of(const StoredArticle& a, FocusPoint* out);

}  // namespace pk
