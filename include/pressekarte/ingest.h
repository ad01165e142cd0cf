// Ingest: reading inputs (files, directories, stdin, WARC, feeds, JSONL, crawl dumps) into
// RawDocuments. Knows containers and encodings, not article structure (that is extract's job).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pressekarte/model.h"
#include "pressekarte/status.h"

namespace pk {

struct ReadOptions {
  // "auto" (detect by content, never by file name alone) | "crawl-text" | "html" | "rss" (RSS or
  // Atom) | "warc" | "jsonl" | "text". Default: auto.
  std::string format = "auto";
  // URL to attach to single-document inputs that carry none (e.g. a saved HTML page).
  std::string url;
  // Documents larger than this are skipped with a warning (default 64 MiB).
  std::size_t max_document_bytes = 64u << 20;
};

// Receives each document found. Called in input order.
using DocumentSink = std::function<void(RawDocument&&)>;
// Receives non-fatal problems (a bad record, a skipped oversized document); reading goes on.
using WarningSink = std::function<void(const Status&)>;

// Reads one input ("-" means stdin) and passes every document in it to `sink`.
// Returns an error only when nothing could be read from the input at all (missing file,
// unknown format, empty or binary file); problems with single records go to `warn`.
Status read_input(const std::string& path, const ReadOptions& options, const DocumentSink& sink,
                  const WarningSink& warn);

// Expands directories recursively into their regular files (sorted, hidden files skipped).
// A path that does not exist is an error naming that path.
Result<std::vector<std::string>> expand_inputs(const std::vector<std::string>& paths);

// Detects the format of a document from its first bytes: one of the ReadOptions formats
// other than "auto"; "" when it looks binary or empty.
std::string detect_format(std::string_view head);

}  // namespace pk
