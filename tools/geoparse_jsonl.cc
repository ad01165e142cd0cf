// geoparse_jsonl: the evaluation interface without the CLI. Reads JSON Lines
// {"id":…, "text":…, ["language":…], ["dateline":…], ["spans":[[s,e],…]]} from stdin or a file and
// writes {"id":…, "places":[…], "focus":…|null} per line (pk::geo_to_json). With "spans" the
// geoparser only resolves those code-point spans (resolution-only scoring).
//
//   geoparse_jsonl [--gazetteer FILE] [--explain] [FILE]
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "pressekarte/geo.h"
#include "pressekarte/model_json.h"
#include "pressekarte/text.h"

int main(int argc, char** argv) {
  std::string gaz_path = pk::Gazetteer::default_path();
  std::string input;
  pk::GeoparseOptions opt;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--gazetteer" && i + 1 < argc) gaz_path = argv[++i];
    else if (a == "--explain") opt.explain = true;
    else input = a;
  }
  auto gaz = pk::Gazetteer::open(gaz_path);
  if (!gaz.is_ok()) {
    std::fprintf(stderr, "geoparse_jsonl: %s\n", gaz.status().to_string().c_str());
    return 2;
  }
  pk::Geoparser parser(gaz.value(), opt);
  std::ifstream file;
  if (!input.empty()) {
    file.open(input);
    if (!file) {
      std::fprintf(stderr, "geoparse_jsonl: cannot open %s\n", input.c_str());
      return 2;
    }
  }
  std::istream& in = input.empty() ? std::cin : file;
  std::string line;
  std::size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty()) continue;
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "geoparse_jsonl: line %zu: %s\n", lineno, e.what());
      continue;
    }
    std::string text = pk::sanitize_utf8(j.value("text", ""));
    std::string lang = j.value("language", "");
    pk::GeoparseResult r;
    if (j.contains("spans") && j["spans"].is_array()) {
      std::vector<std::pair<std::size_t, std::size_t>> spans;
      for (const auto& s : j["spans"])
        if (s.is_array() && s.size() == 2) spans.emplace_back(s[0].get<std::size_t>(), s[1].get<std::size_t>());
      r = parser.resolve_spans(text, spans, lang);
    } else {
      pk::GeoparseInput gi;
      gi.language = lang;
      gi.dateline = j.value("dateline", "");
      gi.segments.push_back({"text", text});
      r = parser.parse(gi);
    }
    nlohmann::json out = pk::geo_to_json(r);
    out["id"] = j.contains("id") ? j["id"] : nlohmann::json(nullptr);
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  return 0;
}
