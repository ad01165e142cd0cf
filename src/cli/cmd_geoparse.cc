// pressekarte geoparse: articles (or plain text, or JSON Lines) in, places and focus out.
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "gazetteer_option.h"
#include "inputs.h"
#include "pressekarte/json_io.h"
#include "pressekarte/model_json.h"
#include "pressekarte/text.h"

namespace pk::cli {

namespace {

struct GeoparseArgs {
  std::vector<std::string> files;
  std::string format = "auto";
  std::string url;
  std::string language;
  std::string gazetteer;
  bool jsonl = false;
  bool explain = false;
};

// --jsonl: {"id":…,"text":…[,"lang":…]} per line → {"id":…,"places":[…],"focus":…}.
// A bad line gets {"id":…,"error":"…"} so line numbers stay aligned for evaluation scripts.
std::size_t run_jsonl_stream(std::istream& in, const std::string& source, const Geoparser& geoparser) {
  std::string line;
  std::size_t line_no = 0, errors = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json out;
    auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string()) {
      ++errors;
      warn("geoparse", source + ":" + std::to_string(line_no) + ": expected a JSON object with a string \"text\"");
      out = {{"id", j.is_object() && j.contains("id") ? j["id"] : nlohmann::json(nullptr)},
             {"error", "line " + std::to_string(line_no) + " is not {\"id\":…,\"text\":…}"}};
      std::cout << json_line(out) << '\n';
      continue;
    }
    const std::string text = sanitize_utf8(j["text"].get<std::string>());
    std::string lang = j.value("lang", std::string());
    if (lang.empty()) lang = j.value("language", std::string());
    GeoparseResult geo;
    if (auto spans = j.find("spans"); spans != j.end() && spans->is_array()) {
      // Resolution only: the caller gives the place spans (code points), we resolve them.
      std::vector<std::pair<std::size_t, std::size_t>> given;
      for (const auto& span : *spans) {
        if (span.is_array() && span.size() == 2 && span[0].is_number_unsigned() && span[1].is_number_unsigned())
          given.emplace_back(span[0].get<std::size_t>(), span[1].get<std::size_t>());
      }
      geo = geoparser.resolve_spans(text, given, lang);
    } else {
      geo = geoparser.parse_text(text, lang);
    }
    out = geo_to_json(geo);
    out["id"] = j.contains("id") ? j["id"] : nlohmann::json(line_no);
    std::cout << json_line(out) << '\n';
  }
  return errors;
}

void run_jsonl(const GeoparseArgs& args, const Geoparser& geoparser) {
  std::size_t failures = 0;
  if (args.files.empty() || (args.files.size() == 1 && args.files[0] == "-")) {
    run_jsonl_stream(std::cin, "stdin", geoparser);
    return;
  }
  for (const std::string& file : args.files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      ++failures;
      fail_soft("geoparse", Status::not_found("cannot open " + file));
      continue;
    }
    run_jsonl_stream(in, file, geoparser);
  }
  if (failures) throw CLI::RuntimeError(3);
}

// --format text: each input taken verbatim as one plain text (offsets into exactly those bytes).
void run_plain_text(const GeoparseArgs& args, const Geoparser& geoparser) {
  std::vector<std::string> files = args.files.empty() ? std::vector<std::string>{"-"} : args.files;
  std::size_t failures = 0;
  for (const std::string& file : files) {
    std::string bytes;
    if (file == "-") {
      std::ostringstream ss;
      ss << std::cin.rdbuf();
      bytes = ss.str();
    } else {
      std::ifstream in(file, std::ios::binary);
      if (!in) {
        ++failures;
        fail_soft("geoparse", Status::not_found("cannot open " + file));
        continue;
      }
      std::ostringstream ss;
      ss << in.rdbuf();
      bytes = ss.str();
    }
    std::string text = is_valid_utf8(bytes) ? bytes : sanitize_utf8(bytes);
    GeoparseResult geo = geoparser.parse_text(text, args.language);
    nlohmann::json out = geo_to_json(geo);
    out["source"] = file == "-" ? "stdin" : file;
    out["text"] = text;
    std::cout << json_line(out) << '\n';
  }
  if (failures) throw CLI::RuntimeError(3);
}

void run_geoparse(const GeoparseArgs& args) {
  PipelineOptions options;
  options.gazetteer_path = args.gazetteer;
  options.geo.explain = args.explain;
  options.read.format = args.format;
  options.read.url = args.url;
  options.extract.language_hint = args.language;
  auto processor = open_processor_or_fail("geoparse", options);
  if (args.jsonl) return run_jsonl(args, processor->geoparser());
  if (args.format == "text") return run_plain_text(args, processor->geoparser());

  std::size_t done = 0, failed = 0;
  InputRun run = for_each_document("geoparse", args.files, options.read, [&](RawDocument&& doc) {
    auto record = processor->process(doc);
    if (!record) {
      ++failed;
      fail_soft("geoparse", record.status());
      return;
    }
    std::cout << json_line(to_json(record->article, record->geo)) << '\n';
    ++done;
  });
  std::cout.flush();
  if (run.failures > 0 || failed > 0 || done == 0) {
    if (done == 0 && run.failures == 0 && failed == 0)
      fail("geoparse", Status::invalid("no article found in the input"));
    // Nothing read: the first input's own reason (3 = not found, 2 = bad input); else partial.
    throw CLI::RuntimeError(done == 0 ? (run.first_exit_code ? run.first_exit_code : 2) : 1);
  }
}

}  // namespace

void add_geoparse_command(CLI::App& app) {
  auto args = std::make_shared<GeoparseArgs>();
  auto* cmd = app.add_subcommand(
      "geoparse",
      "Find the places in articles and the one each is about. Prints the extract fields plus\n"
      "\"places\" [{surface, field, start, end (code points), name, geonameid, country, admin1,\n"
      "lat, lon, kind, role, confidence}] and \"focus\". Reads stdin when no FILE is given.");
  cmd->add_option("FILE", args->files, "Input files or directories ('-' = stdin)");
  cmd->add_option("-f,--format", args->format,
                  "Input format; 'text' takes each input verbatim as one plain text")
      ->check(CLI::IsMember(input_formats()))
      ->capture_default_str();
  cmd->add_flag("--jsonl", args->jsonl,
                "Read JSON Lines {\"id\":…,\"text\":…[,\"lang\":…][,\"spans\":[[s,e],…]]} and write\n"
                "{\"id\":…,\"places\":[…],\"focus\":…} per line; with spans, only resolve those");
  cmd->add_option("--url", args->url, "URL to record for inputs that carry none");
  cmd->add_option("--lang", args->language, "Language of the text when detection is unsure (de, en)");
  cmd->add_option("--gazetteer", args->gazetteer, "Gazetteer file (default: $PRESSEKARTE_GAZETTEER or build/gazetteer.bin)");
  cmd->add_flag("--explain", args->explain, "Add the evidence that decided each place");
  cmd->callback([args] { run_geoparse(*args); });
}

}  // namespace pk::cli
