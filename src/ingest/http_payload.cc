#include "http_payload.h"

#include <cctype>
#include "pressekarte/text.h"

#include <fmt/format.h>

#include "byte_stream.h"

namespace pk::ingest {

bool dechunk(std::string_view in, std::string& out) {
  std::string result;
  std::size_t pos = 0;
  for (;;) {
    std::size_t eol = in.find('\n', pos);
    if (eol == std::string_view::npos) return false;
    std::string_view size_line = trim_ascii(in.substr(pos, eol - pos));
    std::size_t semi = size_line.find(';');  // chunk extensions
    size_line = trim_ascii(size_line.substr(0, semi));
    if (size_line.empty() || size_line.size() > 12) return false;
    std::size_t size = 0;
    for (char c : size_line) {
      int v = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
              : (c >= 'a' && c <= 'f')                    ? c - 'a' + 10
              : (c >= 'A' && c <= 'F')                    ? c - 'A' + 10
                                                          : -1;
      if (v < 0) return false;
      size = size * 16 + static_cast<std::size_t>(v);
    }
    pos = eol + 1;
    if (size == 0) break;
    if (pos + size > in.size()) return false;
    result.append(in.substr(pos, size));
    pos += size;
    if (in.substr(pos, 2) == "\r\n") pos += 2;
    else if (in.substr(pos, 1) == "\n") pos += 1;
    else return false;
  }
  out = std::move(result);
  return true;
}

Result<HttpResponse> parse_http_response(std::string_view block, std::size_t max_body) {
  if (block.substr(0, 5) != "HTTP/") return Status::invalid("not an HTTP response");
  HttpResponse r;
  std::size_t eol = block.find('\n');
  std::string_view status_line = block.substr(0, eol);
  std::size_t sp = status_line.find(' ');
  if (sp != std::string_view::npos) {
    std::string_view code = status_line.substr(sp + 1, 3);
    for (char c : code)
      if (std::isdigit(static_cast<unsigned char>(c))) r.status = r.status * 10 + (c - '0');
  }
  std::size_t hdr_end = block.find("\r\n\r\n");
  std::size_t body_start = hdr_end == std::string_view::npos ? std::string_view::npos : hdr_end + 4;
  std::size_t lf_end = block.find("\n\n");
  if (lf_end != std::string_view::npos && (hdr_end == std::string_view::npos || lf_end < hdr_end)) {
    hdr_end = lf_end;
    body_start = lf_end + 2;
  }
  std::string_view headers = block.substr(0, hdr_end == std::string_view::npos ? block.size() : hdr_end);
  std::string_view body = body_start == std::string_view::npos ? std::string_view() : block.substr(body_start);
  std::string transfer, coding;
  std::size_t p = eol == std::string_view::npos ? headers.size() : eol + 1;
  while (p < headers.size()) {
    std::size_t e = headers.find('\n', p);
    if (e == std::string_view::npos) e = headers.size();
    std::string_view h = headers.substr(p, e - p);
    p = e + 1;
    std::size_t colon = h.find(':');
    if (colon == std::string_view::npos) continue;
    std::string name = ascii_lower(trim_ascii(h.substr(0, colon)));
    std::string_view value = trim_ascii(h.substr(colon + 1));
    if (name == "content-type") r.content_type = std::string(value);
    else if (name == "transfer-encoding") transfer = ascii_lower(value);
    else if (name == "content-encoding") coding = ascii_lower(value);
  }
  std::string decoded;
  if (transfer.find("chunked") != std::string::npos) {
    // Crawlers sometimes store the de-chunked body under the original header: keep it raw then.
    if (!dechunk(body, decoded)) {
      decoded.assign(body);
      r.problem = "Transfer-Encoding: chunked but the body is not validly chunked; kept as is";
    }
  } else {
    decoded.assign(body);
  }
  if (coding == "gzip" || coding == "x-gzip" || coding == "deflate") {
    if (has_gzip_magic(decoded) || coding == "deflate") {
      auto inflated = inflate_buffer(decoded, max_body);
      if (!inflated) return Status::corruption(fmt::format("Content-Encoding {}: {}", coding, inflated.status().message()));
      decoded = std::move(inflated.value());
    }
    // else: already decoded by the crawler despite the header.
  } else if (!coding.empty() && coding != "identity") {
    return Status::unsupported(fmt::format("Content-Encoding '{}' is not supported", coding));
  }
  if (decoded.size() > max_body) decoded.resize(max_body);
  r.body = std::move(decoded);
  return r;
}

}  // namespace pk::ingest
