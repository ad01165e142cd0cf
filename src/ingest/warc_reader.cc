// WARC 1.0/1.1 and ARC v1, record by record. Only the current record is held in memory (capped
// at max_document_bytes); anything larger is skipped while streaming past it.
#include <cctype>
#include "pressekarte/text.h"
#include <charconv>
#include <map>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "http_payload.h"
#include "readers.h"

namespace pk::ingest {

namespace {


void chomp(std::string& s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == '\n')) s.pop_back();
}


std::optional<std::size_t> parse_length(std::string_view s) {
  s = trim_ascii(s);
  std::size_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

bool is_warc_version_line(std::string_view l) { return l.substr(0, 6) == "WARC/1" || l.substr(0, 6) == "WARC/0"; }

struct ArcHeader {
  std::string url;
  std::string content_type;
  std::optional<std::size_t> length;  // nullopt when the length field is not a number
  std::string length_text;
};

// "URL IP DATE CONTENT-TYPE LENGTH"; the URL may contain spaces, so fields are taken from the right.
std::optional<ArcHeader> parse_arc_header(std::string_view line) {
  std::vector<std::string_view> f;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    std::size_t j = line.find(' ', i);
    if (j == std::string_view::npos) j = line.size();
    if (j > i) f.push_back(line.substr(i, j - i));
    i = j;
  }
  if (f.size() < 5) return std::nullopt;
  std::string_view first = f[0];
  if (first.find("://") == std::string_view::npos && first.substr(0, 4) != "dns:") return std::nullopt;
  std::string_view date = f[f.size() - 3];
  if (date.size() < 8 || !std::isdigit(static_cast<unsigned char>(date[0]))) return std::nullopt;
  ArcHeader h;
  std::size_t url_end = static_cast<std::size_t>(f[f.size() - 4].data() - line.data());
  h.url = std::string(trim_ascii(line.substr(0, url_end)));
  h.content_type = std::string(f[f.size() - 2]);
  h.length_text = std::string(f.back());
  h.length = parse_length(f.back());
  return h;
}

class WarcParser {
 public:
  WarcParser(BufferedReader& in, const std::string& source, const ReadOptions& options, const DocumentSink& sink,
             const WarningSink& warn, ReadCounts& counts)
      : in_(in), source_(source), options_(options), sink_(sink), warn_(warn), counts_(counts) {}

  Status run() {
    std::string line;
    while (next_line(line)) {
      chomp(line);
      if (line.empty()) continue;
      if (is_warc_version_line(line)) {
        if (!warc_record()) break;
      } else if (auto arc = parse_arc_header(line)) {
        if (!arc_record(*arc)) break;
      } else {
        warning(fmt::format("unexpected data at byte {} (not a WARC/ARC record header); skipping to the next record",
                            in_.offset()));
        if (!resync()) break;
      }
    }
    return in_.status();
  }

 private:
  bool next_line(std::string& l) {
    if (pending_) {
      l = std::move(*pending_);
      pending_.reset();
      return true;
    }
    return in_.read_line(l, 64 * 1024);
  }

  void warning(const std::string& msg) { warn_(Status::corruption(fmt::format("{}: {}", source_, msg))); }

  // Skips ahead to the next line that starts a record. Returns false at the end of the input.
  bool resync() {
    std::string l;
    while (in_.read_line(l, 64 * 1024)) {
      chomp(l);
      if (is_warc_version_line(l) || (arc_mode_ && parse_arc_header(l))) {
        pending_ = std::move(l);
        return true;
      }
    }
    return false;
  }

  // Checks that a WARC block ends where Content-Length said: a blank line, then a record or EOF.
  bool block_end_ok() {
    std::string l;
    if (!in_.read_line(l, 64 * 1024)) return true;
    chomp(l);
    if (!l.empty()) {
      pending_ = std::move(l);
      return false;
    }
    while (in_.read_line(l, 64 * 1024)) {
      chomp(l);
      if (l.empty()) continue;
      bool ok = is_warc_version_line(l);
      pending_ = std::move(l);
      return ok;
    }
    return true;
  }

  bool warc_record() {
    ++record_;
    std::map<std::string, std::string> h;
    std::string l;
    for (;;) {
      if (!next_line(l)) {
        warning(fmt::format("record {}: input ends inside the WARC header", record_));
        return false;
      }
      chomp(l);
      if (l.empty()) break;
      std::size_t colon = l.find(':');
      if (colon == std::string::npos) continue;
      h[ascii_lower(trim_ascii(std::string_view(l).substr(0, colon)))] = std::string(trim_ascii(std::string_view(l).substr(colon + 1)));
    }
    ++counts_.records;
    auto length = parse_length(h["content-length"]);
    if (!length) {
      warning(fmt::format("record {}: missing or invalid Content-Length '{}'; skipping to the next record", record_,
                          h["content-length"]));
      return resync();
    }
    const std::string type = ascii_lower(h["warc-type"]);
    const bool wanted = type == "response" || type == "resource";
    const std::size_t keep = wanted ? options_.max_document_bytes + 1 : 0;
    std::string block;
    std::size_t got = in_.read_block(*length, &block, keep);
    const bool truncated = got < *length;
    if (truncated) {
      // Like warcio, keep the partial block: a cut-off page still carries its article.
      warning(fmt::format("record {}: truncated ({} of {} bytes); using what is there and stopping", record_, got,
                          *length));
    } else if (!block_end_ok()) {
      // A lying Content-Length: keep the block as read (warcio does too) and resume reading at
      // the next record header.
      warning(fmt::format("record {}: Content-Length {} does not match the record (no blank line after the block); "
                          "resuming at the next WARC header",
                          record_, *length));
      if (!pending_ || !is_warc_version_line(*pending_)) {
        pending_.reset();
        if (!resync()) at_end_ = true;
      }
    }
    const bool go_on = !truncated && !at_end_;
    if (!wanted) return go_on;
    if (block.size() > options_.max_document_bytes) {
      warning(fmt::format("record {}: {} bytes exceed the limit of {}; skipped", record_, *length,
                          options_.max_document_bytes));
      return true;
    }
    std::string url(trim_ascii(h["warc-target-uri"]));
    if (url.size() >= 2 && url.front() == '<' && url.back() == '>') url = url.substr(1, url.size() - 2);
    // Crawler bookkeeping (wget's metadata:// log and arguments, dns: lookups) is not content.
    if (url.rfind("metadata:", 0) == 0 || url.rfind("dns:", 0) == 0) return go_on;
    const std::string where = fmt::format("{}#record-{}", source_, record_);
    std::string ct = h["content-type"];
    if (type == "response" && (ascii_lower(ct).find("application/http") != std::string::npos || block.rfind("HTTP/", 0) == 0)) {
      payload_from_http(block, url, where);
    } else {
      emit_payload(std::move(block), ct, url, where, options_, sink_, warn_, counts_);
    }
    return go_on;
  }

  void payload_from_http(std::string_view block, const std::string& url, const std::string& where) {
    auto http = parse_http_response(block, options_.max_document_bytes);
    if (!http) {
      warn_(http.status().with_context(where));
      return;
    }
    if (!http->problem.empty()) warn_(Status::corruption(fmt::format("{}: {}", where, http->problem)));
    if (http->status < 200 || http->status >= 300) return;  // redirects and errors carry no article
    emit_payload(std::move(http->body), http->content_type, url, where, options_, sink_, warn_, counts_);
  }

  bool arc_record(const ArcHeader& a) {
    arc_mode_ = true;
    ++record_;
    ++counts_.records;
    if (!a.length) {
      warning(fmt::format("ARC record {}: invalid length '{}'; skipping to the next record", record_, a.length_text));
      return resync();
    }
    const bool filedesc = a.url.rfind("filedesc:", 0) == 0;
    std::string block;
    std::size_t got = in_.read_block(*a.length, &block, filedesc ? 0 : options_.max_document_bytes + 1);
    const bool truncated = got < *a.length;
    if (truncated)
      warning(fmt::format("ARC record {}: truncated ({} of {} bytes); using what is there and stopping", record_, got,
                          *a.length));
    if (filedesc) return !truncated;
    if (block.size() > options_.max_document_bytes) {
      warning(fmt::format("ARC record {}: {} bytes exceed the limit of {}; skipped", record_, *a.length,
                          options_.max_document_bytes));
      return true;
    }
    const std::string where = fmt::format("{}#record-{}", source_, record_);
    if (block.rfind("HTTP/", 0) == 0) payload_from_http(block, a.url, where);
    else emit_payload(std::move(block), a.content_type, a.url, where, options_, sink_, warn_, counts_);
    return !truncated;
  }

  BufferedReader& in_;
  const std::string& source_;
  const ReadOptions& options_;
  const DocumentSink& sink_;
  const WarningSink& warn_;
  ReadCounts& counts_;
  std::optional<std::string> pending_;
  std::size_t record_ = 0;
  bool arc_mode_ = false;
  bool at_end_ = false;
};

}  // namespace

Status read_warc(BufferedReader& in, const std::string& source, const ReadOptions& options,
                 const DocumentSink& sink, const WarningSink& warn, ReadCounts& counts) {
  return WarcParser(in, source, options, sink, warn, counts).run();
}

}  // namespace pk::ingest
