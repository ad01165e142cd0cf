// libFuzzer target: RSS/Atom parsing (encodings, entities, nesting) and item → document mapping.
// The first byte picks a Content-Type so the HTTP-charset paths are covered too.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "feed_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const char* kTypes[] = {"", "text/xml", "application/rss+xml; charset=iso-8859-1", "text/html",
                                 "application/atom+xml; charset=utf-16"};
  std::string_view ct = size > 0 ? kTypes[data[0] % 5] : "";
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto feed = pk::ingest::parse_feed(bytes.substr(size > 0 ? 1 : 0), ct);
  if (feed) {
    pk::ingest::feed_to_documents(*feed, "fuzz", pk::ReadOptions{}, [](pk::RawDocument&&) {},
                                  [](const pk::Status&) {});
  }
  return 0;
}
