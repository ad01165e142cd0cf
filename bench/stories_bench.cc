// Throughput of near-duplicate detection + story clustering with a large index already built.
//
//   build-stories/bench/stories_bench [--articles 1000000] [--queries 20000] [--baseline 300]
//                                     [--days 336] [--retain-days 14] [--max-articles 1000000]
//                                     [--place-bucket 256]
//   build-stories/bench/stories_bench --startup STORE.db [--since DATE|all]   (start-up time)
//
// Synthetic articles (~130 words from a skewed 40k-word vocabulary, 3 paragraphs, one of 2000
// focus places, dates spread over a year) fill a StoryIndex; then a stream of new articles is
// added on the last day: one third reprints of a recent article (new headline, a cut paragraph,
// an added local paragraph), one third fresh text, one third fresh text at a busy place.
// Baseline in the same run: the same decision by scanning every article of the ±3-day window
// (bottom-k sketches, no LSH), which is what the index saves. Prints articles/s and bytes/article.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#include "pressekarte/stories.h"
#include "text_features.h"

namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::string> make_vocabulary(std::size_t n) {
  static const char* syl[] = {"ber", "lin", "stadt", "ge", "mein", "de", "rat", "haus", "bahn", "hof",
                              "schul", "kin", "der", "gar", "ten", "feu", "er", "wehr", "po", "li",
                              "zei", "markt", "platz", "brü", "cke", "stra", "ße", "wald", "see", "land",
                              "kreis", "bür", "ger", "meis", "ter", "an", "ge", "bot", "preis", "ver"};
  std::mt19937_64 rng(7);
  std::vector<std::string> v;
  for (std::size_t i = 0; i < n; ++i) {
    // A distinct 4-letter start per word (content words are compared by their first 6 letters).
    std::string w;
    for (std::size_t x = i, j = 0; j < 4; ++j, x /= 26) w += static_cast<char>('a' + x % 26);
    int k = 1 + static_cast<int>(rng() % 3);
    for (int j = 0; j < k; ++j) w += syl[rng() % 40];
    v.push_back(std::move(w));
  }
  return v;
}

// Day `day` after 2025-01-01 as an ISO date (civil_from_days, Howard Hinnant).
std::string iso_date(int day) {
  int z = day + 20089 + 719468;  // 20089 = days from 1970-01-01 to 2025-01-01
  int era = z / 146097;
  unsigned doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = static_cast<int>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y + (m <= 2), m, d);
  return buf;
}

struct Gen {
  const std::vector<std::string>& vocab;
  std::string paragraph(std::mt19937_64& rng, int words) const {
    std::string p;
    std::uniform_real_distribution<double> u(0, 1);
    for (int i = 0; i < words; ++i) {
      double x = u(rng);
      p += vocab[static_cast<std::size_t>(x * x * x * static_cast<double>(vocab.size()))];
      p += (i % 12 == 11) ? ". " : " ";
    }
    return p;
  }
  // Article number `id` is a pure function of id, so reprints can regenerate their source.
  pk::Article article(std::uint64_t id, int day) const {
    std::mt19937_64 rng(id * 0x9E3779B97F4A7C15ULL + 1);
    pk::Article a;
    a.title = paragraph(rng, 8);
    a.lead = paragraph(rng, 25);
    for (int p = 0; p < 3; ++p) a.paragraphs.push_back(paragraph(rng, 35));
    a.date = iso_date(day);
    return a;
  }
};

pk::GeoparseResult place(std::int64_t id) {
  pk::GeoparseResult g;
  pk::PlaceMention p;
  p.geonameid = id;
  g.places.push_back(p);
  g.focus = 0;
  return g;
}

// Article i of n is dated day i·days/n of the synthetic calendar.
int g_days = 336;
int day_of(std::uint64_t i, std::uint64_t n) { return static_cast<int>(i * static_cast<std::uint64_t>(g_days) / n); }

// CPU seconds of this thread: unlike wall time, not inflated by other processes on a shared machine.
double cpu_s() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

long rss_kb() {
  std::ifstream f("/proc/self/status");
  std::string k;
  while (f >> k) {
    if (k == "VmRSS:") {
      long v;
      f >> v;
      return v;
    }
  }
  return 0;
}

}  // namespace

// Start-up: how long rebuild_story_index takes on an existing store (opened read-only, nothing
// written), with the default window ("") or an explicit --since ("all" = everything).
int run_startup(const std::string& db, const std::string& since) {
  pk::StoreOptions so;
  so.db = db;
  so.read_only = true;
  so.migrate = false;
  auto store = pk::Store::open(so);
  if (!store) {
    std::fprintf(stderr, "stories_bench: %s\n", store.status().to_string().c_str());
    return 1;
  }
  auto total = (*store)->count();
  pk::StoryIndex index;
  auto t0 = Clock::now();
  double c0 = cpu_s();
  auto n = pk::rebuild_story_index(**store, index, since, /*persist=*/false);
  if (!n) {
    std::fprintf(stderr, "stories_bench: %s\n", n.status().to_string().c_str());
    return 1;
  }
  double s = std::chrono::duration<double>(Clock::now() - t0).count();
  std::printf("startup: store holds %lld articles; since \"%s\" read %zu, index holds %zu, newest %s, in %.2f s "
              "(CPU %.2f s), %.1f MB\n",
              total ? static_cast<long long>(*total) : -1LL, since.c_str(), *n, index.size(),
              index.newest_date().value_or("-").c_str(), s, cpu_s() - c0, static_cast<double>(index.memory_bytes()) / 1e6);
  return 0;
}

int main(int argc, char** argv) {
  for (int i = 1; i + 1 < argc; ++i)
    if (!std::strcmp(argv[i], "--startup")) {
      std::string since;
      for (int j = 1; j + 1 < argc; ++j)
        if (!std::strcmp(argv[j], "--since")) since = argv[j + 1];
      return run_startup(argv[i + 1], since);
    }
  std::uint64_t n = 1000000, queries = 20000, baseline = 300;
  pk::StoryOptions options;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--articles")) n = std::stoull(argv[i + 1]);
    if (!std::strcmp(argv[i], "--queries")) queries = std::stoull(argv[i + 1]);
    if (!std::strcmp(argv[i], "--baseline")) baseline = std::stoull(argv[i + 1]);
    if (!std::strcmp(argv[i], "--days")) g_days = std::max(1, std::stoi(argv[i + 1]));
    if (!std::strcmp(argv[i], "--retain-days")) options.retain_days = std::stoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--max-articles")) options.max_articles = std::stoull(argv[i + 1]);
    if (!std::strcmp(argv[i], "--place-bucket")) options.max_place_bucket = std::stoi(argv[i + 1]);
  }
  auto vocab = make_vocabulary(40000);
  Gen gen{vocab};
  pk::StoryIndex index(options);
  long rss0 = rss_kb();
  auto t0 = Clock::now();
  std::mt19937_64 rng(42);
  for (std::uint64_t i = 0; i < n; ++i) {
    index.add(static_cast<std::int64_t>(i), gen.article(i, day_of(i, n)), place(static_cast<std::int64_t>(rng() % 2000)));
  }
  double fill_s = std::chrono::duration<double>(Clock::now() - t0).count();
  long rss1 = rss_kb();
  std::printf("fill: %llu articles over %d days in %.1f s (%.0f articles/s); index holds %zu (retain_days %d)\n",
              static_cast<unsigned long long>(n), g_days, fill_s, static_cast<double>(n) / fill_s, index.size(),
              index.options().retain_days);
  std::printf("memory: index reports %.0f bytes/held article (%.1f MB); process RSS grew %.1f MB\n",
              static_cast<double>(index.memory_bytes()) / static_cast<double>(std::max<std::size_t>(1, index.size())),
              static_cast<double>(index.memory_bytes()) / 1e6, static_cast<double>(rss1 - rss0) / 1024.0);

  // The stream: new articles on the last day.
  int last_day = day_of(n - 1, n);
  std::uint64_t window_start = n - std::min<std::uint64_t>(n, n * 4 / static_cast<std::uint64_t>(g_days) + 1);  // ~ the last 3-4 days
  std::vector<pk::Article> stream;
  std::vector<pk::GeoparseResult> geos;
  std::vector<std::int64_t> source;  // the reprinted article, or -1
  for (std::uint64_t q = 0; q < queries; ++q) {
    pk::Article a;
    std::int64_t src = -1;
    if (q % 3 == 0) {
      src = static_cast<std::int64_t>(window_start + rng() % (n - window_start));
      a = gen.article(static_cast<std::uint64_t>(src), last_day);
      a.title = "Neue Überschrift " + std::to_string(q);
      a.paragraphs.erase(a.paragraphs.begin() + 1);
      std::mt19937_64 r2(q);
      a.paragraphs.push_back(gen.paragraph(r2, 30));
    } else {
      a = gen.article(n + 1000000 + q, last_day);
    }
    stream.push_back(std::move(a));
    geos.push_back(place(q % 3 == 2 ? 7 : static_cast<std::int64_t>(rng() % 2000)));
    source.push_back(src);
  }
  if (std::getenv("STORIES_BENCH_PAUSE")) {  // lets `perf record -p` attach to the stream only
    std::fprintf(stderr, "stream starts: attach now (pid %d)\n", static_cast<int>(getpid()));
    sleep(static_cast<unsigned>(std::atoi(std::getenv("STORIES_BENCH_PAUSE"))));
  }
  auto t1 = Clock::now();
  double c1 = cpu_s();
  std::uint64_t found = 0, reprints = 0, false_joins = 0;
  for (std::uint64_t q = 0; q < queries; ++q) {
    auto d = index.add(static_cast<std::int64_t>(n + q), stream[q], geos[q]);
    if (source[q] >= 0) {
      ++reprints;
      found += index.story_of(source[q]) == d.story_id;
    } else {
      false_joins += !d.new_story;
    }
  }
  double add_s = std::chrono::duration<double>(Clock::now() - t1).count();
  double add_cpu = cpu_s() - c1;
  std::printf("stream: %llu articles in %.2f s = %.0f articles/s (%.1f us/article); CPU %.2f s = %.0f articles/s per core\n",
              static_cast<unsigned long long>(queries), add_s, static_cast<double>(queries) / add_s,
              add_s * 1e6 / static_cast<double>(queries), add_cpu, static_cast<double>(queries) / add_cpu);
  std::printf("        reprints found %llu/%llu, fresh articles wrongly joined %llu/%llu\n",
              static_cast<unsigned long long>(found), static_cast<unsigned long long>(reprints),
              static_cast<unsigned long long>(false_joins), static_cast<unsigned long long>(queries - reprints));

  // Baseline: scan the whole window with the same sketches.
  std::vector<std::vector<std::uint32_t>> window;
  std::vector<std::size_t> totals;
  for (std::uint64_t i = window_start; i < n; ++i) {
    auto a = gen.article(i, day_of(i, n));
    std::string body = a.lead;
    for (auto& p : a.paragraphs) body += "\n" + p;
    auto sh = pk::stories::shingle_hashes(pk::stories::fold_words(body), 4);
    totals.push_back(sh.size());
    window.push_back(pk::stories::bottom_k(sh, 64));
  }
  auto t2 = Clock::now();
  double c2 = cpu_s();
  std::uint64_t hits = 0;
  std::uint64_t nb = std::min<std::uint64_t>(baseline, queries);
  for (std::uint64_t q = 0; q < nb; ++q) {
    std::string body = stream[q].lead;
    for (auto& p : stream[q].paragraphs) body += "\n" + p;
    auto sh = pk::stories::shingle_hashes(pk::stories::fold_words(body), 4);
    auto sk = pk::stories::bottom_k(sh, 64);
    for (std::size_t w = 0; w < window.size(); ++w) {
      auto o = pk::stories::estimate_overlap(sk.data(), sk.size(), sh.size(), window[w].data(), window[w].size(), totals[w]);
      hits += o.containment >= 0.5;
    }
  }
  double base_s = std::chrono::duration<double>(Clock::now() - t2).count();
  double base_cpu = cpu_s() - c2;
  std::printf("baseline (scan of %zu window articles): %.0f articles/s (%.1f us/article); CPU %.0f articles/s per core; %llu hits\n",
              window.size(), static_cast<double>(nb) / base_s, base_s * 1e6 / static_cast<double>(nb),
              static_cast<double>(nb) / base_cpu, static_cast<unsigned long long>(hits));
  return 0;
}
