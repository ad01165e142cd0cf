// Word splitting, folding, stemming and query building: the pieces both backends rely on.
#include "text_analysis.h"

#include <gtest/gtest.h>

#include "record.h"

namespace pk::store {
namespace {

TEST(TextAnalysisTest, GermanTermsFoldAndStem) {
  EXPECT_EQ(term_of_word("Straße", Lang::kGerman), term_of_word("Strasse", Lang::kGerman));
  EXPECT_EQ(term_of_word("STRASSE", Lang::kGerman), "strass");
  EXPECT_EQ(term_of_word("Kirschbäume", Lang::kGerman), term_of_word("Kirschbaum", Lang::kGerman));
  EXPECT_EQ(term_of_word("Häuser", Lang::kGerman), "haus");
  EXPECT_EQ(term_of_word("Köln", Lang::kGerman), "koln");
  EXPECT_EQ(term_of_word("storms", Lang::kEnglish), "storm");
  EXPECT_EQ(term_of_word("B52", Lang::kGerman), "b52");
  std::string g, e;
  terms_of_word("running", Lang::kBoth, &g, &e);
  EXPECT_EQ(g, "running");
  EXPECT_EQ(e, "run");
}

TEST(TextAnalysisTest, WordsSplitOnPunctuationAndOperators) {
  EXPECT_EQ(words_of("Baden-Württemberg: \"AND\" (x*) OR 1=1;--"),
            (std::vector<std::string>{"Baden", "Württemberg", "AND", "x", "OR", "1", "1"}));
  EXPECT_EQ(words_of("€ 5 … „Zitat“ 😀"), (std::vector<std::string>{"5", "Zitat"}));
  EXPECT_EQ(lower_word("ÄÖÜ ÉŁ"), "äöü éł");
  EXPECT_EQ(fold_word("äöüßéłæ"), "aousselae");
}

TEST(TextAnalysisTest, QueriesAreQuotedWordsAndPhrases) {
  auto q = parse_text_query("Verteidigung \"hit the coast\" NEAR(a) x'");
  ASSERT_TRUE(q.is_ok());
  EXPECT_EQ(fts5_match_expression(*q),
            "\"Verteidigung\"* AND \"hit the coast\" AND \"NEAR\" AND \"a\" AND \"x\"");
  EXPECT_EQ(tsquery_expression(*parse_text_query("Häuser")), "('haus':* | 'hauser':*)");
  EXPECT_FALSE(parse_text_query("\"\" ()").is_ok());
  EXPECT_FALSE(parse_text_query(std::string(2000, 'a')).is_ok());
}

TEST(RecordTest, IsoTimes) {
  EXPECT_EQ(parse_iso_time("1970-01-02"), 86400);
  EXPECT_EQ(parse_iso_time("2025-10-28T10:00:00+01:00"), parse_iso_time("2025-10-28T09:00:00Z"));
  EXPECT_EQ(parse_iso_time("2025-10-28 09:00"), parse_iso_time("2025-10-28T09:00:00"));
  for (const char* bad : {"", "2025-1-01", "2025-02-29", "2025-10-28T24:00", "2025-10-28Tfoo", "28.10.2025"})
    EXPECT_FALSE(parse_iso_time(bad).has_value()) << bad;
  EXPECT_EQ(format_iso_utc(86400), "1970-01-02T00:00:00Z");
}

TEST(RecordTest, DocumentRoundTripKeepsTextOnce) {
  Article a;
  a.title = "T";
  a.paragraphs = {"Eins.", "Zwei."};
  a.text = "Eins.\n\nZwei.";
  GeoparseResult geo;
  std::string doc = encode_doc(a, geo);
  EXPECT_EQ(doc.find("Eins.\\n\\nZwei."), std::string::npos);
  Article back;
  GeoparseResult gback;
  ASSERT_TRUE(decode_doc(doc, &back, &gback).is_ok());
  EXPECT_EQ(back.text, a.text);
  EXPECT_FALSE(decode_doc("{not json", &back, &gback).is_ok());
}

// The stem cache is cleared when full (131,072 words per language): stems must not change across
// a clear, and words cached before it must still stem correctly after it.
TEST(TextAnalysis, StemCacheSurvivesClear) {
  const std::string before = term_of_word("Kirschbäume", Lang::kGerman);
  ASSERT_EQ(before, "kirschbaum");
  std::string word = "Hausbau";
  for (int i = 0; i < 140000; ++i) {
    std::string w = word + std::to_string(i) + "x";  // distinct words, digits keep them unstemmed
    ASSERT_EQ(term_of_word(w, Lang::kGerman), fold_word(lower_word(w))) << w;
  }
  EXPECT_EQ(term_of_word("Kirschbäume", Lang::kGerman), before);
  EXPECT_EQ(term_of_word("Straße", Lang::kGerman), term_of_word("Strasse", Lang::kGerman));
}

}  // namespace
}  // namespace pk::store
