// Recognition rules of the second recogniser pass (English persons, metonymy, nationality
// adjectives, credits, abbreviations) on the tiny test gazetteer.
#include <gtest/gtest.h>

#include "geoparse_lexicon.h"
#include "geoparser_test_gazetteer.h"
#include "pressekarte/geo.h"

namespace pk {
namespace {

int count(const GeoparseResult& r, std::string_view surface) {
  int n = 0;
  for (const auto& p : r.places) n += p.surface == surface;
  return n;
}

class Recognize : public ::testing::Test {
 protected:
  Geoparser parser{geo::testing::tiny_gazetteer(), GeoparseOptions{true, ""}};
};

TEST_F(Recognize, NationalityAdjectiveNamesItsCountry) {
  auto r = parser.parse_text("American troops arrived in Paris on Monday.", "en");
  ASSERT_EQ(count(r, "American"), 1);
  EXPECT_EQ(r.places[0].kind, "country");
  EXPECT_EQ(r.places[0].country, "US");
  EXPECT_EQ(r.places[0].start, 0u);
  EXPECT_EQ(r.places[0].end, 8u);
}

TEST_F(Recognize, NationalityAdjectiveInsideLongerNamesIsNoPlace) {
  auto r = parser.parse_text(
      "The exhibit shows Native American artifacts. The American Heart Association agreed. "
      "Monica American said so. It was African-American history.", "en");
  EXPECT_EQ(count(r, "American"), 0);
}

TEST_F(Recognize, FrenchElisionContinuesAName) {
  // "d'" joins the parts as "de" does ("Côte d'Ivoire"): the whole name, not nothing.
  auto r = parser.parse_text("Skiers met in Val d'Isère on Sunday.", "en");
  EXPECT_EQ(count(r, "Val d'Isère"), 1);
}

TEST_F(Recognize, NoNationalityAdjectivesInGerman) {
  auto r = parser.parse_text("Der American Football ist in Berlin beliebt.", "de");
  EXPECT_EQ(count(r, "American"), 0);
  EXPECT_EQ(count(r, "Berlin"), 1);
}

TEST_F(Recognize, PersonIntroducedWithTitleIsNoPlaceAnywhere) {
  auto r = parser.parse_text(
      "Gov. Charlie Paris signed the bill. Later Paris met reporters. Paris was pleased.", "en");
  EXPECT_EQ(count(r, "Paris"), 0);
}

TEST_F(Recognize, NameFollowedByAnAgeIsAPerson) {
  auto r = parser.parse_text("Police arrested a man. Paris, 26, was held overnight. Paris denied it.",
                             "en");
  EXPECT_EQ(count(r, "Paris"), 0);
}

TEST_F(Recognize, PossessiveAfterInIsNoPlaceCue) {
  // "in Paris' honor" must not outvote the person reading established by "Mr. Paris".
  auto r = parser.parse_text("Mr. Paris retired. A tree was planted in Paris' honor.", "en");
  EXPECT_EQ(count(r, "Paris"), 0);
}

TEST_F(Recognize, PlaceCuesOutnumberingPersonCuesKeepThePlace) {
  auto r = parser.parse_text(
      "Fulda sagte nichts. In Fulda regnete es. Nach Fulda fuhren viele.", "de");
  EXPECT_EQ(count(r, "Fulda"), 2);
}

TEST_F(Recognize, BigCitySpeaksForItsGovernment) {
  auto r = parser.parse_text("Officials met in Berlin. Later Washington said it would act.", "en");
  EXPECT_EQ(count(r, "Washington"), 1);
}

TEST_F(Recognize, LowerCaseRoleTitleMarksAPerson) {
  auto r = parser.parse_text("\"We won,\" said coach Fulda. The team thanked coach Fulda.", "en");
  EXPECT_EQ(count(r, "Fulda"), 0);
  // "miss" is a verb: the storm missed the city.
  auto r2 = parser.parse_text("The storm is expected to miss Berlin entirely.", "en");
  EXPECT_EQ(count(r2, "Berlin"), 1);
}

TEST_F(Recognize, FirmWithAmpersandIsNoPlace) {
  auto r = parser.parse_text("The city owes design firm Fulda & Wilkinson money.", "en");
  EXPECT_EQ(count(r, "Fulda"), 0);
}

TEST_F(Recognize, PhotoCreditInRunningTextEndsAtALowerCaseWord) {
  auto r = parser.parse_text(
      "Photo: AP Walker, who was making her first trip to Berlin, said it mattered.", "en");
  EXPECT_EQ(count(r, "Berlin"), 1);
}

TEST_F(Recognize, DirectionWordBeforeAPlaceIsNoTown) {
  auto r = parser.parse_text("She moved to North Rhine-Westphalia and later to Western Berlin.", "en");
  EXPECT_EQ(count(r, "North Rhine-Westphalia"), 1);
  EXPECT_EQ(count(r, "Berlin"), 1);
  EXPECT_EQ(count(r, "Western"), 0);
}

TEST_F(Recognize, ExactOnlyAbbreviationsAreFound) {
  // "NRW" is an abbreviation key (exact only); German text accepts three-letter state codes.
  auto r = parser.parse_text("Die Polizei in NRW meldet einen Unfall.", "de");
  EXPECT_EQ(count(r, "NRW"), 1);
}

TEST(RecognizeLexicon, DemonymsAndNonPlacePhrases) {
  EXPECT_EQ(geo::english_demonym_country("Russian"), "Russia");
  EXPECT_EQ(geo::english_demonym_country("Palestinians"), "Palestine");
  EXPECT_EQ(geo::english_demonym_country("russian"), "");  // case-sensitive: a proper adjective
  EXPECT_EQ(geo::english_demonym_country("Arab"), "");     // no single country
  EXPECT_TRUE(geo::is_known_non_place_phrase("white house"));
  EXPECT_TRUE(geo::is_direction_word_en("northern"));
  EXPECT_TRUE(geo::is_role_noun_en("coach"));
  EXPECT_FALSE(geo::is_role_noun_en("miss"));
}

// Session 3 rules.
TEST_F(Recognize, SentenceInitialArticleIsNoPartOfALongerName) {
  auto r = parser.parse_text("The German government met. A Japanese envoy came.", "en");
  EXPECT_EQ(count(r, "German"), 1);
  EXPECT_EQ(count(r, "Japanese"), 1);
}

TEST_F(Recognize, LanguageIsNoCountry) {
  auto r = parser.parse_text("She spoke only German and Japanese. The book was translated into German. "
                             "German troops left.", "en");
  EXPECT_EQ(count(r, "Japanese"), 0);
  EXPECT_EQ(count(r, "German"), 1);
}

TEST_F(Recognize, StateBodyKeepsTheNationalityAdjective) {
  auto r = parser.parse_text("Officials said the German Foreign Ministry agreed. The American Heart Association "
                             "did not.", "en");
  EXPECT_EQ(count(r, "German"), 1);
  EXPECT_EQ(count(r, "American"), 0);
}

TEST(RecognizeLexicon, TwoWordNationalityAdjectives) {
  EXPECT_EQ(geo::english_demonym_country("Sri Lankan"), "Sri Lanka");
  EXPECT_EQ(geo::english_demonym_country("South Korean"), "South Korea");
  EXPECT_EQ(geo::english_demonym_country("Lankan"), "");
}

TEST_F(Recognize, StateWordOrCommaQualifierMeansTheState) {
  auto r = parser.parse_text("The cow was born at a Washington state farm.", "en");
  ASSERT_EQ(count(r, "Washington"), 1);
  for (const auto& p : r.places) {
    if (p.surface == "Washington") { EXPECT_EQ(p.kind, "admin1"); }
  }
  auto city = parser.parse_text("The talks in Washington ended.", "en");
  for (const auto& p : city.places) {
    if (p.surface == "Washington") { EXPECT_EQ(p.kind, "city"); }
  }
}

}  // namespace
}  // namespace pk
