// Text features for near-duplicate detection: folded words, shingle hashes, content words,
// bottom-k sketches and one-permutation MinHash signatures. Private to pk_stories.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pk::stories {

// Lower-cased, umlaut-folded words; punctuation dropped, digits kept ("a7", "2026").
std::vector<std::string> fold_words(std::string_view text);

// Folded words of several texts kept in one buffer, without a string per word: the fast form of
// fold_words (same words) for the index's hot path.
struct FoldedWords {
  std::string text;                                    // folded word bytes, back to back
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;  // (offset, length) per word
  std::vector<std::string_view> views() const;
};
// Appends the folded words of `text` to `out` (ASCII handled inline; only runs of non-ASCII
// bytes go through pk::fold_for_match).
void fold_into(std::string_view text, FoldedWords& out);

std::uint64_t hash64(std::string_view s);
std::uint64_t mix64(std::uint64_t x);

// Sorted, unique 32-bit hashes of the word n-grams (a text shorter than n gives one shingle of
// all its words; an empty text gives none).
std::vector<std::uint32_t> shingle_hashes(const std::vector<std::string_view>& words, int n);
std::vector<std::uint32_t> shingle_hashes(const std::vector<std::string>& words, int n);
// Sorted, unique 32-bit hashes of content words: at least 4 letters, not a stop word, cut to
// their first 6 letters (a crude stem: "Entgleisung" and "entgleist" meet).
std::vector<std::uint32_t> content_word_hashes(const std::vector<std::string_view>& words);
std::vector<std::uint32_t> content_word_hashes(const std::vector<std::string>& words);

// The k smallest of a sorted unique set (the whole set when it has at most k).
std::vector<std::uint32_t> bottom_k(const std::vector<std::uint32_t>& sorted, std::size_t k);

struct Overlap {
  double jaccard = 0;
  double containment = 0;  // |A∩B| / min(|A|,|B|)
};
// Estimates the overlap of two sets from their bottom-k sketches (exact when both sketches
// hold the whole set). `total_*` are the true set sizes.
Overlap estimate_overlap(const std::uint32_t* a, std::size_t na, std::size_t total_a,
                         const std::uint32_t* b, std::size_t nb, std::size_t total_b);

// estimate_overlap with one side fixed: the query's sketch goes into a 4096-bit filter once, so
// each comparison with a stored sketch costs one bit test per stored value (an exact search
// only on a hit) instead of a branchy merge of both. Results equal estimate_overlap's.
class SketchProbe {
 public:
  SketchProbe(const std::uint32_t* a, std::size_t na, std::size_t total_a);
  Overlap estimate(const std::uint32_t* b, std::size_t nb, std::size_t total_b) const;

 private:
  const std::uint32_t* a_;
  std::size_t na_, total_a_;
  std::uint64_t bits_[64] = {};
};

// One-permutation MinHash with rotation densification: `bins` values from one pass.
std::vector<std::uint32_t> oph_signature(const std::vector<std::uint32_t>& sorted, int bins);

// Days since 1970-01-01 of an ISO date ("2026-11-27", "2026-11-27T10:00:00Z"); -1 if unreadable.
int parse_day(std::string_view iso);
// The ISO date ("2026-11-27") of a day number from parse_day.
std::string iso_day(int day);

}  // namespace pk::stories
