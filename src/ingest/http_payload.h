// HTTP responses as stored in WARC/ARC records: status line, headers, chunked transfer coding
// and gzip/deflate content coding.
#pragma once

#include <string>
#include <string_view>

#include "pressekarte/status.h"

namespace pk::ingest {

struct HttpResponse {
  int status = 0;
  std::string content_type;
  std::string body;       // decoded entity body
  std::string problem;    // non-fatal trouble while decoding (e.g. bad chunking), "" if none
};

// Parses "HTTP/1.x NNN …\r\nHeaders…\r\n\r\nbody". Bodies larger than `max_body` are cut there.
// Fails when the block is not an HTTP response or its content coding cannot be decoded.
Result<HttpResponse> parse_http_response(std::string_view block, std::size_t max_body);

// Decodes a chunked body; nullopt-like failure is reported by returning false (out untouched).
bool dechunk(std::string_view in, std::string& out);

}  // namespace pk::ingest
