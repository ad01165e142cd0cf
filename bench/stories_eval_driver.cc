// Evaluation driver for scripts/eval/stories.py (not a benchmark).
//
//   stories_eval_driver corpus MANIFEST [--place none|oracle]
//     Extracts every crawl file of the manifest (paths relative to the manifest's folder), feeds
//     them to a StoryIndex in date order and prints one JSON line per file:
//     {"file","story","reason","similarity","matched"} where story/matched are file names.
//     --place oracle gives each article its gold focus place (an upper bound for the place
//     signal until the geoparser runs here); none (default) is text only.
//   stories_eval_driver pairs < {"id","text1","text2"} lines
//     Prints {"id","shingle_jaccard","shingle_containment","word_jaccard","reprint"} per pair.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pressekarte/extract.h"
#include "pressekarte/json_io.h"
#include "pressekarte/stories.h"

namespace {

int run_corpus(const std::string& manifest_path, const std::string& place_mode) {
  std::ifstream in(manifest_path);
  if (!in) {
    std::cerr << "stories_eval_driver: cannot open " << manifest_path << "\n";
    return 2;
  }
  auto root = std::filesystem::path(manifest_path).parent_path();
  struct Item {
    nlohmann::json gold;
    pk::Article article;
  };
  std::vector<Item> items;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    Item it;
    it.gold = nlohmann::json::parse(line);
    std::string file = it.gold["file"];
    std::ifstream f(root / file, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    pk::RawDocument doc;
    doc.source = file;
    doc.format = "crawl-text";
    doc.body = ss.str();
    auto art = pk::extract_article(doc);
    if (!art.is_ok()) {
      std::cerr << "stories_eval_driver: " << art.status().to_string() << "\n";
      continue;
    }
    it.article = std::move(*art);
    if (it.article.date.empty()) it.article.date = it.gold["date"];
    items.push_back(std::move(it));
  }
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return std::make_pair(a.article.date, a.gold["file"].get<std::string>()) <
           std::make_pair(b.article.date, b.gold["file"].get<std::string>());
  });
  pk::StoryIndex index;
  for (std::size_t i = 0; i < items.size(); ++i) {
    pk::GeoparseResult geo;
    if (place_mode == "oracle") {
      pk::PlaceMention p;
      p.name = items[i].gold["focus"]["name"];
      p.kind = "city";
      p.lat = items[i].gold["focus"]["lat"];
      p.lon = items[i].gold["focus"]["lon"];
      geo.places.push_back(p);
      geo.focus = 0;
    }
    auto d = index.add(static_cast<std::int64_t>(i), items[i].article, geo);
    nlohmann::json out = {{"file", items[i].gold["file"]},
                          {"story", items[static_cast<std::size_t>(d.story_id)].gold["file"]},
                          {"reason", d.reason},
                          {"similarity", d.similarity},
                          {"matched", d.matched_article ? items[static_cast<std::size_t>(*d.matched_article)].gold["file"]
                                                        : nlohmann::json(nullptr)}};
    std::cout << pk::json_line(out) << "\n";
  }
  std::cerr << "index: " << index.size() << " articles, " << index.memory_bytes() << " bytes\n";
  return 0;
}

int run_pairs() {
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) continue;
    pk::Article a, b;
    a.text = j.value("text1", "");
    b.text = j.value("text2", "");
    auto t = pk::text_similarity(a, b);
    nlohmann::json out = {{"id", j["id"]},
                          {"shingle_jaccard", t.shingle_jaccard},
                          {"shingle_containment", t.shingle_containment},
                          {"word_jaccard", t.word_jaccard},
                          {"reprint", t.reprint}};
    std::cout << pk::json_line(out) << "\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() >= 2 && args[0] == "corpus") {
    std::string mode = "none";
    for (std::size_t i = 2; i + 1 < args.size(); ++i)
      if (args[i] == "--place") mode = args[i + 1];
    return run_corpus(args[1], mode);
  }
  if (!args.empty() && args[0] == "pairs") return run_pairs();
  std::cerr << "usage: stories_eval_driver corpus MANIFEST [--place none|oracle] | pairs < pairs.jsonl\n";
  return 2;
}
