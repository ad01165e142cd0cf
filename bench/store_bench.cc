// store_bench: query latencies (p50/p99) of a populated store, with a plain table-scan
// baseline in the same run, and the database size per article.
//
//   generate_articles --db D --count 100000 && store_bench --db D [--queries 200] [--baseline 10]
// D is a SQLite path or a postgresql:// URL. docs/perf/store.md has the numbers.
#include <libpq-fe.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <functional>
#include <string>

#include "article_gen.h"

namespace {

using clock_type = std::chrono::steady_clock;

struct Stats {
  double p50 = 0, p99 = 0, mean = 0;
  double cpu_p50 = 0, cpu_p99 = 0;  // this thread's CPU time: what the query costs, whatever the load
  double hits = 0;
};

// CPU time of the calling thread (PostgreSQL's server time is not included: wall time only there).
double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

int g_worst = 0;                                 // --worst K: list each row's K slowest inputs (by CPU time)
std::function<std::string(int)> g_describe;      // names input i for --worst
int g_input = -1;                                // --input I: repeat input I only (profiling one query)

Stats measure(int n, const std::function<std::size_t(int)>& run) {
  std::vector<double> ms, cpu;
  if (n <= 0) return Stats{};
  double hits = 0;
  for (int i = 0; i < n; ++i) {
    auto t0 = clock_type::now();
    double c0 = thread_cpu_ms();
    hits += static_cast<double>(run(i));
    cpu.push_back(thread_cpu_ms() - c0);
    ms.push_back(std::chrono::duration<double, std::milli>(clock_type::now() - t0).count());
  }
  if (g_worst > 0) {
    std::vector<int> order(cpu.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return cpu[a] > cpu[b]; });
    for (int k = 0; k < std::min<int>(g_worst, static_cast<int>(order.size())); ++k)
      std::printf("    slow input %3d: cpu %7.2f ms  %s\n", g_input >= 0 ? g_input : order[k], cpu[order[k]],
                  g_describe ? g_describe(g_input >= 0 ? g_input : order[k]).c_str() : "");
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu.begin(), cpu.end());
  auto pct = [](const std::vector<double>& v, double q) {
    return v[std::min(v.size() - 1, static_cast<std::size_t>(static_cast<double>(v.size()) * q))];
  };
  Stats s;
  s.p50 = pct(ms, 0.5);
  s.p99 = pct(ms, 0.99);
  s.cpu_p50 = pct(cpu, 0.5);
  s.cpu_p99 = pct(cpu, 0.99);
  for (double v : ms) s.mean += v / ms.size();
  s.hits = hits / n;
  return s;
}

std::string g_only;  // --only SUBSTRING: run just the matching rows (for profiling one query class)


void row(const char* name, const Stats& s, const char* note = "") {
  std::printf("%-34s p50 %8.2f ms  p99 %8.2f ms  mean %8.2f ms  cpu p50 %7.2f p99 %7.2f ms  hits/query %6.1f %s\n",
              name, s.p50, s.p99, s.mean, s.cpu_p50, s.cpu_p99, s.hits, note);
  std::fflush(stdout);
}

// Measures and prints one row, unless --only names another.
void bench(const char* name, int n, const std::function<std::size_t(int)>& run, const char* note = "") {
  if (n <= 0 || (!g_only.empty() && std::string(name).find(g_only) == std::string::npos)) return;
  row(name, measure(n, [&](int i) { return run(g_input >= 0 ? g_input : i); }), note);
}

// The baseline: the same question answered by scanning the articles table (no R*Tree, no
// FTS, no region index).
class Baseline {
 public:
  explicit Baseline(const std::string& db) : pg_(db.rfind("postgres", 0) == 0) {
    if (pg_) {
      pgc_ = PQconnectdb(db.c_str());
      PQclear(PQexec(pgc_, "SET enable_indexscan = off; SET enable_bitmapscan = off; SET max_parallel_workers_per_gather = 0"));
    } else {
      sqlite3_open_v2(db.c_str(), &lite_, SQLITE_OPEN_READONLY, nullptr);
    }
  }
  ~Baseline() {
    if (pgc_) PQfinish(pgc_);
    if (lite_) sqlite3_close(lite_);
  }
  std::size_t bbox(const pk::BBox& b, const std::string& like) {
    std::string where = fmt::format("focus_lat BETWEEN {} AND {} AND focus_lon BETWEEN {} AND {}", b.south, b.north,
                                    b.west, b.east);
    if (!like.empty()) where += " AND doc LIKE '%" + like + "%'";
    return run("SELECT id FROM articles" + std::string(pg_ ? "" : " NOT INDEXED") + " WHERE " + where +
               " ORDER BY sort_ts DESC, id DESC LIMIT 50");
  }
  std::size_t region(const std::string& country, const std::string& admin1) {
    return run(fmt::format("SELECT id FROM articles a{} WHERE EXISTS (SELECT 1 FROM mentions m JOIN places p ON p.id = "
                           "m.place_id WHERE m.article_id = a.id AND p.country = '{}' AND p.admin1 = '{}') "
                           "ORDER BY sort_ts DESC, id DESC LIMIT 50",
                           pg_ ? "" : " NOT INDEXED", country, admin1));
  }

 private:
  std::size_t run(const std::string& sql) {
    std::size_t n = 0;
    if (pg_) {
      PGresult* r = PQexec(pgc_, sql.c_str());
      n = PQntuples(r);
      PQclear(r);
    } else {
      sqlite3_stmt* st = nullptr;
      sqlite3_prepare_v2(lite_, sql.c_str(), -1, &st, nullptr);
      while (sqlite3_step(st) == SQLITE_ROW) ++n;
      sqlite3_finalize(st);
    }
    return n;
  }
  bool pg_;
  PGconn* pgc_ = nullptr;
  sqlite3* lite_ = nullptr;
};

// The machine is shared: every run reports how busy it was.
std::string load_average() {
  std::FILE* f = std::fopen("/proc/loadavg", "r");
  if (f == nullptr) return "?";
  char buf[64] = {0};
  std::string out = std::fgets(buf, sizeof buf, f) ? std::string(buf) : "?";
  std::fclose(f);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

double db_bytes(const std::string& db) {
  if (db.rfind("postgres", 0) == 0) {
    PGconn* c = PQconnectdb(db.c_str());
    PGresult* r = PQexec(c, "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = "
                            "c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'");
    double v = PQntuples(r) ? std::atof(PQgetvalue(r, 0, 0)) : 0;
    PQclear(r);
    PQfinish(c);
    return v;
  }
  double total = 0;
  for (const char* suffix : {"", "-wal"}) {
    struct stat st {};
    if (stat((db + suffix).c_str(), &st) == 0) total += static_cast<double>(st.st_size);
  }
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db, gazetteer;
  int queries = 200, baseline_queries = 10;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--db") db = next();
    else if (a == "--queries") queries = std::atoi(next().c_str());
    else if (a == "--baseline") baseline_queries = std::atoi(next().c_str());
    else if (a == "--gazetteer") gazetteer = next();
    else if (a == "--only") g_only = next();
    else if (a == "--worst") g_worst = std::atoi(next().c_str());
    else if (a == "--input") g_input = std::atoi(next().c_str());
    else {
      std::fprintf(stderr, "usage: store_bench --db PATH|URL [--queries N] [--baseline N] [--gazetteer FILE] [--only SUBSTRING] [--worst K] [--input I]\n");
      return 2;
    }
  }
  if (db.empty() || queries <= 0) {
    std::fprintf(stderr, "store_bench: --db is required\n");
    return 2;
  }
  pk::StoreOptions options;
  options.db = db;
  options.read_only = true;  // queries only; never waits for an ingest's write lock
  auto store = pk::Store::open(options);
  if (!store) {
    std::fprintf(stderr, "store_bench: %s\n", store.status().to_string().c_str());
    return store.status().exit_code();
  }
  auto& s = **store;
  long long n = s.count().value();
  std::string source;
  pk::bench::ArticleGenerator gen(pk::bench::load_places(gazetteer, &source), 99);
  std::printf("store_bench: %s, %lld articles, places from %s; load average at start: %s\n", db.c_str(), n,
              source.c_str(), load_average().c_str());
  std::printf("size: %.1f MB, %.0f bytes/article\n", db_bytes(db) / 1e6, db_bytes(db) / std::max(1LL, n));

  // Fixed random inputs so the baseline answers the same questions.
  std::mt19937 rng(7);
  std::vector<pk::bench::GenPlace> centres;
  for (int i = 0; i < std::max({queries, baseline_queries, g_input + 1}); ++i) centres.push_back(gen.random_place());
  const auto& nouns = gen.nouns();
  auto word = [&](int i) { return nouns[300 + (i * 37) % 2700]; };  // ranks 300..3000: in ~0.1-1% of articles
  auto box = [&](int i, double half_w, double half_h) {
    const auto& c = centres[i];
    return pk::BBox{std::max(-180.0, c.lon - half_w), std::max(-90.0, c.lat - half_h), std::min(180.0, c.lon + half_w),
                    std::min(90.0, c.lat + half_h)};
  };
  g_describe = [&](int i) {
    const auto& c = centres[static_cast<std::size_t>(i) % centres.size()];
    return fmt::format("word '{}' (+ '{}'), centre {} ({:.3f}, {:.3f})", word(i), word(i + 3), c.name, c.lat, c.lon);
  };
  const pk::BBox germany{5.8, 47.2, 15.1, 55.1}, world{-180, -90, 180, 90};
  auto q_page = [&](pk::ArticleQuery q) -> std::size_t {
    auto r = s.query(q);
    if (!r) {
      std::fprintf(stderr, "query failed: %s\n", r.status().to_string().c_str());
      std::exit(1);
    }
    return r->items.size();
  };

  bench("bbox world (zoom 0)", queries, [&](int) { pk::ArticleQuery q; q.bbox = world; return q_page(q); });
  bench("bbox Germany (zoom 5)", queries, [&](int) { pk::ArticleQuery q; q.bbox = germany; return q_page(q); });
  bench("bbox 64x48 deg (zoom 3)", queries, [&](int i) { pk::ArticleQuery q; q.bbox = box(i, 32, 24); return q_page(q); });
  bench("bbox 2x1.5 deg (zoom 8)", queries, [&](int i) { pk::ArticleQuery q; q.bbox = box(i, 1, 0.75); return q_page(q); });
  bench("bbox 0.1x0.07 deg (zoom 12)", queries, [&](int i) { pk::ArticleQuery q; q.bbox = box(i, 0.05, 0.035); return q_page(q); });
  bench("bbox Germany, page 2 (cursor)", queries, [&](int) {
        pk::ArticleQuery q;
        q.bbox = germany;
        q.cursor = s.query(q)->next_cursor;
        return q_page(q);
      }, "(both pages)");
  bench("radius 25 km", queries, [&](int i) {
        pk::ArticleQuery q;
        q.near_lat = centres[i].lat;
        q.near_lon = centres[i].lon;
        q.radius_km = 25;
        return q_page(q);
      });
  bench("region admin1 (Bundesland)", queries, [&](int i) {
        pk::ArticleQuery q;
        q.region = "admin1:" + centres[i].country + "." + centres[i].admin1;
        return q_page(q);
      });
  bench("region country:DE", queries, [&](int) { pk::ArticleQuery q; q.region = "country:DE"; return q_page(q); });
  // No words, space or region: the newest-first listing and the map's points (SQLite schema v5
  // reads them from article_order instead of the dropped articles_date index).
  bench("newest (no filter)", queries, [&](int) { return q_page(pk::ArticleQuery{}); });
  bench("newest, pages 1+2 (cursor)", queries, [&](int) {
        pk::ArticleQuery q;
        q.cursor = s.query(q)->next_cursor;
        return q_page(q);
      }, "(both pages)");
  bench("newest, language en (5%)", queries, [&](int) { pk::ArticleQuery q; q.language = "en"; return q_page(q); });
  std::string newest_date;
  if (auto top = s.query(pk::ArticleQuery{}); top && !top->items.empty()) newest_date = top->items[0].article.date;
  std::tm newest_tm{};
  strptime(newest_date.c_str(), "%Y-%m-%dT%H:%M:%S", &newest_tm);
  const std::time_t newest = timegm(&newest_tm);
  auto iso = [](std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return std::string(buf);
  };
  auto week_before = [&](int i) {  // a 7-day window ending i weeks before the newest article
    pk::ArticleQuery q;
    q.since = iso(newest - (i % 50 + 1) * 7 * 86400);
    q.until = iso(newest - (i % 50) * 7 * 86400);
    return q;
  };
  bench("newest in a 7-day window", queries, [&](int i) { return q_page(week_before(i)); });
  bench("map points, 7-day window", std::min(queries, 20), [&](int i) {
        auto r = s.focus_points(week_before(i));
        return r ? r->size() : 0;
      }, "(all points of the window)");
  bench("quick map points (every article)", std::min(queries, 5), [&](int) {
        auto r = s.quick_focus_points();
        return r ? r->size() : 0;
      }, "(all points)");
  bench("text only", queries, [&](int i) { pk::ArticleQuery q; q.text = word(i); return q_page(q); });
  bench("text + bbox Germany", queries, [&](int i) { pk::ArticleQuery q; q.text = word(i); q.bbox = germany; return q_page(q); });
  bench("text + bbox 2x1.5 deg", queries, [&](int i) { pk::ArticleQuery q; q.text = word(i); q.bbox = box(i, 1, 0.75); return q_page(q); });
  bench("text + bbox Germany, relevance", queries, [&](int i) {
        pk::ArticleQuery q;
        q.text = word(i);
        q.bbox = germany;
        q.sort = "relevance";
        return q_page(q);
      });
  bench("two words + bbox 2x1.5 deg", queries, [&](int i) {
        pk::ArticleQuery q;
        q.text = word(i) + " " + word(i + 3);
        q.bbox = box(i, 1, 0.75);
        return q_page(q);
      });

  std::printf("-- baseline: table scan, no spatial/text/region index (ids only, no article loading) --\n");
  Baseline base(db);
  bench("SCAN bbox 2x1.5 deg", baseline_queries, [&](int i) { return base.bbox(box(i, 1, 0.75), ""); });
  bench("SCAN bbox 0.1x0.07 deg", baseline_queries, [&](int i) { return base.bbox(box(i, 0.05, 0.035), ""); });
  bench("SCAN region admin1", baseline_queries, [&](int i) { return base.region(centres[i].country, centres[i].admin1); });
  bench("SCAN text LIKE + bbox 2x1.5 deg", baseline_queries, [&](int i) { return base.bbox(box(i, 1, 0.75), word(i)); });
  std::printf("load average at end: %s\n", load_average().c_str());
  return 0;
}
