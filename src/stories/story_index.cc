// StoryIndex: per article only sketches and a few ids are kept (no text). Candidates come from
// a flat LSH multimap (band key → article slot) and from per-place buckets; both are capped so
// a flood of identical copies cannot grow a bucket without bound.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <unordered_map>

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
}

namespace {

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

// Open-addressing multimap from a 32-bit band key to a doc slot; several cells may share a key.
class BandTable {
 public:
  struct Cell {
    std::uint32_t key = 0;  // 0 = empty
    std::uint32_t slot = 0;
  };

  template <typename F>
  void for_each(std::uint32_t key, F&& f) const {
    if (cells_.empty()) return;
    for (std::size_t i = start(key);; i = (i + 1) & mask_) {
      const Cell& c = cells_[i];
      if (c.key == 0) return;
      if (c.key == key) f(c.slot);
    }
  }

  // Inserts; when `cap` cells already hold the key, the one whose doc is oldest (by `day_of`)
  // is replaced instead, if the new doc is not older.
  template <typename DayOf>
  void insert(std::uint32_t key, std::uint32_t slot, int cap, DayOf&& day_of) {
    if ((used_ + 1) * 10 > cells_.size() * 7) grow();
    int count = 0;
    std::size_t oldest = 0;
    for (std::size_t i = start(key);; i = (i + 1) & mask_) {
      Cell& c = cells_[i];
      if (c.key == 0) {
        if (count >= cap) break;
        c = {key, slot};
        ++used_;
        return;
      }
      if (c.key == key) {
        if (count == 0 || day_of(c.slot) < day_of(cells_[oldest].slot)) oldest = i;
        ++count;
      }
    }
    if (day_of(cells_[oldest].slot) <= day_of(slot)) cells_[oldest].slot = slot;
  }

  std::size_t bytes() const { return cells_.capacity() * sizeof(Cell); }

 private:
  std::size_t start(std::uint32_t key) const { return static_cast<std::size_t>(mix64(key)) & mask_; }
  void grow() {
    std::vector<Cell> old;
    old.swap(cells_);
    cells_.assign(old.empty() ? 1024 : old.size() * 2, Cell{});
    mask_ = cells_.size() - 1;
    used_ = 0;
    for (const Cell& c : old) {
      if (c.key == 0) continue;
      std::size_t i = start(c.key);
      while (cells_[i].key != 0) i = (i + 1) & mask_;
      cells_[i] = c;
      ++used_;
    }
  }
  std::vector<Cell> cells_;
  std::size_t mask_ = 0, used_ = 0;
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

// Shingles over lead + body (the headline is often rewritten); content words over all three.
// An undated article takes `last_day`, the day of the article before it.
Features compute_features(const StoryOptions& opt, const Article& a, const GeoparseResult& geo, int& last_day) {
  Features f;
  std::string body = a.lead;
  for (const auto& p : a.paragraphs) body += "\n" + p;
  if (a.paragraphs.empty() && !a.text.empty()) body += "\n" + a.text;
  auto words = stories::fold_words(body);
  f.shingles = stories::shingle_hashes(words, opt.shingle_words);
  auto title_words = stories::fold_words(a.title);
  words.insert(words.end(), title_words.begin(), title_words.end());
  f.words = stories::content_word_hashes(words);
  f.place = place_key(geo);
  f.day = stories::parse_day(a.date);
  if (f.day < 0) f.day = last_day;
  last_day = f.day;
  return f;
}

}  // namespace

struct StoryIndex::Impl {
  StoryOptions opt;
  std::vector<Doc> docs;
  std::vector<std::uint32_t> pool;
  BandTable bands;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> places;
  std::unordered_map<std::int64_t, std::uint32_t> by_id;
  int last_day = 0;

  Features features(const Article& a, const GeoparseResult& geo) { return compute_features(opt, a, geo, last_day); }

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

  std::uint32_t store(std::int64_t id, std::int64_t story, const Features& f) {
    Doc d;
    d.article_id = id;
    d.story_id = story;
    d.place = f.place;
    d.day = f.day;
    d.shingles = static_cast<std::uint32_t>(f.shingles.size());
    d.words = static_cast<std::uint32_t>(f.words.size());
    auto sk = stories::bottom_k(f.shingles, static_cast<std::size_t>(opt.shingle_sketch));
    auto wk = stories::bottom_k(f.words, static_cast<std::size_t>(opt.word_sketch));
    d.offset = static_cast<std::uint32_t>(pool.size());
    d.n_shingle = static_cast<std::uint16_t>(sk.size());
    d.n_word = static_cast<std::uint16_t>(wk.size());
    pool.insert(pool.end(), sk.begin(), sk.end());
    pool.insert(pool.end(), wk.begin(), wk.end());
    auto slot = static_cast<std::uint32_t>(docs.size());
    docs.push_back(d);
    by_id.emplace(id, slot);
    return slot;
  }

  void index(std::uint32_t slot, const Features& f) {
    auto day_of = [this](std::uint32_t s) { return docs[s].day; };
    for (std::uint32_t k : band_keys(f)) bands.insert(k, slot, opt.max_bucket, day_of);
    if (f.place != 0) {
      auto& bucket = places[f.place];
      if (bucket.size() < static_cast<std::size_t>(opt.max_place_bucket)) {
        bucket.push_back(slot);
      } else {
        auto oldest = std::min_element(bucket.begin(), bucket.end(),
                                       [&](std::uint32_t a, std::uint32_t b) { return docs[a].day < docs[b].day; });
        if (docs[*oldest].day <= f.day) *oldest = slot;
      }
    }
  }

  bool indexable(const Features& f) const {
    return f.words.size() >= static_cast<std::size_t>(opt.min_words) && !f.shingles.empty();
  }
};

StoryIndex::StoryIndex(StoryOptions options) : impl_(std::make_unique<Impl>()) {
  options.clamp();
  impl_->opt = options;
}
StoryIndex::~StoryIndex() = default;
StoryIndex::StoryIndex(StoryIndex&&) noexcept = default;
StoryIndex& StoryIndex::operator=(StoryIndex&&) noexcept = default;

const StoryOptions& StoryIndex::options() const { return impl_->opt; }
std::size_t StoryIndex::size() const { return impl_->docs.size(); }

std::optional<std::int64_t> StoryIndex::story_of(std::int64_t article_id) const {
  auto it = impl_->by_id.find(article_id);
  if (it == impl_->by_id.end()) return std::nullopt;
  return impl_->docs[it->second].story_id;
}

std::size_t StoryIndex::memory_bytes() const {
  const Impl& m = *impl_;
  std::size_t b = m.docs.capacity() * sizeof(Doc) + m.pool.capacity() * sizeof(std::uint32_t) + m.bands.bytes();
  b += m.by_id.bucket_count() * sizeof(void*) + m.by_id.size() * (sizeof(std::int64_t) + sizeof(std::uint32_t) + 2 * sizeof(void*));
  b += m.places.bucket_count() * sizeof(void*);
  for (const auto& [k, v] : m.places) b += sizeof(k) + sizeof(v) + 2 * sizeof(void*) + v.capacity() * sizeof(std::uint32_t);
  return b;
}

void StoryIndex::restore(std::int64_t article_id, std::int64_t story_id, const Article& article,
                         const GeoparseResult& geo) {
  Impl& m = *impl_;
  if (m.by_id.count(article_id)) return;
  Features f = m.features(article, geo);
  std::uint32_t slot = m.store(article_id, story_id, f);
  if (m.indexable(f)) m.index(slot, f);
}

StoryDecision StoryIndex::add(std::int64_t article_id, const Article& article, const GeoparseResult& geo) {
  Impl& m = *impl_;
  StoryDecision dec;
  if (auto it = m.by_id.find(article_id); it != m.by_id.end()) {
    const Doc& d = m.docs[it->second];
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
    dec.reason = "too_short";
    return dec;
  }

  std::vector<std::uint32_t> cand;
  for (std::uint32_t k : m.band_keys(f)) m.bands.for_each(k, [&](std::uint32_t s) { cand.push_back(s); });
  if (f.place != 0) {
    if (auto it = m.places.find(f.place); it != m.places.end()) cand.insert(cand.end(), it->second.begin(), it->second.end());
  }
  std::sort(cand.begin(), cand.end());
  cand.erase(std::unique(cand.begin(), cand.end()), cand.end());
  // Newest first (slots grow with arrival), at most max_candidates checked.
  std::reverse(cand.begin(), cand.end());
  if (cand.size() > static_cast<std::size_t>(m.opt.max_candidates)) cand.resize(static_cast<std::size_t>(m.opt.max_candidates));

  auto sk = stories::bottom_k(f.shingles, static_cast<std::size_t>(m.opt.shingle_sketch));
  auto wk = stories::bottom_k(f.words, static_cast<std::size_t>(m.opt.word_sketch));
  const Doc* best = nullptr;
  int best_rank = 0;  // 2 = reprint, 1 = same event
  double best_score = 0;
  for (std::uint32_t s : cand) {
    const Doc& d = m.docs[s];
    int dd = std::abs(d.day - f.day);
    if (dd > m.opt.window_days) continue;
    const std::uint32_t* ds = m.pool.data() + d.offset;
    Overlap o = estimate_overlap(sk.data(), sk.size(), f.shingles.size(), ds, d.n_shingle, d.shingles);
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
      Overlap w = estimate_overlap(wk.data(), wk.size(), f.words.size(), ds + d.n_shingle, d.n_word, d.words);
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
  std::uint32_t slot = m.store(article_id, dec.story_id, f);
  m.index(slot, f);
  return dec;
}

TextSimilarity text_similarity(const Article& a, const Article& b, const StoryOptions& options) {
  StoryOptions opt = options;
  opt.clamp();
  int day = 0;
  Features x = compute_features(opt, a, {}, day), y = compute_features(opt, b, {}, day);
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
