// The per-format readers behind read_input(). Each streams from a BufferedReader and reports
// per-record problems to `warn`; the returned Status is an error only when nothing was readable.
#pragma once

#include <string>
#include <string_view>

#include "byte_stream.h"
#include "pressekarte/ingest.h"

namespace pk::ingest {

// Counts what a reader produced, so read_input can tell "empty" from "all records bad".
struct ReadCounts {
  std::size_t documents = 0;
  std::size_t records = 0;  // records/lines/items seen, good or bad
};

// crawl text: splits at every line matching `^ date \d{4}-\d{2}-\d{2}( |$)`.
Status read_crawl_text(BufferedReader& in, const std::string& source, const ReadOptions& options,
                       const DocumentSink& sink, const WarningSink& warn, ReadCounts& counts);
// JSON Lines: {url,title,text|html,date,author,…} or pk::to_json(Article) lines.
Status read_jsonl(BufferedReader& in, const std::string& source, const ReadOptions& options,
                  const DocumentSink& sink, const WarningSink& warn, ReadCounts& counts);
// WARC 1.0/1.1 and ARC v1 (already decompressed by the reader's stream).
Status read_warc(BufferedReader& in, const std::string& source, const ReadOptions& options,
                 const DocumentSink& sink, const WarningSink& warn, ReadCounts& counts);

// Emits one payload found inside a container (a WARC record, a fetched page): HTML and text
// become one document, a feed becomes one document per item, anything else is skipped.
void emit_payload(std::string body, const std::string& content_type, const std::string& url,
                  const std::string& source, const ReadOptions& options, const DocumentSink& sink,
                  const WarningSink& warn, ReadCounts& counts);

bool is_crawl_header_line(std::string_view line);

// read_input() over an already opened reader / an in-memory buffer (gzip/zstd unwrapped by magic).
Status read_from(BufferedReader& in, const std::string& source, const ReadOptions& options, const DocumentSink& sink,
                 const WarningSink& warn);
Status read_buffer(std::string_view data, const std::string& source, const ReadOptions& options,
                   const DocumentSink& sink, const WarningSink& warn);

}  // namespace pk::ingest
