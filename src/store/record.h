// Backend-independent pieces of storing an article: its dedup key, sort time, focus point,
// region keys, the JSON document kept per article, and the validated form of a query.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pressekarte/store.h"
#include "text_analysis.h"

namespace pk::store {

// "u:<url>" when the article has a URL, else "h:<content hash>" (computed from title+text when
// the article carries none). Unique per stored article in both backends.
std::string dedup_key(const Article& a);

// Seconds since the epoch (UTC) of an ISO 8601 date or date-time ("2025-10-28",
// "2025-10-28T09:30:00+01:00", "2025-10-28 09:30Z"); nullopt when malformed.
std::optional<std::int64_t> parse_iso_time(const std::string& s);
std::string format_iso_utc(std::int64_t ts);  // "2025-10-28T09:30:00Z"
std::int64_t now_seconds();

struct Point {
  double lat = 0, lon = 0;
};
std::optional<Point> focus_point(const ArticleRecord& r);

// The regions an article is in, through its focus and every mention: "country:DE",
// "admin1:DE.07", "admin2:DE.07.05315", "place:2886242".
std::set<std::string> region_keys(const GeoparseResult& geo);
// Stable identity of a place row: "g:<geonameid>" or "<kind>:<country>.<admin1>.<name>".
std::string place_key(const PlaceMention& p);

// The document stored per article: {"article": {...}, "places": [...], "focus": index|null}.
std::string encode_doc(const Article& a, const GeoparseResult& geo);
Status decode_doc(const std::string& doc, Article* a, GeoparseResult* geo);

// Text indexed per article, by column: title, lead, body (text, subheadings, captions).
struct IndexedText {
  std::string title, lead, body;
};
IndexedText indexed_text(const Article& a);

// Index terms with 1-based positions, for a client-built tsvector (PostgreSQL) — the same
// analysis the SQLite tokenizer applies, so both backends match the same words.
std::string tsvector_literal(const IndexedText& t, Lang lang);

// ---- queries ----

// A parsed full-text query: groups of words; a group of one word is a term (matched as a
// prefix when long enough to be a compound head), a longer group is a phrase.
struct TextQuery {
  std::vector<std::vector<std::string>> groups;  // raw words as typed
};
Result<TextQuery> parse_text_query(const std::string& text);
// FTS5 MATCH expression: every word double-quoted, so user input never acts as syntax.
std::string fts5_match_expression(const TextQuery& q);
// PostgreSQL tsquery text built from analysed lexemes (German and English alternatives).
std::string tsquery_expression(const TextQuery& q);

// Words of at least this many letters match as prefixes ("Verteidigung" finds
// "Verteidigungsetat"); shorter ones match exactly.
inline constexpr std::size_t kPrefixMinLetters = 5;

struct Cursor {
  bool by_score = false;
  double score = 0;
  std::int64_t ts = 0;
  std::int64_t id = 0;
  std::int64_t now = 0;  // recency reference of the first page, so scores stay stable
};
std::string encode_cursor(const Cursor& c);

// The validated query both backends execute.
struct PlannedQuery {
  std::optional<BBox> bbox;
  std::optional<Point> near;
  double radius_km = 0;
  std::optional<BBox> radius_box;   // bounding box of the radius circle (prefilter)
  std::string region_key;           // resolved "country:DE" / "admin1:DE.07" / … or ""
  std::string region_name;          // a plain name still to resolve ("Hessen"), or ""
  std::optional<TextQuery> text;
  std::optional<std::int64_t> since_ts, until_ts;  // inclusive bounds, seconds
  std::string outlet, language;
  bool by_relevance = false;
  std::size_t limit = 50;
  std::optional<Cursor> cursor;
  std::optional<std::int64_t> story_id;
  std::int64_t now = 0;  // recency reference for relevance scores
};
Result<PlannedQuery> plan_query(const ArticleQuery& q);

double haversine_km(double lat1, double lon1, double lat2, double lon2);
// Relevance blended with recency: BM25 (higher = better) scaled by a factor in (0.5, 1] that
// halves the weight of articles a year old.
double blend_score(double bm25_positive, std::int64_t article_ts, std::int64_t now_ts);

}  // namespace pk::store
