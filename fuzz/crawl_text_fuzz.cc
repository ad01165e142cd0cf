// Fuzz target: crawl-text and plain-text extraction plus the shared article-part helpers.
// Invariants checked beyond "no crash": every emitted string is valid UTF-8, and the text is the
// paragraphs joined by blank lines.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "article_parts.h"
#include "pressekarte/extract.h"
#include "pressekarte/text.h"

namespace {

void check_utf8(const std::string& s) {
  if (!pk::is_valid_utf8(s)) std::abort();
}

void check_article(const pk::Article& a) {
  for (const std::string* s : {&a.title, &a.lead, &a.dateline, &a.agency, &a.author, &a.date,
                               &a.site_title, &a.text, &a.language})
    check_utf8(*s);
  std::string joined;
  for (const auto& p : a.paragraphs) {
    check_utf8(p);
    if (!joined.empty()) joined += "\n\n";
    joined += p;
  }
  if (joined != a.text) std::abort();
  for (const auto& s : a.subheadings) check_utf8(s);
  for (const auto& im : a.images) {
    check_utf8(im.caption);
    check_utf8(im.credit);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  for (const char* format : {"crawl-text", "text"}) {
    pk::RawDocument doc;
    doc.format = format;
    doc.source = "fuzz";
    doc.body = bytes;
    auto r = pk::extract_article(doc);
    if (r.is_ok()) check_article(r.value());
  }
  // The helpers on raw lines (sanitised, as extractors hand them UTF-8).
  std::string line = pk::sanitize_utf8(bytes.substr(0, 2048));
  (void)pk::parts::detect_dateline(line, true);
  (void)pk::parts::standalone_dateline(line);
  (void)pk::parts::trailing_agency(line);
  (void)pk::parts::byline_author(line);
  auto cc = pk::parts::split_photo_credit(line);
  check_utf8(cc.caption);
  check_utf8(cc.credit);
  std::string date = pk::parts::normalize_date(bytes);
  if (!date.empty() && (date.size() < 10 || date[4] != '-' || date[7] != '-')) std::abort();
  return 0;
}
