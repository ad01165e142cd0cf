// RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 parsing (pugixml; no DTD loading, no custom entity
// expansion, so billion-laughs and external entities are inert).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pressekarte/ingest.h"
#include "pressekarte/status.h"

namespace pk::ingest {

struct FeedItem {
  std::string title;
  std::string link;
  std::string id;             // guid / atom:id
  std::string published_raw;  // as written
  std::string published;      // ISO 8601 ("" if unparsable or absent)
  std::string updated;        // ISO 8601
  std::string author;
  std::string summary;        // description / summary (may hold HTML)
  std::string content;        // content:encoded / atom content (may hold HTML)
  bool summary_is_html = false;
  bool content_is_html = false;
  std::optional<double> lat, lon;  // GeoRSS / W3C geo
};

struct Feed {
  std::string kind;  // "rss" | "atom" | "rdf"
  std::string version;
  std::string title;
  std::string link;
  std::string description;
  std::string updated;   // ISO 8601
  std::string encoding;  // the encoding the bytes were read as ("utf-8", "windows-1252" …)
  std::vector<FeedItem> items;
  bool bozo = false;           // not well-formed (XML error, encoding trouble)
  std::string bozo_message;
};

// Resolves a URI reference against a base URI (RFC 3986 section 5.2, strict: a reference with a
// scheme is taken as is). An empty base returns the reference unchanged.
std::string resolve_url(std::string_view base, std::string_view ref);

// Parses a feed. `content_type` is the HTTP Content-Type if known (its charset wins over the XML
// declaration, as RFC 3023 says). `document_url` is where the bytes came from (the HTTP
// Content-Location if the server sent one, else the request URL; empty if unknown): relative links
// are resolved against xml:base, else this, else the feed's own absolute link.
// Fails only when the bytes are not a feed at all.
Result<Feed> parse_feed(std::string_view bytes, std::string_view content_type = {},
                        std::string_view document_url = {});

// Turns the items into RawDocuments ("html" when the item text holds markup, else "text").
// `source` names the input; items become "source#item-N".
void feed_to_documents(const Feed& feed, const std::string& source, const ReadOptions& options,
                       const DocumentSink& sink, const WarningSink& warn);

}  // namespace pk::ingest
