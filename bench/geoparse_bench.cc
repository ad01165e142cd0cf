// Geoparser throughput on one core: articles/s and MB/s over a realistic mix — the bundled
// German sample corpus (samples/crawl) and, when ../shared is present, the texts of the German
// gold set, LGL, GeoVirus and TR-News. The tokenizer alone runs as the baseline in the same run.
//
//   build/bench/geoparse_bench [--benchmark_filter=…]   (gazetteer: $PRESSEKARTE_GAZETTEER or
//                                                         the default path)
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "../src/geo/geoparse_tokenize.h"
#include "pressekarte/geo.h"

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Unescapes the few JSON escapes the corpora use (enough for a benchmark workload).
std::string json_unescape(const std::string& s) {
  std::string o;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      o += s[i];
      continue;
    }
    char c = s[++i];
    o += c == 'n' ? '\n' : c == 't' ? '\t' : c == 'u' ? '?' : c;
    if (c == 'u') i += 4;
  }
  return o;
}

struct Workload {
  std::vector<std::string> de, en;
  std::size_t bytes(const std::vector<std::string>& v) const {
    std::size_t n = 0;
    for (const auto& s : v) n += s.size();
    return n;
  }
};

const Workload& workload() {
  static Workload work = [] {
    Workload w;
    namespace fs = std::filesystem;
    fs::path src = PK_SOURCE_DIR, shared = PK_SHARED_DIR;
    if (fs::exists(src / "samples" / "crawl")) {
      for (const auto& e : fs::recursive_directory_iterator(src / "samples" / "crawl"))
        if (e.is_regular_file() && e.path().extension() == ".txt") w.de.push_back(slurp(e.path()));
    }
    fs::path dev = shared / "eval" / "geoparsing-de" / "dev.jsonl";
    if (fs::exists(dev)) {
      std::ifstream f(dev);
      std::regex text_re("\"text\": \"((?:[^\"\\\\]|\\\\.)*)\"");
      for (std::string line; std::getline(f, line);) {
        std::smatch m;
        if (std::regex_search(line, m, text_re)) w.de.push_back(json_unescape(m[1].str()));
      }
    }
    for (const char* rel : {"eval/geoparsing/lgl/lgl.xml", "eval/geoparsing/geovirus/GeoVirus.xml",
                            "eval/geoparsing/tr-news/TR-News.xml"}) {
      fs::path p = shared / rel;
      if (!fs::exists(p)) continue;
      std::string x = slurp(p);
      for (std::size_t at = x.find("<text>"); at != std::string::npos; at = x.find("<text>", at + 1)) {
        std::size_t end = x.find("</text>", at);
        if (end == std::string::npos) break;
        std::string t = x.substr(at + 6, end - at - 6);
        if (t.rfind("<![CDATA[", 0) == 0) t = t.substr(9, t.size() - 12);
        w.en.push_back(std::move(t));
      }
    }
    return w;
  }();
  return work;
}

std::shared_ptr<const pk::Gazetteer> gazetteer() {
  static std::shared_ptr<const pk::Gazetteer> g = [] {
    std::shared_ptr<const pk::Gazetteer> out;
    const char* env = std::getenv("PRESSEKARTE_GAZETTEER");
    auto t0 = std::chrono::steady_clock::now();
    auto r = pk::Gazetteer::open(env ? env : pk::Gazetteer::default_path());
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (r.is_ok()) {
      out = r.value();
      std::fprintf(stderr, "gazetteer: %zu places, opened in %.3f s\n", out->size(), s);
    } else {
      std::fprintf(stderr, "geoparse_bench: %s\n", r.status().to_string().c_str());
    }
    return out;
  }();
  return g;
}

void run_parse(benchmark::State& state, const std::vector<std::string>& docs, const char* lang) {
  auto gaz = gazetteer();
  if (!gaz || docs.empty()) {
    state.SkipWithError("no gazetteer or no documents");
    return;
  }
  pk::Geoparser parser(gaz);
  std::size_t i = 0, bytes = 0, docs_done = 0, places = 0;
  for (auto _ : state) {
    const std::string& d = docs[i++ % docs.size()];
    auto r = parser.parse_text(d, lang);
    places += r.places.size();
    benchmark::DoNotOptimize(r);
    bytes += d.size();
    ++docs_done;
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.counters["articles/s"] = benchmark::Counter(static_cast<double>(docs_done), benchmark::Counter::kIsRate);
  state.counters["places/article"] = docs_done ? static_cast<double>(places) / docs_done : 0;
  state.counters["avg_bytes"] = docs_done ? static_cast<double>(bytes) / docs_done : 0;
}

void BM_GeoparseGerman(benchmark::State& s) { run_parse(s, workload().de, "de"); }
void BM_GeoparseEnglish(benchmark::State& s) { run_parse(s, workload().en, "en"); }
void BM_GeoparseMixedGuessLanguage(benchmark::State& s) {
  static std::vector<std::string> mix = [] {
    std::vector<std::string> m;
    const auto& w = workload();
    std::size_t n = std::max(w.de.size(), w.en.size());
    for (std::size_t i = 0; i < n; ++i) {
      if (i < w.de.size()) m.push_back(w.de[i]);
      if (i < w.en.size()) m.push_back(w.en[i]);
    }
    return m;
  }();
  run_parse(s, mix, "");
}

// Baseline: tokenizing the same mix (the floor any geoparser pays).
void BM_TokenizeOnlyBaseline(benchmark::State& state) {
  const auto& w = workload();
  std::vector<pk::geo::Token> toks;
  std::size_t i = 0, bytes = 0, n = 0;
  std::vector<const std::string*> all;
  for (const auto& d : w.de) all.push_back(&d);
  for (const auto& d : w.en) all.push_back(&d);
  if (all.empty()) {
    state.SkipWithError("no documents");
    return;
  }
  for (auto _ : state) {
    const std::string& d = *all[i++ % all.size()];
    pk::geo::tokenize(d, toks);
    benchmark::DoNotOptimize(toks.data());
    bytes += d.size();
    ++n;
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.counters["articles/s"] = benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsRate);
}

void BM_GazetteerOpen(benchmark::State& state) {
  const char* env = std::getenv("PRESSEKARTE_GAZETTEER");
  std::string path = env ? env : pk::Gazetteer::default_path();
  for (auto _ : state) {
    auto r = pk::Gazetteer::open(path);
    if (!r.is_ok()) {
      state.SkipWithError("no gazetteer");
      return;
    }
    benchmark::DoNotOptimize(r.value()->size());
  }
}

BENCHMARK(BM_GeoparseGerman)->MinTime(2.0);
BENCHMARK(BM_GeoparseEnglish)->MinTime(2.0);
BENCHMARK(BM_GeoparseMixedGuessLanguage)->MinTime(2.0);
BENCHMARK(BM_TokenizeOnlyBaseline)->MinTime(1.0);
BENCHMARK(BM_GazetteerOpen)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
