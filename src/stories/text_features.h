// Text features for near-duplicate detection: folded words, shingle hashes, content words,
// bottom-k sketches and one-permutation MinHash signatures. Private to pk_stories.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pk::stories {

// Lower-cased, umlaut-folded words; punctuation dropped, digits kept ("a7", "2026").
std::vector<std::string> fold_words(std::string_view text);

std::uint64_t hash64(std::string_view s);
std::uint64_t mix64(std::uint64_t x);

// Sorted, unique 32-bit hashes of the word n-grams (a text shorter than n gives one shingle of
// all its words; an empty text gives none).
std::vector<std::uint32_t> shingle_hashes(const std::vector<std::string>& words, int n);
// Sorted, unique 32-bit hashes of content words: at least 4 letters, not a stop word, cut to
// their first 6 letters (a crude stem: "Entgleisung" and "entgleist" meet).
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

// One-permutation MinHash with rotation densification: `bins` values from one pass.
std::vector<std::uint32_t> oph_signature(const std::vector<std::uint32_t>& sorted, int bins);

// Days since 1970-01-01 of an ISO date ("2026-11-27", "2026-11-27T10:00:00Z"); -1 if unreadable.
int parse_day(std::string_view iso);

}  // namespace pk::stories
