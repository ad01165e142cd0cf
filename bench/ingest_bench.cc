// Ingest throughput: WARC reading (plain, gzip per record, zstd) in MB/s and records/s, and feed
// parsing in items/s. Baselines in the same run: reading the same file with fread (plain), the
// bare gzip/zstd decompression, and a bare pugixml parse of the feed, so the numbers show what
// our record parsing adds on top of I/O and decompression.
#include <benchmark/benchmark.h>
#include <zlib.h>
#include <zstd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "byte_stream.h"
#include "feed_parser.h"
#include "pressekarte/ingest.h"
#include "ingest_test_util.h"

namespace {

constexpr int kRecords = 2000;

std::string article_html(int i) {
  std::string p;
  for (int k = 0; k < 40; ++k)
    p += fmt::format("<p>Fulda (ots) - Absatz {} von Artikel {}: Die Polizei meldet einen Unfall auf der A7 bei "
                     "Kassel, niemand wurde verletzt.</p>\n", k, i);
  return fmt::format("<!DOCTYPE html><html><head><title>Artikel {}</title></head><body>{}</body></html>", i, p);
}


struct WarcFiles {
  std::string plain, gz, zst;
  std::size_t plain_bytes = 0;
  WarcFiles() {
    auto dir = std::filesystem::temp_directory_path();
    plain = (dir / fmt::format("pk_ingest_bench_{}.warc", ::getpid())).string();
    gz = plain + ".gz";
    zst = plain + ".zst";
    std::ofstream p(plain, std::ios::binary), g(gz, std::ios::binary);
    std::string all;
    for (int i = 0; i < kRecords; ++i) {
      std::string rec = pk::warc_test::warc_record("response", fmt::format("https://news.example/{}", i),
                                               pk::warc_test::http_response(article_html(i)));
      p << rec;
      g << pk::warc_test::gzip_member(rec);
      all += rec;
    }
    plain_bytes = all.size();
    std::ofstream(zst, std::ios::binary) << pk::warc_test::zstd_frame(all);
  }
  ~WarcFiles() {
    std::filesystem::remove(plain);
    std::filesystem::remove(gz);
    std::filesystem::remove(zst);
  }
};

WarcFiles& files() {
  static WarcFiles f;
  return f;
}

void read_warc(benchmark::State& state, const std::string& path) {
  std::size_t docs = 0;
  for (auto _ : state) {
    docs = 0;
    pk::Status s = pk::read_input(path, pk::ReadOptions{}, [&](pk::RawDocument&& d) { docs += !d.body.empty(); },
                                  [](const pk::Status&) {});
    if (!s.is_ok() || docs != kRecords) state.SkipWithError("unexpected result");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * files().plain_bytes));
  state.counters["records/s"] = benchmark::Counter(static_cast<double>(kRecords), benchmark::Counter::kIsIterationInvariantRate);
}

void decompress_only(benchmark::State& state, const std::string& path) {
  for (auto _ : state) {
    auto r = pk::ingest::open_reader(path);
    std::size_t n = r.value()->read_block(SIZE_MAX, nullptr, 0);
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * files().plain_bytes));
}

void BM_WarcPlain(benchmark::State& s) { read_warc(s, files().plain); }
void BM_WarcGzipPerRecord(benchmark::State& s) { read_warc(s, files().gz); }
void BM_WarcZstd(benchmark::State& s) { read_warc(s, files().zst); }
void BM_Baseline_ReadPlain(benchmark::State& s) { decompress_only(s, files().plain); }
void BM_Baseline_GunzipOnly(benchmark::State& s) { decompress_only(s, files().gz); }
void BM_Baseline_UnzstdOnly(benchmark::State& s) { decompress_only(s, files().zst); }

std::string make_feed(int items) {
  std::string x = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\" "
                  "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Bench</title>";
  for (int i = 0; i < items; ++i)
    x += fmt::format("<item><title>Meldung {}</title><link>https://news.example/{}</link>"
                     "<pubDate>Tue, 28 Oct 2025 09:15:00 +0100</pubDate><description>Kurz &amp; knapp {}</description>"
                     "<content:encoded><![CDATA[{}]]></content:encoded></item>",
                     i, i, i, "<p>Fulda (ots) - Ein Unfall auf der A7.</p><p>Niemand wurde verletzt.</p>");
  return x + "</channel></rss>";
}

void BM_FeedParse(benchmark::State& state) {
  const std::string feed = make_feed(500);
  for (auto _ : state) {
    auto f = pk::ingest::parse_feed(feed);
    std::size_t n = 0;
    pk::ingest::feed_to_documents(*f, "bench", pk::ReadOptions{}, [&](pk::RawDocument&&) { ++n; },
                                  [](const pk::Status&) {});
    benchmark::DoNotOptimize(n);
  }
  state.SetItemsProcessed(state.iterations() * 500);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * feed.size()));
}

void BM_Baseline_PugixmlParseOnly(benchmark::State& state) {
  const std::string feed = make_feed(500);
  for (auto _ : state) {
    pugi::xml_document doc;
    doc.load_buffer(feed.data(), feed.size());
    benchmark::DoNotOptimize(doc.first_child());
  }
  state.SetItemsProcessed(state.iterations() * 500);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * feed.size()));
}

BENCHMARK(BM_Baseline_ReadPlain)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WarcPlain)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Baseline_GunzipOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WarcGzipPerRecord)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Baseline_UnzstdOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WarcZstd)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Baseline_PugixmlParseOnly)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FeedParse)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
