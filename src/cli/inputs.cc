#include "inputs.h"

#include "commands.h"

namespace pk::cli {

const std::vector<std::string>& input_formats() {
  static const std::vector<std::string> formats = {"auto", "crawl-text", "html", "rss", "warc", "jsonl", "text"};
  return formats;
}

InputRun for_each_document(const std::string& command, const std::vector<std::string>& paths,
                           const ReadOptions& options, const std::function<void(RawDocument&&)>& on_document) {
  InputRun run;
  std::vector<std::string> files;
  if (paths.empty()) {
    files.push_back("-");
  } else {
    for (const std::string& path : paths) {
      if (path == "-") {
        files.push_back(path);
        continue;
      }
      auto expanded = expand_inputs({path});
      if (!expanded) {
        fail_soft(command, expanded.status());
        if (run.failures++ == 0) run.first_exit_code = expanded.status().exit_code();
        continue;
      }
      files.insert(files.end(), expanded->begin(), expanded->end());
    }
  }
  for (const std::string& file : files) {
    ++run.inputs;
    Status s = read_input(
        file, options,
        [&](RawDocument&& doc) {
          ++run.documents;
          on_document(std::move(doc));
        },
        [&](const Status& warning) {
          ++run.warnings;
          warn(command, warning.message());
        });
    if (!s.is_ok()) {
      if (run.failures++ == 0) run.first_exit_code = s.exit_code();
      // Readers usually name the input already; add it only when they did not.
      const std::string name = file == "-" ? "stdin" : file;
      fail_soft(command, s.message().find(name) == std::string::npos ? s.with_context(name) : s);
    }
  }
  return run;
}

}  // namespace pk::cli
