// generate_articles: writes N synthetic articles into a store through put_batch and reports
// the ingest rate (the generation time is measured separately and excluded).
//
//   generate_articles --db build-store/bench.db --count 100000 [--batch 500] [--seed 1]
//                     [--wal-checkpoint-pages N]  (SQLite; default StoreOptions' 100,000)
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "article_gen.h"

int main(int argc, char** argv) {
  std::string db, gazetteer;
  long long count = 10000, batch_size = 500, seed = 1, start = -1, checkpoint_pages = 0;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--db") db = next();
    else if (a == "--count") count = std::atoll(next().c_str());
    else if (a == "--batch") batch_size = std::atoll(next().c_str());
    else if (a == "--seed") seed = std::atoll(next().c_str());
    else if (a == "--start") start = std::atoll(next().c_str());
    else if (a == "--gazetteer") gazetteer = next();
    else if (a == "--wal-checkpoint-pages") checkpoint_pages = std::atoll(next().c_str());
    else {
      std::fprintf(stderr, "usage: generate_articles --db PATH|URL [--count N] [--batch N] [--seed S] [--start SERIAL] [--gazetteer FILE] [--wal-checkpoint-pages N]\n");
      return 2;
    }
  }
  if (db.empty() || count <= 0 || batch_size <= 0) {
    std::fprintf(stderr, "generate_articles: --db is required; --count and --batch must be positive\n");
    return 2;
  }
  pk::StoreOptions options;
  options.db = db;
  if (checkpoint_pages > 0) options.sqlite_wal_autocheckpoint_pages = static_cast<int>(checkpoint_pages);
  auto store = pk::Store::open(options);
  if (!store) {
    std::fprintf(stderr, "generate_articles: %s\n", store.status().to_string().c_str());
    return store.status().exit_code();
  }
  auto existing = (*store)->count();
  if (start < 0) start = existing ? *existing : 0;  // continue serials: appends new articles
  std::string source;
  pk::bench::ArticleGenerator gen(pk::bench::load_places(gazetteer, &source), static_cast<std::uint64_t>(seed + start));
  std::fprintf(stderr, "generate_articles: places from %s; %lld articles into %s (serials from %lld)\n", source.c_str(),
               count, db.c_str(), start);
  double gen_s = 0, put_s = 0;
  long long done = 0, inserted = 0;
  using clock = std::chrono::steady_clock;
  while (done < count) {
    auto t0 = clock::now();
    std::vector<pk::ArticleRecord> batch;
    for (long long i = 0; i < batch_size && done + i < count; ++i) batch.push_back(gen.next(start + done + i));
    auto t1 = clock::now();
    auto r = (*store)->put_batch(batch);
    auto t2 = clock::now();
    if (!r) {
      std::fprintf(stderr, "generate_articles: %s\n", r.status().to_string().c_str());
      return r.status().exit_code();
    }
    for (auto o : *r) inserted += o == pk::PutOutcome::kInserted;
    gen_s += std::chrono::duration<double>(t1 - t0).count();
    put_s += std::chrono::duration<double>(t2 - t1).count();
    done += static_cast<long long>(batch.size());
    if (done % 50000 < batch_size)
      std::fprintf(stderr, "  %lld articles, %.0f articles/s into the store\n", done, done / put_s);
  }
  std::printf("ingest: %lld articles (%lld new) in %.2f s store time = %.0f articles/s (generation %.2f s, not counted)\n",
              done, inserted, put_s, done / put_s, gen_s);
  return 0;
}
