#include <fmt/format.h>

#include "readers.h"

namespace pk::ingest {

Status read_crawl_text(BufferedReader& in, const std::string& source, const ReadOptions& options,
                       const DocumentSink& sink, const WarningSink& warn, ReadCounts& counts) {
  RawDocument doc;
  bool open = false, oversized = false;
  std::size_t index = 0, start_line = 0, line_no = 0;
  auto finish = [&](bool more) {
    if (!open) return;
    if (index == 1 && more) doc.source += "#doc-1";
    ++counts.records;
    if (oversized) {
      warn(Status::invalid(fmt::format("{}: document {} (line {}) exceeds {} bytes; skipped", source, index,
                                       start_line, options.max_document_bytes)));
    } else {
      ++counts.documents;
      sink(std::move(doc));
    }
    doc = RawDocument();
    open = oversized = false;
  };
  std::string line;
  while (in.read_line(line)) {
    ++line_no;
    const bool header = is_crawl_header_line(line);
    // A header starts a document; so does text before the first header (a dump that lost it).
    if (header || !open) {
      if (header) finish(true);
      open = true;
      ++index;
      start_line = line_no;
      doc.format = "crawl-text";
      doc.url = options.url;
      doc.content_type = "text/plain; charset=utf-8";
      if (header) doc.date_hint = line.substr(6, 10);
      doc.source = header && index > 1 ? fmt::format("{}#doc-{}", source, index) : source;
    }
    if (oversized) continue;
    if (doc.body.size() + line.size() + 1 > options.max_document_bytes) {
      oversized = true;
      doc.body.clear();
      doc.body.shrink_to_fit();
      continue;
    }
    doc.body += line;
    doc.body += '\n';
  }
  finish(false);
  return in.status();
}

}  // namespace pk::ingest
