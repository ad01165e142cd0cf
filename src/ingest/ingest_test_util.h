// Shared by the ingest tests and bench/ingest_bench: a reader call that collects what it gives,
// and builders of WARC input (records, HTTP responses, gzip and zstd framing), written one way.
#pragma once

#include <zlib.h>
#include <zstd.h>

#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "pressekarte/ingest.h"

namespace pk {

// What read_input gave for one path: its status, the documents and the warnings, in order.
struct ReadOutcome {
  Status status;
  std::vector<RawDocument> docs;
  std::vector<std::string> warnings;
};

inline ReadOutcome read_all(const std::string& path, const ReadOptions& options = {}) {
  ReadOutcome out;
  out.status = read_input(path, options, [&](RawDocument&& d) { out.docs.push_back(std::move(d)); },
                          [&](const Status& s) { out.warnings.push_back(s.message()); });
  return out;
}

}  // namespace pk

namespace pk::warc_test {

// One WARC/1.0 record with the given type, target URI and block.
inline std::string warc_record(const std::string& type, const std::string& uri, const std::string& block,
                               const std::string& content_type = "application/http; msgtype=response") {
  return fmt::format(
      "WARC/1.0\r\nWARC-Type: {}\r\nWARC-Target-URI: {}\r\nWARC-Date: 2025-10-28T10:00:00Z\r\n"
      "Content-Type: {}\r\nContent-Length: {}\r\n\r\n{}\r\n\r\n",
      type, uri, content_type, block.size(), block);
}

// An HTTP/1.1 200 response carrying body.
inline std::string http_response(const std::string& body,
                                 const std::string& content_type = "text/html; charset=utf-8") {
  return fmt::format("HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\n\r\n{}", content_type,
                     body.size(), body);
}

// data as one gzip member (concatenated members make a per-record .warc.gz).
inline std::string gzip_member(std::string_view data) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// data as one zstd frame (level 3).
inline std::string zstd_frame(std::string_view data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3));
  return out;
}

}  // namespace pk::warc_test
