// Resolution on given spans (the resolution-only mode): demonyms, US counties and the state
// context that picks between same-named counties and towns.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "geoparser_test_gazetteer.h"
#include "pressekarte/geo.h"

namespace pk::geo {
namespace {

using testing::city;
using testing::table_row;

PlaceDraft county(const std::string& name, const std::string& state, std::uint32_t state_row, double lat, double lon,
                  std::int64_t pop) {
  PlaceDraft d;
  d.name = d.name_en = name;
  d.country = "US";
  d.admin1 = state;
  d.admin1_place = state_row;
  d.country_place = 0;
  d.kind = PlaceKind::kAdmin2;
  d.feature_code = "ADM2";
  d.lat = lat;
  d.lon = lon;
  d.population = pop;
  d.names.push_back({name, kHowPrimary | kHowEnglish});
  return d;
}

std::shared_ptr<const Gazetteer> us_gazetteer() {
  static std::shared_ptr<const Gazetteer> gaz = [] {
    std::vector<PlaceDraft> p;
    p.push_back(table_row(PlaceKind::kCountry, "United States", "Vereinigte Staaten", "US", "", 38.9, -77.04));  // 0
    p.push_back(table_row(PlaceKind::kCountry, "Russia", "Russland", "RU", "", 55.75, 37.62));                  // 1
    p.push_back(table_row(PlaceKind::kAdmin1, "Kentucky", "Kentucky", "US", "KY", 38.2, -84.87, {"Ky."}));     // 2
    p.push_back(table_row(PlaceKind::kAdmin1, "Missouri", "Missouri", "US", "MO", 38.58, -92.17));           // 3
    p[2].country_place = p[3].country_place = 0;
    p.push_back(county("Laurel County", "KY", 2, 37.11, -84.12, 60000));   // 4
    p.push_back(county("Laurel County", "MO", 3, 37.5, -92.5, 90000));     // 5: bigger, wrong state
    p.push_back(city(4298960, "London", "US", "KY", 37.12898, -84.08326, 8126, "PPLA2"));
    p.push_back(city(4297983, "Lexington", "US", "KY", 37.98869, -84.47772, 320000, "PPLA2"));
    p.push_back(city(4297984, "Laurel", "US", "MO", 37.2, -92.2, 900));
    p.push_back(city(5520000, "Canadian", "US", "TX", 35.9, -100.38, 2600));
    p.push_back(table_row(PlaceKind::kCountry, "Canada", "Kanada", "CA", "", 45.42, -75.7));
    // Session 3: homonyms of countries and a capital carrying its country's name.
    p.push_back(city(4520000, "Russia", "US", "MO", 37.3, -92.3, 600));
    p.push_back(city(4520001, "Tyler", "US", "MO", 37.4, -92.4, 100000));
    p.push_back(table_row(PlaceKind::kCountry, "Mexico", "Mexiko", "MX", "", 19.43, -99.13));
    p.push_back(city(3530597, "Mexico City", "MX", "09", 19.43, -99.13, 12294193, "PPLC", {"Mexico"}));
    p.push_back(city(3515302, "Toluca", "MX", "15", 19.29, -99.65, 505881, "PPLA"));
    p.push_back(city(4520002, "Central", "US", "MO", 37.5, -92.5, 5000));
    p.push_back(city(3521081, "Puebla", "MX", "21", 19.03, -98.2, 1590256, "PPLA"));
    for (auto& d : p)
      if (d.kind == PlaceKind::kCity && d.country == "US") d.admin1_place = d.admin1 == "KY" ? 2 : 3;
    Lexicons lex;
    lex.have_de = lex.have_en = true;
    auto dir = std::filesystem::temp_directory_path() / ("pk_resolve_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::string path = (dir / "us.bin").string();
    if (!write_gazetteer_file(p, lex, {"test=1"}, path).is_ok()) std::abort();
    auto g = Gazetteer::open(path);
    if (!g.is_ok()) std::abort();
    std::filesystem::remove_all(dir);
    return g.value();
  }();
  return gaz;
}

class ResolveSpans : public ::testing::Test {
 protected:
  Geoparser parser{us_gazetteer(), GeoparseOptions{true, ""}};
};

// The gazetteer has no "American": a given demonym span falls back to the recogniser's table.
TEST_F(ResolveSpans, GivenDemonymSpansResolveToTheirCountry) {
  const std::string text = "American and Russian envoys met. Americans left.";
  auto r = parser.resolve_spans(text, {{0, 8}, {13, 20}, {33, 42}}, "en");
  ASSERT_EQ(r.places.size(), 3u);
  EXPECT_EQ(r.places[0].kind, "country");
  EXPECT_EQ(r.places[0].country, "US");
  EXPECT_EQ(r.places[1].country, "RU");
  EXPECT_EQ(r.places[2].country, "US");
}

// "Canadian", TX exists, but a demonym span means the country, as in running text.
TEST_F(ResolveSpans, GivenDemonymBeatsTheTownNamedLikeIt) {
  auto r = parser.resolve_spans("Canadian officials", {{0, 8}}, "en");
  ASSERT_EQ(r.places.size(), 1u);
  EXPECT_EQ(r.places[0].kind, "country");
  EXPECT_EQ(r.places[0].country, "CA");
}

TEST_F(ResolveSpans, CountyFollowsTheStateTheTextNames) {
  // Without context the bigger namesake wins; Kentucky and London, Ky., pull it to Kentucky.
  auto bare = parser.resolve_spans("Laurel County", {{0, 13}}, "en");
  ASSERT_EQ(bare.places.size(), 1u);
  EXPECT_EQ(bare.places[0].admin1, "MO");
  const std::string text = "Deputies in Laurel County, Kentucky, searched near London.";
  auto r = parser.resolve_spans(text, {{12, 25}, {27, 35}, {51, 57}}, "en");
  ASSERT_EQ(r.places.size(), 3u);
  EXPECT_EQ(r.places[0].kind, "admin2");
  EXPECT_EQ(r.places[0].admin1, "KY");
  EXPECT_NEAR(r.places[0].lat, 37.11, 1e-6);
}

// Session 3. "Russia, Canada": the comma makes "Canada" a qualifier of "Russia", which says
// nothing for Russia, MO; only a qualifier that fits the town lifts it over the country.
TEST_F(ResolveSpans, ListOfCountriesIsNoQualifierForATownHomonym) {
  auto r = parser.parse_text("Cases were confirmed in Laurel County, Kentucky, in Russia, Canada and near London.", "en");
  bool seen = false;
  for (const auto& p : r.places) {
    if (p.surface != "Russia") continue;
    seen = true;
    EXPECT_EQ(p.kind, "country");
    EXPECT_EQ(p.country, "RU");
  }
  EXPECT_TRUE(seen);
}

// "Officials in Mexico … Mexican hospitals": the country whose adjective the text uses, not the
// capital that carries the country's name as an alternate.
TEST_F(ResolveSpans, CountryNamedWithItsPlacesBeatsTheCapitalsShortName) {
  auto r = parser.parse_text("Officials in Mexico said Mexican hospitals in Puebla and Toluca were full.", "en");
  bool seen = false;
  for (const auto& p : r.places) {
    if (p.surface != "Mexico") continue;
    seen = true;
    EXPECT_EQ(p.kind, "country");
  }
  EXPECT_TRUE(seen);
}

// "Tyler Johnson" is a person; "in Tyler" elsewhere is the town.
TEST_F(ResolveSpans, GivenNameBeforeASurnameIsAPerson) {
  auto person = parser.parse_text("Tyler Johnson scored twice on Friday.", "en");
  for (const auto& p : person.places) EXPECT_NE(p.surface, "Tyler");
  auto town = parser.parse_text("He moved to Tyler last year.", "en");
  ASSERT_EQ(town.places.size(), 1u);
  EXPECT_EQ(town.places[0].surface, "Tyler");
}

// "North Central Regional Jail", "Central Anatolia": a direction word before a capitalised
// word starts a longer name, no town; "in Central." alone stays the town.
TEST_F(ResolveSpans, DirectionWordBeforeACapitalisedWordIsNoTown) {
  auto jail = parser.parse_text("He was held in the North Central Regional Jail.", "en");
  for (const auto& p : jail.places) EXPECT_NE(p.surface, "Central");
  auto town = parser.parse_text("He grew up in Central.", "en");
  ASSERT_EQ(town.places.size(), 1u);
  EXPECT_EQ(town.places[0].surface, "Central");
}

// "United Russia" is a party; "in Russia" the country.
TEST_F(ResolveSpans, UnitedBeforeACountryNamesAParty) {
  auto r = parser.parse_text("Members of United Russia won most seats in Russia.", "en");
  ASSERT_EQ(r.places.size(), 1u);
  EXPECT_EQ(r.places[0].start, 43u);
}

}  // namespace
}  // namespace pk::geo
