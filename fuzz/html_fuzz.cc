// libFuzzer target for the HTML reader: charset decoding, gumbo parsing into our DOM, metadata
// (JSON-LD included) and content extraction. Any input must give a Result, never a crash, and
// every string in a successful Article must be valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "html_extract.h"
#include "pressekarte/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  pk::RawDocument doc;
  doc.source = "fuzz";
  doc.format = "html";
  doc.url = "https://example.org/2020/01/02/x.html";
  // The first byte picks an HTTP charset hint, so that path is fuzzed too.
  static const char* kTypes[] = {"", "text/html; charset=utf-8", "text/html; charset=iso-8859-1",
                                 "text/html; charset=shift_jis", "text/html; charset=bogus"};
  if (size > 0) {
    doc.content_type = kTypes[data[0] % 5];
    ++data;
    --size;
  }
  doc.body.assign(reinterpret_cast<const char*>(data), size);
  auto r = pk::extract_html(doc, {});
  if (r.is_ok()) {
    const pk::Article& a = r.value();
    for (const std::string* s : {&a.title, &a.text, &a.lead, &a.author, &a.date, &a.site_title})
      if (!pk::is_valid_utf8(*s)) std::abort();
    for (const auto& img : a.images)
      if (!pk::is_valid_utf8(img.caption) || !pk::is_valid_utf8(img.credit)) std::abort();
  }
  return 0;
}
