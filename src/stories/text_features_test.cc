#include "text_features.h"

#include <random>
#include <set>

#include <gtest/gtest.h>

namespace pk::stories {
namespace {

TEST(FoldWords, LowercasesFoldsUmlautsAndDropsPunctuation) {
  auto w = fold_words("Die Straße in Köln – „schön“, sagte Dr. Müller (dpa).");
  std::vector<std::string> expect = {"die", "strasse", "in", "koeln", "schoen", "sagte", "dr", "mueller", "dpa"};
  EXPECT_EQ(w, expect);
}

TEST(Shingles, SameTextSameHashesAndUmlautSpellingsAgree) {
  auto a = shingle_hashes(fold_words("Der Bürgermeister eröffnete die neue Brücke über die Fulda."), 4);
  auto b = shingle_hashes(fold_words("der Buergermeister eroeffnete die neue Bruecke ueber die Fulda"), 4);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.size(), 6u);
}

TEST(Shingles, ShortTextGivesOneShingleEmptyGivesNone) {
  EXPECT_EQ(shingle_hashes(fold_words("Hallo"), 4).size(), 1u);
  EXPECT_TRUE(shingle_hashes(fold_words(" ,. "), 4).empty());
}

TEST(Overlap, ExactForSmallSetsAndContainmentForSubsets) {
  std::vector<std::uint32_t> big, small;
  for (std::uint32_t i = 1; i <= 40; ++i) big.push_back(i * 97);
  for (std::uint32_t i = 1; i <= 10; ++i) small.push_back(i * 97);
  Overlap o = estimate_overlap(small.data(), small.size(), small.size(), big.data(), big.size(), big.size());
  EXPECT_DOUBLE_EQ(o.jaccard, 0.25);
  EXPECT_NEAR(o.containment, 1.0, 1e-9);
}

TEST(Overlap, BottomKEstimateIsCloseForLargeSets) {
  // A: 0..999, B: 500..1499 (hashed) → Jaccard 1/3, containment 0.5.
  std::vector<std::uint32_t> a, b;
  for (std::uint64_t i = 0; i < 1500; ++i) {
    auto h = static_cast<std::uint32_t>(mix64(i) >> 32);
    if (i < 1000) a.push_back(h);
    if (i >= 500) b.push_back(h);
  }
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  auto ka = bottom_k(a, 128), kb = bottom_k(b, 128);
  Overlap o = estimate_overlap(ka.data(), ka.size(), a.size(), kb.data(), kb.size(), b.size());
  EXPECT_NEAR(o.jaccard, 1.0 / 3, 0.12);
  EXPECT_NEAR(o.containment, 0.5, 0.15);
}

TEST(Oph, IdenticalSetsIdenticalSignaturesDisjointSetsDiffer) {
  std::vector<std::uint32_t> a = {5, 17, 99, 1000, 77777}, b = {6, 18, 100, 1001, 77778};
  EXPECT_EQ(oph_signature(a, 32), oph_signature(a, 32));
  auto sa = oph_signature(a, 32), sb = oph_signature(b, 32);
  int same = 0;
  for (std::size_t i = 0; i < sa.size(); ++i) same += sa[i] == sb[i];
  EXPECT_LT(same, 4);
}

TEST(ParseDay, IsoDatesAndGarbage) {
  EXPECT_EQ(parse_day("1970-01-02"), 1);
  EXPECT_EQ(parse_day("2026-11-27T10:00:00+01:00") - parse_day("2026-11-24"), 3);
  EXPECT_EQ(parse_day("2026-03-01") - parse_day("2026-02-28"), 1);
  EXPECT_EQ(parse_day("gestern"), -1);
  EXPECT_EQ(parse_day(""), -1);
}

TEST(IsoDay, RoundTripsParseDay) {
  for (const char* d : {"1970-01-01", "2024-02-29", "2026-11-27", "1999-12-31", "2100-03-01"})
    EXPECT_EQ(iso_day(parse_day(d)), d);
}

TEST(SketchProbe, EqualsTheMergeEstimateOnRandomSketches) {
  std::mt19937 rng(3);
  for (int round = 0; round < 300; ++round) {
    // Overlapping sets from a small universe, so shared values and truncation both happen.
    std::set<std::uint32_t> sa, sb;
    std::uint32_t universe = 50 + rng() % 400;
    std::size_t na = 1 + rng() % 150, nb = 1 + rng() % 150;
    while (sa.size() < std::min<std::size_t>(na, universe)) sa.insert(rng() % universe * 2654435761u);
    while (sb.size() < std::min<std::size_t>(nb, universe)) sb.insert(rng() % universe * 2654435761u);
    std::vector<std::uint32_t> a(sa.begin(), sa.end()), b(sb.begin(), sb.end());
    std::size_t k = 8 + rng() % 64;
    auto ka = bottom_k(a, k), kb = bottom_k(b, k);
    Overlap merge = estimate_overlap(ka.data(), ka.size(), a.size(), kb.data(), kb.size(), b.size());
    SketchProbe probe(ka.data(), ka.size(), a.size());
    Overlap fast = probe.estimate(kb.data(), kb.size(), b.size());
    ASSERT_DOUBLE_EQ(fast.jaccard, merge.jaccard) << "round " << round;
    ASSERT_DOUBLE_EQ(fast.containment, merge.containment) << "round " << round;
  }
}

}  // namespace
}  // namespace pk::stories
