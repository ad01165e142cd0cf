// Throughput of the HTML reader on real pages: pages/s and MB/s on one core.
//
// Pages come from the evaluation sets in ../shared (PK_SHARED_DIR) at run time; without them the
// benchmark is skipped. Stages are cumulative (decode; + parse into our DOM; + page metadata;
// + content blocks; the whole extract_html), each with both parsers, plus libxml2 building its
// own tree as a reference, so every stage's share and the parser baseline are in the same run.
//   build-exspeed/bench/extract_html_bench [--benchmark_min_time=2]
#include <benchmark/benchmark.h>
#include <libxml/HTMLparser.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "html_article.h"
#include "html_charset.h"
#include "html_content.h"
#include "html_dom.h"
#include "html_extract.h"
#include "html_meta.h"

namespace {

namespace fs = std::filesystem;

std::string gunzip_file(const fs::path& p) {
  std::string out;
  gzFile f = gzopen(p.c_str(), "rb");
  if (!f) return out;
  char buf[65536];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  gzclose(f);
  return out;
}

// Up to 300 pages: every third page of trafilatura_eval/eval and scrapinghub_aeb/html, sorted by
// name so runs compare.
const std::vector<pk::RawDocument>& pages() {
  static const std::vector<pk::RawDocument> docs = [] {
    std::vector<pk::RawDocument> v;
    fs::path base = fs::path(PK_SHARED_DIR) / "eval/extraction";
    for (const char* dir : {"trafilatura_eval/eval", "scrapinghub_aeb/html"}) {
      std::error_code ec;
      std::vector<fs::path> files;
      for (auto it = fs::directory_iterator(base / dir, ec); !ec && it != fs::directory_iterator(); ++it)
        if (it->path().extension() == ".gz") files.push_back(it->path());
      std::sort(files.begin(), files.end());
      for (std::size_t i = 0; i < files.size() && v.size() < (std::string(dir).find("aeb") ? 300u : 150u); i += 3) {
        pk::RawDocument d;
        d.source = files[i].string();
        d.format = "html";
        d.body = gunzip_file(files[i]);
        if (!d.body.empty()) v.push_back(std::move(d));
      }
    }
    return v;
  }();
  return docs;
}

std::size_t total_bytes() {
  std::size_t n = 0;
  for (const auto& d : pages()) n += d.body.size();
  return n;
}

// Cumulative stages, so each stage's own cost is the difference to the one before; all in one run.
enum Stage { kDecode, kParse, kMeta, kContent, kFull, kLibxml2Tree };

void run(benchmark::State& state, Stage stage, pk::html::HtmlParser parser) {
  const auto& docs = pages();
  if (docs.empty()) {
    state.SkipWithError("no pages: ../shared/eval/extraction not found");
    return;
  }
  pk::html::set_default_html_parser(parser);  // for extract_html, which parses with the default
  pk::html::ParseOptions popts;
  popts.parser = parser;
  std::size_t bytes = total_bytes();
  for (auto _ : state) {
    for (const auto& d : docs) {
      if (stage == kFull) {
        auto r = pk::extract_html(d, {});
        benchmark::DoNotOptimize(r.is_ok());
        continue;
      }
      auto dec = pk::html::decode_html_bytes(d.body, d.content_type);
      benchmark::DoNotOptimize(dec.utf8.data());
      if (stage == kDecode) continue;
      if (stage == kLibxml2Tree) {
        // Reference: libxml2 building (and freeing) its own tree, the usual way to call it.
        htmlDocPtr x = htmlReadMemory(dec.utf8.data(), static_cast<int>(dec.utf8.size()), nullptr, "UTF-8",
                                      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                          HTML_PARSE_NONET | HTML_PARSE_COMPACT);
        benchmark::DoNotOptimize(x);
        xmlFreeDoc(x);
        continue;
      }
      auto doc = pk::html::Document::parse(dec.utf8, popts);
      benchmark::DoNotOptimize(doc.is_ok());
      if (stage == kParse || !doc) continue;
      auto meta = pk::html::read_page_meta(doc.value(), d.url);
      benchmark::DoNotOptimize(meta.title.data());
      if (stage == kMeta) continue;
      pk::html::ContentOptions copts;
      copts.summary = meta.description;
      auto content = pk::html::extract_content(doc.value(), copts);
      benchmark::DoNotOptimize(content.blocks.data());
    }
  }
  pk::html::set_default_html_parser(pk::html::HtmlParser::kDefault);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(state.iterations() * docs.size()),
                                                 benchmark::Counter::kIsRate);
  state.counters["pages"] = static_cast<double>(docs.size());
  state.counters["avg_KB"] = static_cast<double>(bytes) / docs.size() / 1024.0;
}

constexpr auto kGumbo = pk::html::HtmlParser::kGumbo;
constexpr auto kLibxml2 = pk::html::HtmlParser::kLibxml2;

BENCHMARK_CAPTURE(run, 0_decode_only, kDecode, kGumbo)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(run, 1_libxml2_own_tree, kLibxml2Tree, kLibxml2)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(run, 2_parse_gumbo, kParse, kGumbo)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(run, 2_parse_libxml2, kParse, kLibxml2)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(run, 3_parse_meta_gumbo, kMeta, kGumbo)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(run, 3_parse_meta_libxml2, kMeta, kLibxml2)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(run, 4_parse_meta_content_gumbo, kContent, kGumbo)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(run, 4_parse_meta_content_libxml2, kContent, kLibxml2)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(run, 5_extract_html_gumbo, kFull, kGumbo)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(run, 5_extract_html_libxml2, kFull, kLibxml2)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
