// libFuzzer target: the crawl-text reader on arbitrary bytes (gzip/zstd unwrapped by magic).
// Must never crash, hang or grow memory without bound; warnings and errors are fine.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  pk::ReadOptions options;
  options.format = "crawl-text";
  options.max_document_bytes = 1u << 20;
  std::size_t total = 0;
  pk::ingest::read_buffer(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz", options,
                          [&](pk::RawDocument&& d) { total += d.body.size(); }, [](const pk::Status&) {});
  return 0;
}
