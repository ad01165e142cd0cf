// The data that flows through the pipeline: ingest → extract → geo → store → serve.
//
// Plain structs with no behaviour; JSON conversion lives in model_json.h. Fields may be added
// (append only, with a default) by any module; existing fields keep their meaning.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pk {

// One input document as a reader found it, before extraction (ingest's output).
struct RawDocument {
  std::string source;        // where it came from: "path/to/file.warc.gz#record-7", "stdin", a URL
  std::string format;        // "crawl-text" | "html" | "text" | "article" (already structured)
  std::string url;           // may be empty
  std::string content_type;  // HTTP Content-Type if known (charset hint)
  std::string body;          // raw bytes as found (any encoding; extract converts to UTF-8)
  // Hints from the container (feed item, WARC headers, JSONL fields); may be empty.
  std::string title_hint;
  std::string date_hint;     // ISO 8601 if known
  std::string author_hint;
  std::string lead_hint;     // feed summary/description
  std::string outlet_hint;   // feed title / site name
  std::optional<double> lat_hint, lon_hint;  // GeoRSS point
};

struct Image {
  std::string caption;
  std::string credit;  // photo credit without the "Bild:"/"Foto:"/"©" prefix
};

// An article read the way an editor would (extract's output). All strings are UTF-8.
struct Article {
  std::string url;
  std::string canonical_url;
  std::string date;          // publication date, ISO 8601 ("2025-10-28" or with time and zone)
  std::string updated;       // last update if known
  std::string site_title;    // the site/outlet name as the page gives it
  std::string outlet;        // short outlet id (host name or site title)
  std::string language;      // ISO 639-1 ("de", "en"), "" if unknown
  std::string title;
  std::string lead;
  std::string dateline;      // place name of the dateline, e.g. "Tokio", "Fulda"
  std::string agency;        // "dpa", "AFP", "ots", … ("" if none)
  std::string author;
  std::vector<std::string> subheadings;
  std::vector<Image> images;
  // Body paragraphs in reading order, lead excluded; subheadings stand in it as their own
  // paragraphs (and are listed in `subheadings` too), captions and credits are not in it.
  std::vector<std::string> paragraphs;
  std::string text;          // body as plain text: paragraphs joined by "\n\n"
  std::string source_format; // which reader produced it
  std::string source;        // RawDocument::source
  std::string content_hash;  // stable hash of normalised title+text (hex), for duplicate detection
  std::optional<double> lat_hint, lon_hint;  // e.g. GeoRSS
};

// A place found in a text and resolved against the gazetteer (geo's output).
struct PlaceMention {
  std::string surface;       // the text as it stands ("Nordkoreas")
  std::string field;         // which part of the article: "title"|"lead"|"dateline"|"text"|"caption"
  std::size_t start = 0;     // Unicode code-point offsets into that field, end exclusive
  std::size_t end = 0;
  std::string name;          // gazetteer name ("North Korea")
  std::optional<std::int64_t> geonameid;  // null for countries/regions outside cities500
  std::string country;       // ISO 3166-1 alpha-2
  std::string admin1;        // first-level region code (GeoNames admin1 code, e.g. "07")
  std::string admin2;        // second-level (district) code if known
  double lat = 0, lon = 0;
  std::string kind;          // city|admin1|admin2|country|continent|region|other
  std::string role;          // dateline|focus|mentioned
  double confidence = 0;     // 0..1
  std::string explain;       // evidence, filled only with --explain
};

// The place an article is about; `place` indexes into places, or is empty for "nowhere".
struct GeoparseResult {
  std::vector<PlaceMention> places;
  std::optional<std::size_t> focus;
};

}  // namespace pk
