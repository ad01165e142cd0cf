// pressekarte extract: articles in, one JSON object per article out (JSON Lines).
#include <iostream>

#include "commands.h"
#include "inputs.h"
#include "pressekarte/extract.h"
#include "pressekarte/json_io.h"
#include "pressekarte/model_json.h"

namespace pk::cli {

namespace {

struct ExtractArgs {
  std::vector<std::string> files;
  std::string format = "auto";
  std::string url;
  std::string language;
  bool pretty = false;
};

void run_extract(const ExtractArgs& args) {
  ReadOptions read;
  read.format = args.format;
  read.url = args.url;
  ExtractOptions extract;
  extract.language_hint = args.language;
  std::size_t extracted = 0, failed = 0;
  InputRun run = for_each_document("extract", args.files, read, [&](RawDocument&& doc) {
    auto article = extract_article(doc, extract);
    if (!article) {
      ++failed;
      fail_soft("extract", article.status());
      return;
    }
    if (article->content_hash.empty()) compute_content_hash(*article);
    std::cout << (args.pretty ? json_pretty(to_json(*article)) : json_line(to_json(*article))) << '\n';
    ++extracted;
  });
  std::cout.flush();
  if (run.failures > 0 || failed > 0 || extracted == 0) {
    if (extracted == 0 && run.failures == 0 && failed == 0)
      fail("extract", Status::invalid("no article found in the input"));
    // Nothing read: the first input's own reason (3 = not found, 2 = bad input); else partial.
    throw CLI::RuntimeError(extracted == 0 ? (run.first_exit_code ? run.first_exit_code : 2) : 1);
  }
}

}  // namespace

void add_extract_command(CLI::App& app) {
  auto args = std::make_shared<ExtractArgs>();
  auto* cmd = app.add_subcommand(
      "extract",
      "Read articles and print their structure as JSON Lines (one object per article):\n"
      "url, date, site_title, language, title, lead, dateline, agency, author, subheadings,\n"
      "images [{caption, credit}], paragraphs, text. Reads stdin when no FILE is given.");
  cmd->add_option("FILE", args->files, "Input files or directories ('-' = stdin)");
  cmd->add_option("-f,--format", args->format, "Input format (detected from the content by default)")
      ->check(CLI::IsMember(input_formats()))
      ->capture_default_str();
  cmd->add_option("--url", args->url, "URL to record for inputs that carry none");
  cmd->add_option("--lang", args->language, "Language to assume when detection is unsure (de, en)");
  cmd->add_flag("--pretty", args->pretty, "Indented JSON instead of one line per article");
  cmd->callback([args] { run_extract(*args); });
}

}  // namespace pk::cli
