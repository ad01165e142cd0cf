// Shared input handling for the subcommands that read articles: files, directories, stdin.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "pressekarte/ingest.h"

namespace pk::cli {

struct InputRun {
  std::size_t inputs = 0;     // files read
  std::size_t documents = 0;  // documents handed to the callback
  std::size_t failures = 0;   // inputs that could not be read at all
  std::size_t warnings = 0;   // problems with single records
  int first_exit_code = 0;    // exit code of the first input failure (Status::exit_code), 0 if none
};

// Reads every path (directories recursively; stdin when `paths` is empty or "-") and calls
// `on_document` for each document. Problems are printed as "pressekarte <command>: …" and
// counted; reading goes on with the next input.
InputRun for_each_document(const std::string& command, const std::vector<std::string>& paths,
                           const ReadOptions& options, const std::function<void(RawDocument&&)>& on_document);

// The --format values every reading command accepts.
const std::vector<std::string>& input_formats();

}  // namespace pk::cli
