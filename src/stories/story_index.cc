// StoryIndex: per article only sketches and a few ids are kept (no text). Articles live in
// generations of a few days each (by article date); a lookup touches only the generations that
// overlap the article's ±window, so its cost follows the articles of those days, not the index
// size, and eviction drops whole generations. Inside a generation candidates come from a flat
// LSH multimap (band key → slot) and per-place buckets, both capped so a flood of identical
// copies cannot grow a bucket without bound.
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <map>
#include <unordered_map>

#include "flat_tables.h"
#include "pressekarte/stories.h"
#include "text_features.h"

namespace pk {

using stories::estimate_overlap;
using stories::mix64;
using stories::Overlap;

void StoryOptions::clamp() {
  shingle_words = std::clamp(shingle_words, 2, 8);
  shingle_sketch = std::clamp(shingle_sketch, 8, 1024);
  word_sketch = std::clamp(word_sketch, 8, 1024);
  lsh_bands = std::clamp(lsh_bands, 1, 64);
  lsh_rows = std::clamp(lsh_rows, 1, 8);
  window_days = std::clamp(window_days, 0, 365);
  same_event_days = std::clamp(same_event_days, 0, window_days);
  reprint_containment = std::clamp(reprint_containment, 0.05, 1.0);
  reprint_jaccard = std::clamp(reprint_jaccard, 0.05, 1.0);
  same_event_words = std::clamp(same_event_words, 0.01, 1.0);
  min_shingles_for_containment = std::clamp(min_shingles_for_containment, 1, 1000);
  min_words = std::clamp(min_words, 0, 1000);
  max_bucket = std::clamp(max_bucket, 1, 100000);
  max_place_bucket = std::clamp(max_place_bucket, 1, 100000);
  max_candidates = std::clamp(max_candidates, 1, 1000000);
  retain_days = std::clamp(retain_days, window_days, 36500);
  max_articles = std::clamp<std::size_t>(max_articles, 1000, std::size_t{1} << 31);
  evict_idle_adds = std::clamp<std::uint64_t>(evict_idle_adds, 64, std::uint64_t{1} << 40);
}

namespace {

// Lead/paragraph blocks with fewer words are not tracked as outlet boilerplate.
constexpr std::size_t kMinBlockWords = 4;

struct Doc {
  std::int64_t article_id = 0;
  std::int64_t story_id = 0;
  std::uint64_t place = 0;     // 0 = no focus place
  std::int32_t day = 0;
  std::uint32_t shingles = 0;  // true set sizes
  std::uint32_t words = 0;
  std::uint32_t offset = 0;    // sketches in the pool: shingles then words
  std::uint16_t n_shingle = 0, n_word = 0;
};

// Counts what std::set_intersection writes.
struct CountingIterator {
  std::size_t* n;
  CountingIterator& operator*() { return *this; }
  CountingIterator& operator++() { return *this; }
  CountingIterator operator++(int) { return *this; }
  template <typename T>
  CountingIterator& operator=(const T&) {
    ++*n;
    return *this;
  }
};

struct Features {
  std::vector<std::uint32_t> shingles, words;  // full sorted sets
  std::vector<std::uint64_t> blocks;           // outlet-keyed hashes of lead/paragraph blocks
  std::uint64_t place = 0;
  int day = -1;
};

std::uint64_t place_key(const GeoparseResult& geo) {
  if (!geo.focus || *geo.focus >= geo.places.size()) return 0;
  const PlaceMention& p = geo.places[*geo.focus];
  std::uint64_t k = p.geonameid ? static_cast<std::uint64_t>(*p.geonameid)
                                : stories::hash64(p.country + "|" + p.admin1 + "|" + p.kind + "|" + p.name);
  return mix64(k) | 1;  // never 0
}

// The outlet an article's boilerplate belongs to: its outlet id, else site title, else URL host.
std::uint64_t outlet_key(const Article& a) {
  std::string_view o = !a.outlet.empty() ? std::string_view(a.outlet) : std::string_view(a.site_title);
  if (o.empty()) {
    std::string_view u = a.url;
    auto scheme = u.find("://");
    if (scheme == std::string_view::npos) return 0;
    u.remove_prefix(scheme + 3);
    o = u.substr(0, u.find_first_of("/?#"));
  }
  return o.empty() ? 0 : stories::hash64(o);
}

// The text blocks that are shingled: lead and paragraphs (or the plain text's lines).
std::vector<std::string_view> text_blocks(const Article& a) {
  std::vector<std::string_view> blocks;
  if (!a.lead.empty()) blocks.push_back(a.lead);
  for (const auto& p : a.paragraphs) blocks.push_back(p);
  if (a.paragraphs.empty()) {
    std::string_view t = a.text;
    while (!t.empty()) {
      auto nl = t.find('\n');
      std::string_view line = t.substr(0, nl);
      if (!line.empty()) blocks.push_back(line);
      if (nl == std::string_view::npos) break;
      t.remove_prefix(nl + 1);
    }
  }
  return blocks;
}

// Shingles over lead + body (the headline is often rewritten); content words over all three.
// A block (lead or paragraph) for which `boilerplate(key)` is true, i.e. text that an earlier
// article of the same outlet carried too (cookie banners, app adverts, imprint lines), is left
// out — unless every block is such text: then the article is a re-run of an earlier one (the
// same story under a second URL or edition) and keeps all of it.
// An undated article takes `last_day`, the day of the article before it.
template <typename IsBoilerplate>
Features compute_features(const StoryOptions& opt, const Article& a, const GeoparseResult& geo, int& last_day,
                          IsBoilerplate&& boilerplate) {
  Features f;
  const std::uint64_t outlet = opt.drop_outlet_boilerplate ? outlet_key(a) : 0;
  stories::FoldedWords folded;
  struct Seen {
    std::size_t first_word, words;
  };
  std::vector<Seen> seen;
  std::size_t tracked = 0;
  for (std::string_view block : text_blocks(a)) {
    const std::size_t first_word = folded.spans.size();
    stories::fold_into(block, folded);
    const std::size_t n = folded.spans.size() - first_word;
    if (outlet == 0 || n < kMinBlockWords) continue;
    std::uint64_t h = outlet;
    for (std::size_t i = first_word; i < folded.spans.size(); ++i) {
      auto [off, len] = folded.spans[i];
      h = mix64(h ^ stories::hash64(std::string_view(folded.text).substr(off, len)));
    }
    h |= 1;
    f.blocks.push_back(h);
    ++tracked;
    if (boilerplate(h)) seen.push_back({first_word, n});
  }
  if (!seen.empty() && seen.size() < tracked) {
    // Forget the boilerplate blocks' words; shingle the text between them piece by piece, so no
    // shingle spans a gap (a re-run that keeps the banner then contains every shingle).
    std::vector<std::pair<std::uint32_t, std::uint32_t>> kept;
    std::size_t next = 0;
    auto piece = [&](std::size_t from, std::size_t to) {
      if (from >= to) return;
      std::vector<std::string_view> words;
      for (std::size_t i = from; i < to; ++i)
        words.emplace_back(folded.text.data() + folded.spans[i].first, folded.spans[i].second);
      auto sh = stories::shingle_hashes(words, opt.shingle_words);
      f.shingles.insert(f.shingles.end(), sh.begin(), sh.end());
      kept.insert(kept.end(), folded.spans.begin() + static_cast<std::ptrdiff_t>(from),
                  folded.spans.begin() + static_cast<std::ptrdiff_t>(to));
    };
    for (const Seen& b : seen) {
      piece(next, b.first_word);
      next = b.first_word + b.words;
    }
    piece(next, folded.spans.size());
    std::sort(f.shingles.begin(), f.shingles.end());
    f.shingles.erase(std::unique(f.shingles.begin(), f.shingles.end()), f.shingles.end());
    folded.spans.swap(kept);
  } else {
    f.shingles = stories::shingle_hashes(folded.views(), opt.shingle_words);
  }
  stories::fold_into(a.title, folded);
  f.words = stories::content_word_hashes(folded.views());
  f.place = place_key(geo);
  f.day = stories::parse_day(a.date);
  if (f.day < 0) f.day = last_day;
  last_day = f.day;
  return f;
}

int floor_div(int a, int b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// The articles of `epoch_days` consecutive days.
struct Generation {
  std::uint64_t last_add = 0;  // add sequence number of its newest article
  std::vector<Doc> docs;
  std::vector<std::uint32_t> pool;
  stories::BandTable bands;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> places;
  stories::KeySet blocks;  // outlet-keyed block hashes seen in these articles

  std::size_t bytes() const {
    std::size_t b = sizeof(*this) + docs.capacity() * sizeof(Doc) + pool.capacity() * sizeof(std::uint32_t) +
                    bands.bytes() + blocks.bytes() + places.bucket_count() * sizeof(void*);
    for (const auto& [k, v] : places) b += sizeof(k) + sizeof(v) + 2 * sizeof(void*) + v.capacity() * sizeof(std::uint32_t);
    return b;
  }
};

struct Location {
  std::int32_t epoch = 0;
  std::uint32_t slot = 0;
};

}  // namespace

struct StoryIndex::Impl {
  StoryOptions opt;
  int epoch_days = 1;
  std::map<int, Generation> gens;  // by epoch (first day / epoch_days)
  std::unordered_map<std::int64_t, Location> by_id;
  std::size_t count = 0;
  int last_day = 0;
  int newest_day = INT_MIN;
  std::uint64_t seq = 0;

  Features features(const Article& a, const GeoparseResult& geo) {
    return compute_features(opt, a, geo, last_day, [this](std::uint64_t h) {
      for (const auto& [e, g] : gens)
        if (g.blocks.contains(h)) return true;
      return false;
    });
  }

  std::vector<std::uint32_t> band_keys(const Features& f) const {
    std::vector<std::uint32_t> keys;
    if (f.shingles.empty()) return keys;
    auto sig = stories::oph_signature(f.shingles, opt.lsh_bands * opt.lsh_rows);
    for (int b = 0; b < opt.lsh_bands; ++b) {
      std::uint64_t h = mix64(static_cast<std::uint64_t>(b) + 0x51ed27);
      for (int r = 0; r < opt.lsh_rows; ++r) h = mix64(h ^ sig[static_cast<std::size_t>(b * opt.lsh_rows + r)]);
      auto k = static_cast<std::uint32_t>(h >> 32);
      keys.push_back(k == 0 ? 1 : k);
    }
    return keys;
  }

  int epoch_of(int day) const { return floor_div(day, epoch_days); }

  // Stores the article's sketches in its generation (no candidate index yet).
  Location store(std::int64_t id, std::int64_t story, const Features& f) {
    Location loc{epoch_of(f.day), 0};
    Generation& g = gens[loc.epoch];
    Doc d;
    d.article_id = id;
    d.story_id = story;
    d.place = f.place;
    d.day = f.day;
    d.shingles = static_cast<std::uint32_t>(f.shingles.size());
    d.words = static_cast<std::uint32_t>(f.words.size());
    auto sk = stories::bottom_k(f.shingles, static_cast<std::size_t>(opt.shingle_sketch));
    auto wk = stories::bottom_k(f.words, static_cast<std::size_t>(opt.word_sketch));
    d.offset = static_cast<std::uint32_t>(g.pool.size());
    d.n_shingle = static_cast<std::uint16_t>(sk.size());
    d.n_word = static_cast<std::uint16_t>(wk.size());
    g.pool.insert(g.pool.end(), sk.begin(), sk.end());
    g.pool.insert(g.pool.end(), wk.begin(), wk.end());
    loc.slot = static_cast<std::uint32_t>(g.docs.size());
    g.docs.push_back(d);
    for (std::uint64_t b : f.blocks) g.blocks.insert(b);
    g.last_add = ++seq;
    by_id.emplace(id, loc);
    ++count;
    newest_day = std::max(newest_day, f.day);
    return loc;
  }

  void index(Location loc, const Features& f) {
    Generation& g = gens[loc.epoch];
    auto day_of = [&g](std::uint32_t s) { return g.docs[s].day; };
    for (std::uint32_t k : band_keys(f)) g.bands.insert(k, loc.slot, opt.max_bucket, day_of);
    if (f.place != 0) {
      auto& bucket = g.places[f.place];
      if (bucket.size() < static_cast<std::size_t>(opt.max_place_bucket)) {
        bucket.push_back(loc.slot);
      } else {
        auto oldest = std::min_element(bucket.begin(), bucket.end(),
                                       [&](std::uint32_t a, std::uint32_t b) { return g.docs[a].day < g.docs[b].day; });
        if (g.docs[*oldest].day <= f.day) *oldest = loc.slot;
      }
    }
  }

  bool indexable(const Features& f) const {
    return f.words.size() >= static_cast<std::size_t>(opt.min_words) && !f.shingles.empty();
  }

  void drop(std::map<int, Generation>::iterator it) {
    for (const Doc& d : it->second.docs) by_id.erase(d.article_id);
    count -= it->second.docs.size();
    gens.erase(it);
    if (by_id.size() * 4 < by_id.bucket_count()) by_id.rehash(0);  // give back the buckets of a bigger past
  }

  // Drops generations older than retain_days before the newest article that are idle, then
  // the oldest ones while the index holds more than max_articles.
  void evict() {
    if (seq % 64 == 0 && newest_day != INT_MIN) {
      const int horizon = newest_day - opt.retain_days;
      for (auto it = gens.begin(); it != gens.end();) {
        const bool old = (it->first + 1) * epoch_days - 1 < horizon;
        auto next = std::next(it);
        if (old && seq - it->second.last_add > opt.evict_idle_adds) drop(it);
        it = next;
      }
    }
    // Over the cap: the oldest days go first, except the generation just written.
    while (count > opt.max_articles && gens.size() > 1) {
      auto victim = gens.begin();
      if (victim->second.last_add == seq) ++victim;
      drop(victim);
    }
  }
};

StoryIndex::StoryIndex(StoryOptions options) : impl_(std::make_unique<Impl>()) {
  options.clamp();
  impl_->opt = options;
  impl_->epoch_days = std::max(1, options.window_days);
}
StoryIndex::~StoryIndex() = default;
StoryIndex::StoryIndex(StoryIndex&&) noexcept = default;
StoryIndex& StoryIndex::operator=(StoryIndex&&) noexcept = default;

const StoryOptions& StoryIndex::options() const { return impl_->opt; }
std::size_t StoryIndex::size() const { return impl_->count; }

std::optional<std::int64_t> StoryIndex::story_of(std::int64_t article_id) const {
  auto it = impl_->by_id.find(article_id);
  if (it == impl_->by_id.end()) return std::nullopt;
  return impl_->gens.at(it->second.epoch).docs[it->second.slot].story_id;
}

std::optional<std::string> StoryIndex::newest_date() const {
  if (impl_->newest_day == INT_MIN) return std::nullopt;
  return stories::iso_day(impl_->newest_day);
}

std::size_t StoryIndex::memory_bytes() const {
  const Impl& m = *impl_;
  std::size_t b = m.by_id.bucket_count() * sizeof(void*) +
                  m.by_id.size() * (sizeof(std::int64_t) + sizeof(Location) + 2 * sizeof(void*));
  for (const auto& [e, g] : m.gens) b += g.bytes() + 4 * sizeof(void*);
  return b;
}

void StoryIndex::restore(std::int64_t article_id, std::int64_t story_id, const Article& article,
                         const GeoparseResult& geo) {
  Impl& m = *impl_;
  if (m.by_id.count(article_id)) return;
  Features f = m.features(article, geo);
  Location loc = m.store(article_id, story_id, f);
  if (m.indexable(f)) m.index(loc, f);
  m.evict();
}

StoryDecision StoryIndex::add(std::int64_t article_id, const Article& article, const GeoparseResult& geo) {
  Impl& m = *impl_;
  StoryDecision dec;
  if (auto it = m.by_id.find(article_id); it != m.by_id.end()) {
    const Doc& d = m.gens.at(it->second.epoch).docs[it->second.slot];
    dec.story_id = d.story_id;
    dec.new_story = false;
    dec.canonical_article = d.story_id;
    dec.reason = "duplicate_id";
    return dec;
  }
  Features f = m.features(article, geo);
  dec.story_id = article_id;
  dec.canonical_article = article_id;
  if (!m.indexable(f)) {
    m.store(article_id, article_id, f);
    m.evict();
    dec.reason = "too_short";
    return dec;
  }

  // Candidates from the generations overlapping [day - window, day + window]; each is
  // (generation rank << 33 | slot << 1 | found by LSH), so sorting descending puts newer days
  // and later arrivals first, and an LSH hit before the same slot's place-bucket entry.
  std::vector<const Generation*> near;
  std::vector<std::uint64_t> cand;
  const auto keys = m.band_keys(f);
  for (auto it = m.gens.lower_bound(m.epoch_of(f.day - m.opt.window_days));
       it != m.gens.end() && it->first <= m.epoch_of(f.day + m.opt.window_days); ++it) {
    const Generation& g = it->second;
    const std::uint64_t rank = static_cast<std::uint64_t>(near.size()) << 33;
    near.push_back(&g);
    for (std::uint32_t k : keys) g.bands.for_each(k, [&](std::uint32_t s) { cand.push_back(rank | std::uint64_t{s} << 1 | 1); });
    if (f.place != 0) {
      if (auto p = g.places.find(f.place); p != g.places.end())
        for (std::uint32_t s : p->second) cand.push_back(rank | std::uint64_t{s} << 1);
    }
  }
  std::sort(cand.begin(), cand.end(), std::greater<>());
  cand.erase(std::unique(cand.begin(), cand.end(), [](std::uint64_t a, std::uint64_t b) { return a >> 1 == b >> 1; }),
             cand.end());
  if (cand.size() > static_cast<std::size_t>(m.opt.max_candidates)) cand.resize(static_cast<std::size_t>(m.opt.max_candidates));

  auto sk = stories::bottom_k(f.shingles, static_cast<std::size_t>(m.opt.shingle_sketch));
  auto wk = stories::bottom_k(f.words, static_cast<std::size_t>(m.opt.word_sketch));
  const stories::SketchProbe shingle_probe(sk.data(), sk.size(), f.shingles.size());
  const stories::SketchProbe word_probe(wk.data(), wk.size(), f.words.size());
  const Doc* best = nullptr;
  int best_rank = 0;  // 2 = reprint, 1 = same event
  double best_score = 0;
  for (std::uint64_t c : cand) {
    const Generation& g = *near[c >> 33];
    const Doc& d = g.docs[static_cast<std::uint32_t>(c >> 1) & 0xFFFFFFFFu];
    int dd = std::abs(d.day - f.day);
    if (dd > m.opt.window_days) continue;
    const std::uint32_t* ds = g.pool.data() + d.offset;
    // Found only through the place bucket (a busy place holds hundreds): the cheaper word test
    // first; a text that shares too few words to be the same event is no reprint either.
    if ((c & 1) == 0) {
      if (dd > m.opt.same_event_days) continue;
      if (word_probe.estimate(ds + d.n_shingle, d.n_word, d.words).jaccard < m.opt.same_event_words) continue;
    }
    Overlap o = shingle_probe.estimate(ds, d.n_shingle, d.shingles);
    std::size_t smaller = std::min<std::size_t>(f.shingles.size(), d.shingles);
    bool reprint = o.jaccard >= m.opt.reprint_jaccard ||
                   (smaller >= static_cast<std::size_t>(m.opt.min_shingles_for_containment) &&
                    o.containment >= m.opt.reprint_containment);
    int rank = 0;
    double score = 0;
    if (reprint) {
      rank = 2;
      score = o.containment;
    } else if (f.place != 0 && d.place == f.place && dd <= m.opt.same_event_days) {
      Overlap w = word_probe.estimate(ds + d.n_shingle, d.n_word, d.words);
      if (w.jaccard >= m.opt.same_event_words) {
        rank = 1;
        score = w.jaccard;
      }
    }
    if (rank > best_rank || (rank == best_rank && rank > 0 && score > best_score)) {
      best = &d, best_rank = rank, best_score = score;
    }
    if (best_rank == 2 && best_score >= 0.999) break;  // an identical copy: no better match exists
  }
  if (best) {
    dec.story_id = best->story_id;
    dec.new_story = false;
    dec.matched_article = best->article_id;
    dec.canonical_article = best->story_id;
    dec.similarity = best_score;
    dec.reason = best_rank == 2 ? "reprint" : "same_event";
  } else {
    dec.reason = "new";
  }
  Location loc = m.store(article_id, dec.story_id, f);
  m.index(loc, f);
  m.evict();
  return dec;
}

TextSimilarity text_similarity(const Article& a, const Article& b, const StoryOptions& options) {
  StoryOptions opt = options;
  opt.clamp();
  int day = 0;
  auto none = [](std::uint64_t) { return false; };
  Features x = compute_features(opt, a, {}, day, none), y = compute_features(opt, b, {}, day, none);
  TextSimilarity t;
  Overlap o = estimate_overlap(x.shingles.data(), x.shingles.size(), x.shingles.size(), y.shingles.data(),
                               y.shingles.size(), y.shingles.size());
  Overlap w = estimate_overlap(x.words.data(), x.words.size(), x.words.size(), y.words.data(), y.words.size(),
                               y.words.size());
  t.shingle_jaccard = o.jaccard;
  // Exact sets: the intersection is exact, so recompute containment without the estimator.
  std::size_t inter = 0;
  std::set_intersection(x.shingles.begin(), x.shingles.end(), y.shingles.begin(), y.shingles.end(),
                        CountingIterator{&inter});
  std::size_t smaller = std::min(x.shingles.size(), y.shingles.size());
  t.shingle_containment = smaller ? static_cast<double>(inter) / static_cast<double>(smaller) : 0;
  t.word_jaccard = w.jaccard;
  t.reprint = t.shingle_jaccard >= opt.reprint_jaccard ||
              (smaller >= static_cast<std::size_t>(opt.min_shingles_for_containment) &&
               t.shingle_containment >= opt.reprint_containment);
  return t;
}

}  // namespace pk
