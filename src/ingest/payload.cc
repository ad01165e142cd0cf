#include <fmt/format.h>

#include "encoding.h"
#include "feed_parser.h"
#include "readers.h"

namespace pk::ingest {

namespace {

bool is_xml_type(const std::string& mt) {
  return mt == "text/xml" || mt == "application/xml" || mt == "application/rss+xml" ||
         mt == "application/atom+xml" || mt == "application/rdf+xml";
}

}  // namespace

void emit_payload(std::string body, const std::string& content_type, const std::string& url,
                  const std::string& source, const ReadOptions& options, const DocumentSink& sink,
                  const WarningSink& warn, ReadCounts& counts) {
  std::string mt = media_type_of(content_type);
  const bool texty = mt.empty() || mt.rfind("text/", 0) == 0 || mt == "application/xhtml+xml" || is_xml_type(mt);
  if (!texty || body.empty()) return;  // images, scripts, redirects without body: not articles
  if (body.size() > options.max_document_bytes) {
    warn(Status::invalid(fmt::format("{}: {} bytes exceed the limit of {}; skipped", source, body.size(),
                                     options.max_document_bytes)));
    return;
  }
  std::string fmt_name = detect_format(std::string_view(body).substr(0, 64 * 1024));
  if (fmt_name == "rss") {
    auto feed = parse_feed(body, content_type, url);
    if (!feed) {
      warn(feed.status().with_context(source));
      return;
    }
    if (feed->bozo) warn(Status::invalid(fmt::format("{}: {}", source, feed->bozo_message)));
    feed_to_documents(*feed, source, options,
                      [&](RawDocument&& d) {
                        ++counts.documents;
                        sink(std::move(d));
                      },
                      warn);
    return;
  }
  if (fmt_name == "crawl-text") {
    BufferedReader r(owned_memory_stream(std::move(body)));
    ReadOptions o = options;
    o.url = url;
    read_crawl_text(r, source, o, sink, warn, counts);
    return;
  }
  RawDocument d;
  d.source = source;
  d.url = url;
  d.content_type = content_type;
  if (fmt_name == "html" || mt == "text/html" || mt == "application/xhtml+xml") {
    d.format = "html";
  } else if (fmt_name == "text" && (mt.empty() || mt == "text/plain")) {
    d.format = "text";
  } else {
    return;  // CSS, JavaScript, JSON, sitemaps: not articles
  }
  d.body = std::move(body);
  ++counts.documents;
  sink(std::move(d));
}

}  // namespace pk::ingest
