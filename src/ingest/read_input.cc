#include <algorithm>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "feed_parser.h"
#include "pressekarte/ingest.h"
#include "readers.h"

namespace pk {

namespace {

constexpr std::size_t kHeadBytes = 64 * 1024;

bool known_format(const std::string& f) {
  return f == "crawl-text" || f == "html" || f == "rss" || f == "warc" || f == "jsonl" || f == "text";
}

// Single-document and feed inputs: read whole (capped), then hand over.
Status read_whole(ingest::BufferedReader& in, const std::string& format, const std::string& source,
                  const ReadOptions& options, const DocumentSink& sink, const WarningSink& warn,
                  ingest::ReadCounts& counts) {
  std::string body;
  std::size_t total = in.read_block(SIZE_MAX, &body, options.max_document_bytes + 1);
  PK_RETURN_IF_ERROR(in.status());
  ++counts.records;
  if (total > options.max_document_bytes) {
    warn(Status::invalid(fmt::format("{}: {} bytes exceed the document limit of {}; skipped", source, total,
                                     options.max_document_bytes)));
    return Status::ok();
  }
  if (format == "rss") {
    auto feed = ingest::parse_feed(body, {}, options.url);
    if (!feed) return feed.status().with_context(source);
    if (feed->bozo) warn(Status::invalid(fmt::format("{}: {}", source, feed->bozo_message)));
    ingest::feed_to_documents(*feed, source, options,
                              [&](RawDocument&& d) {
                                ++counts.documents;
                                sink(std::move(d));
                              },
                              warn);
    return Status::ok();
  }
  RawDocument d;
  d.source = source;
  d.format = format;
  d.url = options.url;
  d.body = std::move(body);
  ++counts.documents;
  sink(std::move(d));
  return Status::ok();
}

}  // namespace

namespace ingest {

Status read_from(BufferedReader& in, const std::string& source, const ReadOptions& options, const DocumentSink& sink,
                 const WarningSink& warn) {
  if (options.format != "auto" && !known_format(options.format))
    return Status::invalid(fmt::format("unknown format '{}' (auto, crawl-text, html, rss, warc, jsonl, text)",
                                       options.format));
  std::string_view head = in.peek(kHeadBytes);
  if (head.empty()) {
    PK_RETURN_IF_ERROR(in.status());
    return Status::invalid(fmt::format("{}: empty input", source));
  }
  std::string format = options.format == "auto" ? detect_format(head) : options.format;
  if (format.empty()) {
    if (head.find_first_not_of(" \t\r\n") == std::string_view::npos)
      return Status::invalid(fmt::format("{}: empty input (only white space)", source));
    return Status::invalid(fmt::format("{}: looks binary (not text, HTML, a feed, WARC, JSON Lines, gzip or zstd)",
                                       source));
  }
  ReadCounts counts;
  Status st;
  if (format == "crawl-text") st = read_crawl_text(in, source, options, sink, warn, counts);
  else if (format == "jsonl") st = read_jsonl(in, source, options, sink, warn, counts);
  else if (format == "warc") st = read_warc(in, source, options, sink, warn, counts);
  else st = read_whole(in, format, source, options, sink, warn, counts);
  if (!st.is_ok()) {
    // Damage after some records (truncated gzip): keep what was read, report the rest.
    if (counts.records > 0 || counts.documents > 0) {
      warn(st);
      return Status::ok();
    }
    return st;
  }
  return Status::ok();
}

Status read_buffer(std::string_view data, const std::string& source, const ReadOptions& options,
                   const DocumentSink& sink, const WarningSink& warn) {
  auto in = make_reader(memory_stream(data), source);
  return read_from(*in, source, options, sink, warn);
}

}  // namespace ingest

Status read_input(const std::string& path, const ReadOptions& options, const DocumentSink& sink,
                  const WarningSink& warn) {
  if (options.format != "auto" && !known_format(options.format))
    return Status::invalid(fmt::format("unknown format '{}' (auto, crawl-text, html, rss, warc, jsonl, text)",
                                       options.format));
  auto opened = ingest::open_reader(path);
  if (!opened) return opened.status();
  return ingest::read_from(*opened.value(), path == "-" ? "stdin" : path, options, sink, warn);
}

Result<std::vector<std::string>> expand_inputs(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const auto& p : paths) {
    if (p == "-") {
      out.push_back(p);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) return Status::not_found(fmt::format("{}: no such file or directory", p));
    if (!fs::is_directory(st)) {
      out.push_back(p);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) return Status::io_error(fmt::format("{}: cannot list directory: {}", p, ec.message()));
    for (; it != end; it.increment(ec)) {
      if (ec) return Status::io_error(fmt::format("{}: cannot list directory: {}", p, ec.message()));
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace pk
