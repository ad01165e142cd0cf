// Stories: near-duplicate detection (wire reprints) and story clustering, plus the reprint
// lineage of each member against the story's canonical text.
//
// How a decision is made (all thresholds live in StoryOptions):
//  * Text is normalised (pk::fold_for_match: lower case, ä→ae, ß→ss; punctuation dropped) and cut
//    into word shingles (4-grams) over lead + body; the headline and captions are left out, so a
//    new headline or a different photo does not hide a reprint.
//  * Each article keeps a bottom-k sketch of its shingle hashes (exact for short texts) and a
//    bottom-k sketch of its content words, never its text. Candidates come from two indexes:
//    banded MinHash LSH over one-permutation signatures, and the focus place.
//  * Reprint: shingle containment |A∩B|/min(|A|,|B|) ≥ reprint_containment (robust to cut
//    paragraphs and added local paragraphs) or Jaccard ≥ reprint_jaccard.
//    Same event: same focus place and content-word Jaccard ≥ same_event_words.
//  * Only candidates within ±window_days of the new article's date count (missing dates: the
//    day of the previous article added). Buckets are capped, so 10k identical copies cost
//    bounded time and memory.
//  * The index keeps articles in generations of window_days days and evicts old ones
//    (retain_days, evict_idle_adds, max_articles), so lookups and memory follow the articles
//    of the retained days, not everything ever ingested.
//  * Per outlet, lead/paragraph blocks seen in an earlier article of that outlet (cookie
//    banners, adverts) are left out of the features (drop_outlet_boilerplate).
//
// JSON shapes (for `pressekarte stories --json` and GET /api/stories/{id}):
//   lineage_to_json(l):  {"kind": "unchanged"|"shortened"|"extended"|"edited"|"rewritten",
//                         "title_changed": bool, "kept": N, "canonical_sentences": N,
//                         "added": ["sentence", …], "dropped": ["sentence", …]}
//   story_view_to_json(v): {"id": story_id, "size": N, "canonical_id": id, "title": "…",
//                         "first_seen": "date", "last_seen": "date", "outlets": ["…"],
//                         "focus": {"name","lat","lon"}|null,
//                         "members": [{"id","date","outlet","title","url","lineage": {…}}]}
//   (the canonical member's lineage is {"kind":"canonical", …} with empty added/dropped).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pressekarte/model.h"
#include "pressekarte/status.h"
#include "pressekarte/store.h"

namespace pk {

struct StoryOptions {
  // Words per shingle. Default 4 (5 is stricter; 3 matches more boilerplate).
  int shingle_words = 4;
  // Bottom-k sketch sizes (hashes kept per article). Cost: 4 bytes each per article.
  // Defaults 64 (shingles) and 48 (content words); texts with fewer are kept exactly.
  int shingle_sketch = 64;
  int word_sketch = 48;
  // LSH: lsh_bands × lsh_rows one-permutation MinHash values. Default 16 × 2 (candidate
  // probability 0.94 at Jaccard 0.4, 0.99 at 0.5). Cost: one index cell (8 bytes) per band.
  int lsh_bands = 16;
  int lsh_rows = 2;
  // Only articles whose dates differ by at most this many days can share a story. Default 3.
  int window_days = 3;
  // Reprint thresholds (see above). Defaults 0.5 and 0.3.
  double reprint_containment = 0.5;
  double reprint_jaccard = 0.3;
  // Fewer shingles than this in the smaller text: containment alone is not trusted, Jaccard
  // must reach reprint_jaccard. Default 12 (a two-sentence item).
  int min_shingles_for_containment = 12;
  // Same event (different write-ups): same focus place, days apart ≤ same_event_days, and
  // content-word Jaccard ≥ same_event_words. Defaults 2 and 0.15.
  int same_event_days = 2;
  double same_event_words = 0.15;
  // Articles with fewer content words than this never join or seed a shared story: each is
  // its own story (empty or one-word articles). Default 5.
  int min_words = 5;
  // Bucket caps: at most this many articles per LSH bucket and per place (older ones are
  // replaced). Default 64 and 256.
  int max_bucket = 64;
  int max_place_bucket = 256;
  // At most this many candidates (newest first) get the exact check per article. Default 512.
  int max_candidates = 512;
  // Eviction: articles dated more than retain_days before the newest indexed article are
  // dropped (in generations of max(1, window_days) days), unless their generation received an
  // article within the last evict_idle_adds adds (a backfill of old articles keeps working).
  // An article that arrives later than that is compared only with what is still held. Also
  // the default start window of rebuild_story_index. Defaults 14 days (≥ window_days) and
  // 10,000 adds. Cost: memory ∝ articles of the retained days (at least the last 10,000).
  int retain_days = 14;
  std::uint64_t evict_idle_adds = 10000;
  // Hard cap on indexed articles: past it the oldest generation is dropped (never the one
  // just written). Default 1,000,000 (≈ 1 GB).
  std::size_t max_articles = 1000000;
  // Leave out of an article's features each lead/paragraph block (≥ 4 words) that an indexed
  // article of the same outlet (Article::outlet, else site_title, else URL host) already
  // carried: cookie banners, app adverts and imprint lines must not make two different articles
  // of one outlet look like reprints. An article all of whose blocks were seen (the same
  // article under a second URL) keeps them all. Limitation: an outlet's second edition of a
  // wire text with an added local paragraph keeps only that paragraph, so it joins the story
  // only as the same event (same place and words), not as a reprint.
  // Default true. Cost: 8–16 bytes per block.
  bool drop_outlet_boilerplate = true;
  // Clamps every field to a sane range (called by StoryIndex's constructor).
  void clamp();
};

// What StoryIndex::add decided for one article.
struct StoryDecision {
  std::int64_t story_id = 0;   // the article id of the story's first member
  bool new_story = true;       // true: this article starts its own story
  std::optional<std::int64_t> matched_article;  // the member it matched (none for a new story)
  std::optional<std::int64_t> canonical_article;  // the story's canonical member (= story id)
  double similarity = 0;       // shingle containment (reprint) or word Jaccard (same event)
  std::string reason;          // "new" | "reprint" | "same_event" | "too_short" | "duplicate_id"
};

// Incremental story clustering over a stream of articles.
//
// Thread safety: add()/restore() must not run concurrently with each other or with readers;
// const methods may run concurrently with each other. The pipeline calls add() from its single
// store-writer thread. Memory per article: a few hundred bytes (see memory_bytes()).
class StoryIndex {
 public:
  explicit StoryIndex(StoryOptions options = {});
  ~StoryIndex();
  StoryIndex(StoryIndex&&) noexcept;
  StoryIndex& operator=(StoryIndex&&) noexcept;

  // Decides the story of a new article and indexes it. Articles may arrive out of date order:
  // they join a story whose members lie within the window of their own date. Adding an id that
  // is already indexed changes nothing and returns its story (reason "duplicate_id").
  StoryDecision add(std::int64_t article_id, const Article& article, const GeoparseResult& geo);
  // Indexes an article whose story is already known (rebuilding from the store on start).
  void restore(std::int64_t article_id, std::int64_t story_id, const Article& article,
               const GeoparseResult& geo);

  // The story of an indexed article; nullopt if unknown or already evicted.
  std::optional<std::int64_t> story_of(std::int64_t article_id) const;
  std::size_t size() const;          // articles indexed (evicted ones not counted)
  // The newest article date indexed so far ("YYYY-MM-DD"), nullopt when empty.
  std::optional<std::string> newest_date() const;
  std::size_t memory_bytes() const;  // heap bytes held by the index (approximate)
  const StoryOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Feeds the stored articles since `since` into `index`: articles with a stored story id are
// restored (newest first), the others are then added oldest first and, when `persist` is
// true, their new story id is written back with Store::set_story.
// `since`: an ISO date; "" = the index's retain window, i.e. retain_days before the newest
// stored article (what the index would keep anyway, so start time does not grow with the
// store); "all" = every stored article. Returns the number of articles read. Errors: the store's.
Result<std::size_t> rebuild_story_index(Store& store, StoryIndex& index, const std::string& since,
                                        bool persist);

// Pairwise text similarity with the same features and thresholds as StoryIndex (no place, no
// dates): for evaluation, the API and tests. Exact (no sketch) for both texts.
struct TextSimilarity {
  double shingle_jaccard = 0;
  double shingle_containment = 0;  // |A∩B| / min(|A|,|B|) over word shingles
  double word_jaccard = 0;         // content words (title + lead + body)
  bool reprint = false;            // the reprint rule of StoryOptions holds
};
TextSimilarity text_similarity(const Article& a, const Article& b, const StoryOptions& options = {});

// ---- Lineage -------------------------------------------------------------------------------

struct Lineage {
  std::string kind;  // unchanged | shortened | extended | edited (cut and added) | rewritten
  bool title_changed = false;
  std::size_t kept = 0;                 // canonical sentences found in the member
  std::size_t canonical_sentences = 0;  // sentences of the canonical lead + body
  std::vector<std::string> added;       // member sentences not in the canonical text
  std::vector<std::string> dropped;     // canonical sentences missing from the member
};

// Sentence-level diff of `member` against `canonical` (lead + body paragraphs; the headline is
// compared separately). Sentences match when their normalised words agree (minor edits such as
// punctuation, umlaut spelling or one changed word still match). "rewritten": fewer than half
// of the canonical sentences kept.
Lineage compare(const Article& canonical, const Article& member);

// German-aware sentence splitting: does not split after abbreviations ("z. B.", "Dr.", "u. a.",
// "Nr."), ordinals and dates ("28. Oktober", "3. Liga"), initials or decimal numbers.
std::vector<std::string> split_sentences(const std::string& text);

nlohmann::json lineage_to_json(const Lineage& lineage);

// ---- Story views ---------------------------------------------------------------------------

struct StoryMemberView {
  std::int64_t id = 0;
  std::string date, outlet, title, url;
  Lineage lineage;
  bool canonical = false;
};

struct StoryView {
  std::int64_t id = 0;            // story id
  // The wire text: the member with the most sentences that other members carry too (a cut
  // copy loses to the full one, an added local paragraph does not help); ties: the earliest.
  std::int64_t canonical_id = 0;
  std::string title, first_seen, last_seen;
  std::vector<std::string> outlets;  // distinct, in order of first appearance
  std::optional<PlaceMention> focus;  // the canonical member's focus
  std::vector<StoryMemberView> members;  // date order
};

// Builds the view of one story from its members (any order; at least one). The story id is
// taken from the members' story_id, else the first member's id.
StoryView build_story_view(const std::vector<StoredArticle>& members);
nlohmann::json story_view_to_json(const StoryView& view, bool with_lineage = true);

}  // namespace pk
