// libFuzzer target for the geoparser (tokenizer, recogniser, resolver, focus) over a small
// in-process gazetteer. Checks the output contract: spans inside the text, ordered, focus valid.
//   cmake -S . -B build-fuzz -DPK_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ && cmake --build build-fuzz --target geoparse_fuzz
//   build-fuzz/fuzz/geoparse_fuzz -max_total_time=60
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "geoparser_test_gazetteer.h"
#include "pressekarte/geo.h"
#include "pressekarte/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static pk::Geoparser parser(pk::geo::testing::tiny_gazetteer(), pk::GeoparseOptions{true, ""});
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const char* lang = size > 0 && (data[0] & 1) ? "de" : "";
  pk::GeoparseResult r = parser.parse_text(text, lang);
  const std::size_t n = pk::codepoint_count(text);
  for (const auto& p : r.places)
    if (p.start >= p.end || p.end > n) std::abort();
  if (r.focus && *r.focus >= r.places.size()) std::abort();
  // Resolution-only mode on arbitrary spans derived from the input.
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (std::size_t i = 0; i + 1 < size && spans.size() < 8; i += 2) spans.emplace_back(data[i], data[i] + data[i + 1] % 16);
  pk::GeoparseResult r2 = parser.resolve_spans(text, spans, "en");
  for (const auto& p : r2.places)
    if (p.end > n) std::abort();
  return 0;
}
