// Throughput of the HTML reader on real pages: pages/s and MB/s on one core.
//
// Pages come from the evaluation sets in ../shared (PK_SHARED_DIR) at run time; without them the
// benchmark is skipped. Baselines in the same run: decoding + parsing alone (gumbo into our DOM),
// so the share of the content extraction is visible.
//   build-exhtml/bench/extract_html_bench [--benchmark_min_time=2]
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "html_article.h"
#include "html_charset.h"
#include "html_dom.h"
#include "html_extract.h"

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

void run(benchmark::State& state, int stage) {
  const auto& docs = pages();
  if (docs.empty()) {
    state.SkipWithError("no pages: ../shared/eval/extraction not found");
    return;
  }
  std::size_t bytes = total_bytes();
  for (auto _ : state) {
    for (const auto& d : docs) {
      if (stage == 0) {
        auto dec = pk::html::decode_html_bytes(d.body, d.content_type);
        auto doc = pk::html::Document::parse(dec.utf8);
        benchmark::DoNotOptimize(doc.is_ok());
      } else {
        auto r = pk::extract_html(d, {});
        benchmark::DoNotOptimize(r.is_ok());
      }
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(state.iterations() * docs.size()),
                                                 benchmark::Counter::kIsRate);
  state.counters["pages"] = static_cast<double>(docs.size());
  state.counters["avg_KB"] = static_cast<double>(bytes) / docs.size() / 1024.0;
}

void BM_DecodeAndParseOnly(benchmark::State& state) { run(state, 0); }
void BM_ExtractHtml(benchmark::State& state) { run(state, 1); }

BENCHMARK(BM_DecodeAndParseOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExtractHtml)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
