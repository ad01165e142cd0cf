// Crawl-text extraction throughput (pages/s, MB/s) on made-up pages shaped like real crawl text
// (caption block, title, lead, dateline, subheadings, repeated captions, agency signature).
// Baseline in the same run: splitting the same pages into lines and trimming them, the floor any
// line-based reader pays.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "article_parts.h"
#include "pressekarte/extract.h"

namespace {

// A page of roughly `paragraphs` × 400 bytes; `seed` varies the words so pages differ.
std::string make_page(int seed, int paragraphs) {
  const char* towns[] = {"Kassel", "Fulda", "Erfurt", "Rostock", "Passau", "Trier", "Görlitz"};
  std::string town = towns[seed % 7];
  std::string caption = "Blick auf den Marktplatz in " + town + " am Abend nach dem Fest " +
                        std::to_string(seed) + ".";
  std::string page = " date 2025-10-" + std::to_string(10 + seed % 18) + " Regionale Nachrichten\n";
  page += caption + "\n" + caption + " Bild: Max Muster/dpa\n" + caption + "\n";
  page += "Neues Verkehrskonzept für " + town + " vorgestellt\n";
  page += "Die Stadt " + town + " will den Verkehr in der Innenstadt neu ordnen. Der Rat berät "
          "im November über die Pläne, die Busse und Radwege stärken sollen.\n\n";
  page += town + ".\n\n";
  for (int p = 0; p < paragraphs; ++p) {
    if (p % 4 == 3) page += "Zwischentitel Nummer " + std::to_string(p) + " zum Thema\n\n";
    if (p % 5 == 4) page += caption + "\n" + caption + " Bild: Max Muster/dpa\n\n";
    page += "Der Oberbürgermeister sagte am Montag, man habe lange mit den Bürgern über die "
            "Pläne gesprochen und viele Vorschläge aufgenommen. Die Händler in der Altstadt "
            "sehen das Konzept skeptisch, weil sie weniger Kundschaft fürchten. Ein Gutachten "
            "soll bis zum Frühjahr klären, wie viele Parkplätze wegfallen (Absatz " +
            std::to_string(p) + ").\n\n";
  }
  page += "Die Entscheidung fällt voraussichtlich im Dezember. (dpa)\n\nMehr zum Thema\nTeilen\n";
  return page;
}

std::vector<std::string> make_corpus(int paragraphs) {
  std::vector<std::string> pages;
  for (int i = 0; i < 64; ++i) pages.push_back(make_page(i, paragraphs));
  return pages;
}

void BM_ExtractCrawlText(benchmark::State& state) {
  const auto pages = make_corpus(static_cast<int>(state.range(0)));
  pk::RawDocument doc;
  doc.format = "crawl-text";
  doc.source = "bench";
  std::size_t bytes = 0, i = 0;
  for (auto _ : state) {
    doc.body = pages[i++ % pages.size()];
    auto r = pk::extract_article(doc);
    benchmark::DoNotOptimize(r);
    bytes += doc.body.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));  // pages
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_ExtractCrawlText)->Arg(8)->Arg(30);

// Same pages, language detection and hashing included in the above; this isolates the floor.
void BM_BaselineSplitAndTrimLines(benchmark::State& state) {
  const auto pages = make_corpus(static_cast<int>(state.range(0)));
  std::size_t bytes = 0, i = 0;
  for (auto _ : state) {
    const std::string& page = pages[i++ % pages.size()];
    std::size_t n = 0;
    for (std::size_t pos = 0; pos < page.size();) {
      std::size_t nl = page.find('\n', pos);
      if (nl == std::string::npos) nl = page.size();
      n += pk::parts::trim(std::string_view(page).substr(pos, nl - pos)).size();
      pos = nl + 1;
    }
    benchmark::DoNotOptimize(n);
    bytes += page.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_BaselineSplitAndTrimLines)->Arg(8)->Arg(30);

}  // namespace

BENCHMARK_MAIN();
