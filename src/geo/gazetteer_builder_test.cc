// Builds a gazetteer from a tiny hand-written cities500 excerpt, country tables, district list
// and lexicons in a temp dir, then checks what the geoparser and the server will ask of it.
#include "gazetteer_builder.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <cstdlib>
#include <optional>
#include <tuple>

#include "gazetteer_file.h"

namespace pk::geo {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// geonameid name ascii alternates lat lon class code country cc2 admin1 admin2 admin3 admin4 pop
std::string row(const std::string& id, const std::string& name, const std::string& ascii, const std::string& alts,
                const std::string& lat, const std::string& lon, const std::string& code, const std::string& cc,
                const std::string& a1, const std::string& a3, const std::string& pop) {
  return id + "\t" + name + "\t" + ascii + "\t" + alts + "\t" + lat + "\t" + lon + "\tP\t" + code + "\t" + cc + "\t\t" +
         a1 + "\t\t" + a3 + "\t\t" + pop + "\t\t100\tEurope/Berlin\t2024-01-01\n";
}

class GazetteerBuilderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("pk_gaz_builder_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    std::string cities;
    cities += row("1850147", "Tokyo", "Tokyo", "Edo,TYO,Tokio,Tokió,dong jing,東京,Токио", "35.6895", "139.69171", "PPLC", "JP", "40", "", "8336599");
    cities += row("2867714", "Munich", "Munich", "MUC,Muenchen,Munchen,München,Monaco di Baviera", "48.13743", "11.57549", "PPLA", "DE", "02", "09162", "1260391");
    cities += row("2925533", "Frankfurt am Main", "Frankfurt am Main", "FRA,Frankfurt,Frankfurt/Main", "50.11552", "8.68417", "PPLA3", "DE", "05", "06412", "650000");
    cities += row("2950159", "Berlin", "Berlin", "Berlin,Berlino", "52.52437", "13.41053", "PPLC", "DE", "16", "11000", "3426354");
    cities += row("2809346", "Wiesbaden", "Wiesbaden", "", "50.08258", "8.24932", "PPLA", "DE", "05", "06414", "272432");
    cities += row("6167865", "Toronto", "Toronto", "", "43.70643", "-79.39864", "PPLA", "CA", "08", "3520", "2600000");
    cities += row("2174003", "Brisbane", "Brisbane", "", "-27.46794", "153.02809", "PPLA", "AU", "04", "", "2582007");
    cities += row("2934246", "Düsseldorf", "Dusseldorf", "Duesseldorf", "51.22172", "6.77616", "PPLA", "DE", "07", "05111", "573057");
    cities += row("2928810", "Essen", "Essen", "", "51.45657", "7.01228", "PPLA3", "DE", "07", "05113", "593085");
    cities += row("2874225", "Mainz", "Mainz", "Maguncia,Mayence", "49.98419", "8.2791", "PPLA", "DE", "08", "07315", "184997");
    cities += row("2905891", "Fulda", "Fulda", "", "50.55162", "9.67518", "PPLA3", "DE", "05", "06631", "68635");
    cities += row("2842632", "Künzell", "Kunzell", "", "50.54379", "9.71498", "PPL", "DE", "05", "06631", "16000");
    cities += row("1871859", "Pyongyang", "Pyongyang", "Pjoengjang", "39.03385", "125.75432", "PPLC", "KP", "12", "", "3222000");
    cities += row("1835848", "Seoul", "Seoul", "Soeul", "37.566", "126.9784", "PPLC", "KR", "11", "", "10349312");
    cities += row("4140963", "Washington", "Washington", "Washington D.C.", "38.89511", "-77.03637", "PPLC", "US", "DC", "", "689545");
    cities += row("5128581", "New York City", "New York City", "NYC,New York", "40.71427", "-74.00597", "PPL", "US", "NY", "", "8804190");
    write(dir_ / "cities500.txt", cities);
    write(dir_ / "countries/langs/de.json",
          R"({"locale":"de","countries":{"DE":"Deutschland","JP":"Japan","KP":"Nordkorea","KR":"Südkorea",
              "US":["Vereinigte Staaten von Amerika","Vereinigte Staaten","USA"],"FR":"Frankreich"}})");
    write(dir_ / "countries/langs/en.json",
          R"({"locale":"en","countries":{"DE":"Germany","JP":"Japan","KP":"North Korea",
              "KR":["South Korea","Korea, Republic of"],"US":["United States of America","United States","USA","US"],
              "FR":"France"}})");
    write(dir_ / "countries/codes.json",
          R"([["DE","DEU","276"],["JP","JPN","392"],["KP","PRK","408"],["KR","KOR","410"],["US","USA","840"],["FR","FRA","250"]])");
    write(dir_ / "districts.csv",
          "AGS;type;name;NUTS3;area_km2;population;a;b;c\n06631;Landkreis;Fulda;DEE;1380;223000;1;1;1\n"
          "06412;Kreisfreie Stadt;Frankfurt am Main, Stadt;X;248;760000;1;1;1\n");
    write(dir_ / "de.txt", "Essen\nessen\nHalle\nhalle\nweil\n");
    write(dir_ / "en.txt", "reading\nReading\nnice\n");

    options_.cities = (dir_ / "cities500.txt").string();
    options_.countries_dir = (dir_ / "countries").string();
    options_.districts = (dir_ / "districts.csv").string();
    options_.lexicon_de = (dir_ / "de.txt").string();
    options_.lexicon_en = (dir_ / "en.txt").string();
    options_.us_counties = (dir_ / "fips-counties.csv").string();
    write(dir_ / "fips-counties.csv", "state,statefp,countyfp,countyname,classfp\n");
    options_.divisions_dir = (dir_ / "states").string();  // empty unless a test writes states
    fs::create_directories(dir_ / "states");
    options_.out = (dir_ / "out" / "gazetteer.bin").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::shared_ptr<const Gazetteer> build_and_open() {
    auto report = build_gazetteer(options_);
    EXPECT_TRUE(report.is_ok()) << report.status().to_string();
    auto g = Gazetteer::open(options_.out);
    EXPECT_TRUE(g.is_ok()) << g.status().to_string();
    return g.is_ok() ? *g : nullptr;
  }

  static bool has_geonameid(const std::vector<GazetteerPlace>& v, std::int64_t id) {
    return std::any_of(v.begin(), v.end(), [&](const auto& p) { return p.geonameid == id; });
  }
  static std::optional<GazetteerPlace> of_kind(const std::vector<GazetteerPlace>& v, const std::string& kind) {
    for (const auto& p : v)
      if (p.kind == kind) return p;
    return std::nullopt;
  }

  fs::path dir_;
  GazetteerBuildOptions options_;
};

TEST_F(GazetteerBuilderTest, FindsCitiesByAlternateAndFoldedNames) {
  auto g = build_and_open();
  ASSERT_TRUE(g);
  EXPECT_TRUE(has_geonameid(g->lookup("Tokio"), 1850147));
  EXPECT_TRUE(has_geonameid(g->lookup("TOKIO"), 1850147));
  EXPECT_TRUE(has_geonameid(g->lookup("München"), 2867714));
  EXPECT_TRUE(has_geonameid(g->lookup("MÜNCHEN"), 2867714));
  EXPECT_TRUE(has_geonameid(g->lookup("Munchen"), 2867714));  // ASCII text without the umlaut
  EXPECT_TRUE(has_geonameid(g->lookup("Frankfurt am Main"), 2925533));
  EXPECT_TRUE(has_geonameid(g->lookup("Frankfurt  am\tMain"), 2925533));
  EXPECT_TRUE(g->lookup("Atlantis").empty());
  EXPECT_TRUE(g->lookup("dong jing").empty()) << "lower-case romanisations are not indexed";
  EXPECT_TRUE(g->lookup("東京").empty()) << "non-Latin scripts are not indexed";

  auto munich = g->by_geonameid(2867714);
  ASSERT_TRUE(munich);
  EXPECT_EQ(munich->name, "Munich");
  EXPECT_EQ(munich->country, "DE");
  EXPECT_EQ(munich->admin1, "02");
  EXPECT_EQ(munich->admin1_name, "Bayern");
  EXPECT_EQ(munich->kind, "city");
  EXPECT_EQ(munich->feature_code, "PPLA");
  EXPECT_EQ(munich->feature_class, "P");
  EXPECT_NEAR(munich->lat, 48.13743, 1e-9);
  EXPECT_EQ(munich->population, 1260391);
  auto names = g->names(munich->index);
  EXPECT_NE(std::find(names.begin(), names.end(), "München"), names.end());
  EXPECT_FALSE(g->by_geonameid(12345));
}

TEST_F(GazetteerBuilderTest, CountriesHaveGermanNamesAndCapitalCoordinates) {
  auto g = build_and_open();
  ASSERT_TRUE(g);
  for (auto [surface, cc, de] : {std::tuple{"USA", "US", "Vereinigte Staaten"}, {"Japan", "JP", "Japan"},
                                 {"Nordkorea", "KP", "Nordkorea"}, {"Südkorea", "KR", "Südkorea"},
                                 {"North Korea", "KP", "Nordkorea"}, {"Vereinigte Staaten", "US", "Vereinigte Staaten"},
                                 {"Deutschland", "DE", "Deutschland"}, {"BRD", "DE", "Deutschland"}}) {
    auto hits = g->lookup(surface);
    auto c = of_kind(hits, "country");
    ASSERT_TRUE(c) << surface;
    EXPECT_EQ(c->country, cc) << surface;
    EXPECT_EQ(c->name_de, de) << surface;
    EXPECT_FALSE(c->geonameid) << surface;
    EXPECT_EQ(c->feature_code, "PCLI");
  }
  auto us = of_kind(g->lookup("USA"), "country");
  EXPECT_EQ(us->name, "United States");
  EXPECT_NEAR(us->lat, 38.89511, 1e-9);  // Washington, the capital
  auto kr = of_kind(g->lookup("Südkorea"), "country");
  EXPECT_NEAR(kr->lon, 126.9784, 1e-9);  // Seoul
  EXPECT_TRUE(g->lookup("Korea, Republic of").empty()) << "formal comma forms are skipped";
  EXPECT_TRUE(g->lookup("Frankreich").empty()) << "no city in the excerpt → no coordinates → left out";
}

TEST_F(GazetteerBuilderTest, Admin1WithNamesAbbreviationsAndCapital) {
  auto g = build_and_open();
  ASSERT_TRUE(g);
  auto hessen = of_kind(g->lookup("Hessen"), "admin1");
  ASSERT_TRUE(hessen);
  EXPECT_EQ(hessen->admin1, "05");
  EXPECT_EQ(hessen->name_en, "Hesse");
  EXPECT_NEAR(hessen->lat, 50.08258, 1e-9);  // Wiesbaden (PPLA), not the bigger Frankfurt
  // Provinces/states outside DE/AT/CH/GB/US, by name and abbreviation, at their capital.
  auto ontario = of_kind(g->lookup("Ontario"), "admin1");
  ASSERT_TRUE(ontario);
  EXPECT_EQ(ontario->country, "CA");
  EXPECT_NEAR(ontario->lat, 43.70643, 1e-9);
  auto qld = of_kind(g->lookup("Qld"), "admin1");
  ASSERT_TRUE(qld);
  EXPECT_EQ(qld->name, "Queensland");
  EXPECT_NEAR(qld->lon, 153.02809, 1e-9);
  auto nrw = of_kind(g->lookup("NRW"), "admin1");
  ASSERT_TRUE(nrw);
  EXPECT_EQ(nrw->admin1, "07");
  EXPECT_NEAR(nrw->lat, 51.22172, 1e-9);  // Düsseldorf
  EXPECT_TRUE(of_kind(g->lookup("RLP"), "admin1"));
  EXPECT_TRUE(of_kind(g->lookup("North Rhine-Westphalia"), "admin1"));
  // Berlin is a city and a state; both are candidates.
  auto berlin = g->lookup("Berlin");
  EXPECT_TRUE(of_kind(berlin, "city"));
  EXPECT_TRUE(of_kind(berlin, "admin1"));

  const GazetteerIndex* idx = index_of(*g);
  ASSERT_TRUE(idx);
  // Abbreviations only match as written: "NI" yes, "ni"/"Ni" no.
  EXPECT_TRUE(idx->find_exact("NRW").found);
  EXPECT_FALSE(idx->find_folded("nrw").found);
  EXPECT_FALSE(idx->find_exact("NI").found) << "Niedersachsen has no city in the excerpt";
  auto frankfurt = g->by_geonameid(2925533);
  EXPECT_EQ(frankfurt->admin1_name, "Hessen");
  EXPECT_EQ(idx->record(frankfurt->index).admin1_place, hessen->index);
  const PlaceRecord& rec = idx->record(frankfurt->index);
  ASSERT_NE(rec.country_place, kNoPlace);
  EXPECT_EQ(idx->str(idx->record(rec.country_place).name), "Germany");
}

TEST_F(GazetteerBuilderTest, DistrictsContinentsAndRegions) {
  auto g = build_and_open();
  ASSERT_TRUE(g);
  for (const char* s : {"Landkreis Fulda", "Kreis Fulda", "Lk. Fulda", "LK Fulda", "landkreis fulda"}) {
    auto d = of_kind(g->lookup(s), "admin2");
    ASSERT_TRUE(d) << s;
    EXPECT_EQ(d->admin2, "06631");
    EXPECT_EQ(d->admin1, "05");
    EXPECT_NEAR(d->lat, 50.55162, 1e-9) << "Kreisstadt Fulda";
    EXPECT_FALSE(d->geonameid);
  }
  auto fulda = g->lookup("Fulda");
  EXPECT_TRUE(of_kind(fulda, "city"));
  EXPECT_TRUE(of_kind(fulda, "admin2"));
  EXPECT_EQ(g->by_geonameid(2842632)->admin2_name, "Landkreis Fulda");  // Künzell lies in it
  EXPECT_TRUE(g->lookup("Stadt Frankfurt am Main").empty()) << "kreisfreie Städte come from cities500 only";

  auto europa = of_kind(g->lookup("Europa"), "continent");
  ASSERT_TRUE(europa);
  EXPECT_EQ(europa->name, "Europe");
  EXPECT_TRUE(of_kind(g->lookup("Asien"), "continent"));
  EXPECT_TRUE(of_kind(g->lookup("Sauerland"), "region"));
  auto rhein = of_kind(g->lookup("Rhein"), "other");
  ASSERT_TRUE(rhein);
  EXPECT_EQ(rhein->feature_code, "STM");
}

// A US row with its county FIPS code in GeoNames' admin2 column.
std::string us_row(const std::string& id, const std::string& name, const std::string& lat, const std::string& lon,
                   const std::string& code, const std::string& state, const std::string& county, const std::string& pop) {
  return id + "\t" + name + "\t" + name + "\t\t" + lat + "\t" + lon + "\tP\t" + code + "\tUS\t\t" + state + "\t" + county +
         "\t\t\t" + pop + "\t\t100\tAmerica/New_York\t2024-01-01\n";
}

TEST_F(GazetteerBuilderTest, UsCountiesSitAtTheMeanOfTheirTowns) {
  std::string cities;
  cities += us_row("4298960", "London", "37.12898", "-84.08326", "PPLA2", "KY", "125", "8126");
  cities += us_row("4287388", "Corbin", "36.94870", "-84.09688", "PPL", "KY", "235", "7304");
  cities += us_row("4288000", "East Bernstadt", "37.19000", "-84.14000", "PPL", "KY", "125", "716");
  cities += us_row("4259418", "Laurel", "38.90000", "-86.00000", "PPL", "IN", "047", "512");
  std::ofstream(dir_ / "cities500.txt", std::ios::app) << cities;
  write(dir_ / "fips-counties.csv",
        "state,statefp,countyfp,countyname,classfp\n"
        "KY,21,125,Laurel County,H1\n"
        "KY,21,235,Whitley County,H1\n"
        "KY,21,999,Nowhere County,H1\n"   // no town in cities500: left out
        "VA,51,510,Alexandria city,C7\n"  // an independent city is a town, not a county
        "PR,72,001,Adjuntas Municipio,H1\n");
  auto report = build_gazetteer(options_);
  ASSERT_TRUE(report.is_ok()) << report.status().to_string();
  EXPECT_EQ(report->us_counties, 2u);
  auto opened = Gazetteer::open(options_.out);
  ASSERT_TRUE(opened.is_ok());
  const auto& g = *opened;

  auto laurel = of_kind(g->lookup("Laurel County"), "admin2");
  ASSERT_TRUE(laurel);
  EXPECT_EQ(laurel->country, "US");
  EXPECT_EQ(laurel->admin1, "KY");
  EXPECT_NEAR(laurel->lat, (37.12898 + 37.19) / 2, 1e-6);  // mean of London and East Bernstadt
  EXPECT_NEAR(laurel->lon, (-84.08326 - 84.14) / 2, 1e-6);
  EXPECT_TRUE(of_kind(g->lookup("Laurel Co."), "admin2"));
  EXPECT_TRUE(of_kind(g->lookup("LAUREL CO."), "admin2")) << "\"Co.\" form, folded";
  EXPECT_EQ(g->by_geonameid(4298960)->admin2_name, "Laurel County");
  EXPECT_EQ(g->by_geonameid(4259418)->admin2_name, "") << "a town of the same name elsewhere keeps none";
  EXPECT_TRUE(g->lookup("Nowhere County").empty());
  EXPECT_TRUE(g->lookup("Alexandria city").empty());
  EXPECT_TRUE(of_kind(g->lookup("Whitley County"), "admin2"));

  // AP-style state abbreviations count as written.
  auto ky = of_kind(g->lookup("Ky."), "admin1");
  ASSERT_TRUE(ky);
  EXPECT_EQ(ky->name, "Kentucky");
}

TEST_F(GazetteerBuilderTest, WorldDivisionsFillTheAdmin1TableGapsAndDropBadCoordinates) {
  std::string cities;
  cities += row("584923", "Makhachkala", "Makhachkala", "", "42.97638", "47.50236", "PPLA", "RU", "17", "", "596356");
  cities += row("1017000", "Xai-Xai", "Xai-Xai", "", "-25.05194", "33.64417", "PPLA", "MZ", "02", "", "127366");
  cities += row("281133", "Gaza", "Gaza", "", "31.50161", "34.46672", "PPLA", "PS", "GZ", "", "410000");
  cities += row("2653941", "Cambridge", "Cambridge", "", "52.2", "0.11667", "PPLA2", "GB", "ENG", "", "128488");
  cities += row("364103", "Nyala", "Nyala", "", "12.05", "24.88333", "PPLA", "SD", "49", "", "492984");
  std::ofstream(dir_ / "cities500.txt", std::ios::app) << cities;
  auto state = [](const char* name, const char* cc, const char* fips, const char* lat, const char* lon) {
    return std::string(R"({"name":")") + name + R"(","countryCode":")" + cc + R"(","fipsCode":")" + fips +
           R"(","latitude":")" + lat + R"(","longitude":")" + lon + R"("})";
  };
  write(dir_ / "states/RU/index.json", std::string("[") + state("Republic of Dagestan", "RU", "17", "42.14", "47.09") + "," +
                                           state("Chechen Republic", "RU", "12", "43.40", "45.72") + "]");
  write(dir_ / "states/SD/index.json", std::string("[") + state("South Darfur", "SD", "49", "11.64", "24.90") + "," +
                                           state("Blue Nile", "SD", "42", "47.598", "-122.334") + "]");  // Seattle
  write(dir_ / "states/MZ/index.json", std::string("[") + state("Gaza", "MZ", "02", "-24.5", "33.0") + "]");
  write(dir_ / "states/GB/index.json", std::string("[") + state("Cambridgeshire", "GB", "N9", "52.205", "0.1218") + "]");
  write(dir_ / "states/DE/index.json", std::string("[") + state("Hesse", "DE", "05", "50.65", "9.16") + "]");
  auto report = build_gazetteer(options_);
  ASSERT_TRUE(report.is_ok()) << report.status().to_string();
  EXPECT_EQ(report->divisions_dropped, 1u) << "Blue Nile's coordinates lie in Seattle";
  auto opened = Gazetteer::open(options_.out);
  ASSERT_TRUE(opened.is_ok());
  const auto& g = *opened;

  auto dagestan = of_kind(g->lookup("Dagestan"), "admin1");
  ASSERT_TRUE(dagestan) << "short form of \"Republic of Dagestan\"";
  EXPECT_EQ(dagestan->country, "RU");
  EXPECT_NEAR(dagestan->lat, 42.14, 1e-6);
  EXPECT_TRUE(of_kind(g->lookup("Republic of Dagestan"), "admin1"));
  EXPECT_EQ(g->by_geonameid(584923)->admin1_name, "Dagestan") << "the nearest town agrees on the FIPS code";
  EXPECT_TRUE(of_kind(g->lookup("Chechen Republic"), "admin1"));
  EXPECT_TRUE(g->lookup("Chechen").empty()) << "an adjective is no short form";
  EXPECT_TRUE(of_kind(g->lookup("South Darfur"), "admin1"));
  EXPECT_TRUE(g->lookup("Blue Nile").empty());
  EXPECT_FALSE(of_kind(g->lookup("Gaza"), "admin1")) << "a big town elsewhere keeps the name";
  auto cambs = of_kind(g->lookup("Cambridgeshire"), "admin2");
  ASSERT_TRUE(cambs) << "GB's list holds counties";
  EXPECT_EQ(cambs->admin1, "ENG");
  auto hesse = g->lookup("Hesse");
  EXPECT_EQ(std::count_if(hesse.begin(), hesse.end(), [](const auto& p) { return p.kind == "admin1"; }), 1)
      << "a country the built-in table covers keeps only its rows";
}

TEST_F(GazetteerBuilderTest, LexiconFlagsMarkCommonWords) {
  auto g = build_and_open();
  ASSERT_TRUE(g);
  const GazetteerIndex* idx = index_of(*g);
  KeyHit essen = idx->find_exact("Essen");
  ASSERT_TRUE(essen.found);
  EXPECT_TRUE(essen.flags & kFlagDeExact);
  EXPECT_TRUE(essen.flags & kFlagDeLower);
  EXPECT_FALSE(essen.flags & kFlagLexiconsMissing);
  EXPECT_TRUE(idx->find_folded("essen").flags & kFlagDeLower);
  KeyHit tokio = idx->find_exact("Tokio");
  ASSERT_TRUE(tokio.found);
  EXPECT_EQ(tokio.flags & (kFlagDeExact | kFlagDeLower | kFlagEnExact | kFlagEnLower), 0u);
  EXPECT_TRUE(idx->find_folded("frankfurt am main").flags & kFlagMultiWord);

  // Without lexicons the build still works and says the flags are unknown.
  options_.lexicon_de = (dir_ / "missing-de.txt").string();
  auto report = build_gazetteer(options_);
  ASSERT_TRUE(report.is_ok());
  EXPECT_FALSE(report->warnings.empty());
  auto g2 = Gazetteer::open(options_.out);
  ASSERT_TRUE(g2.is_ok());
  EXPECT_TRUE(index_of(**g2)->find_exact("Essen").flags & kFlagLexiconsMissing);
}

TEST_F(GazetteerBuilderTest, IndexApiForTheRecogniser) {
  auto g = build_and_open();
  ASSERT_TRUE(g);
  const GazetteerIndex* idx = index_of(*g);
  EXPECT_TRUE(idx->has_folded_prefix("frankfurt "));
  EXPECT_TRUE(idx->has_folded_prefix("frankfurt"));     // a word boundary of "frankfurt am main"
  EXPECT_TRUE(idx->has_folded_prefix("frankfurt am"));
  EXPECT_FALSE(idx->has_folded_prefix("frankfu"));      // inside a word: not a token end
  EXPECT_FALSE(idx->has_folded_prefix("frankfurt am main"));  // nothing longer
  EXPECT_FALSE(idx->has_folded_prefix("tokio "));
  // Length-prefixed pool strings: names with umlauts and spaces come back whole.
  EXPECT_EQ(idx->str(idx->record(idx->find("Frankfurt am Main").candidates[0].place).name).size(),
            std::string_view("Frankfurt am Main").size());
  EXPECT_GE(idx->max_key_words(), 3u);
  KeyHit hit = idx->find("MÜNCHEN");  // exact misses, folded hits
  ASSERT_TRUE(hit.found);
  EXPECT_EQ(idx->record(hit.candidates[0].place).geonameid, 2867714u);
  // "Munchen" is a GeoNames alternate; "Sudkorea" only comes from folding "Südkorea" flat.
  EXPECT_FALSE(idx->find_folded("munchen").candidates[0].how & kHowNoExpand);
  KeyHit flat = idx->find_folded("sudkorea");
  ASSERT_TRUE(flat.found);
  EXPECT_TRUE(flat.candidates[0].how & kHowNoExpand);
  EXPECT_FALSE(idx->find_folded("suedkorea").candidates[0].how & kHowNoExpand);
  KeyHit muc = idx->find_exact("MUC");
  ASSERT_TRUE(muc.found);
  EXPECT_EQ(muc.candidates[0].how, kHowCode);
  // Folded keys are sorted and each one finds itself.
  ASSERT_GT(idx->folded_key_count(), 10u);
  for (std::size_t i = 1; i < idx->folded_key_count(); ++i) {
    ASSERT_LT(idx->folded_key(i - 1), idx->folded_key(i));
    ASSERT_TRUE(idx->find_folded(idx->folded_key(i)).found) << idx->folded_key(i);
  }
  // Candidates are ordered by population: the state Berlin (sum of its cities) ties the city.
  KeyHit fulda = idx->find_folded("fulda");
  ASSERT_EQ(fulda.candidates.size(), 2u);
  EXPECT_GE(idx->record(fulda.candidates[0].place).population, idx->record(fulda.candidates[1].place).population);
}

TEST_F(GazetteerBuilderTest, CompleteReturnsMostPopulousFirst) {
  auto g = build_and_open();
  ASSERT_TRUE(g);
  auto c = g->complete("Mün", 5);
  ASSERT_FALSE(c.empty());
  EXPECT_EQ(c[0].geonameid, 2867714);
  auto n = g->complete("n", 10);
  ASSERT_GE(n.size(), 2u);
  for (std::size_t i = 1; i < n.size(); ++i) EXPECT_GE(n[i - 1].population, n[i].population);
  EXPECT_TRUE(g->complete("", 10).empty());
  EXPECT_EQ(g->complete("Be", 1).size(), 1u);
}

TEST_F(GazetteerBuilderTest, MissingOrBadCitiesFileIsAnError) {
  options_.cities = (dir_ / "nope.txt").string();
  auto r = build_gazetteer(options_);
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("nope.txt"), std::string::npos);
  write(dir_ / "bad.txt", "1\tonly three\tcolumns\n");
  options_.cities = (dir_ / "bad.txt").string();
  r = build_gazetteer(options_);
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("bad.txt:1"), std::string::npos) << r.status().message();
}

// The one test on the real GeoNames data: the gazetteer that set-up builds from node_modules
// (`pressekarte gazetteer build --out build/gazetteer.bin`); skipped when it is not there.
TEST(GazetteerRealDataTest, SetUpGazetteerAnswersNewsNames) {
  fs::path path = fs::path(PK_SOURCE_DIR) / "build" / "gazetteer.bin";
  if (const char* env = std::getenv("PRESSEKARTE_GAZETTEER")) path = env;
  if (!fs::exists(path)) GTEST_SKIP() << path << " not built (pressekarte gazetteer build)";
  auto g = Gazetteer::open(path.string());  // its load time is measured by bench/gazetteer_bench
  ASSERT_TRUE(g.is_ok()) << g.status().to_string();
  EXPECT_GT((*g)->size(), 150000u);
  EXPECT_LT(fs::file_size(path), 80'000'000u);
  auto tokio = (*g)->lookup("Tokio");
  EXPECT_TRUE(std::any_of(tokio.begin(), tokio.end(), [](auto& p) { return p.geonameid == 1850147; }));
  auto muenchen = (*g)->lookup("München");
  ASSERT_FALSE(muenchen.empty());
  EXPECT_EQ(muenchen[0].geonameid, 2867714) << "the most populous München first";
  EXPECT_TRUE(std::any_of(muenchen.begin(), muenchen.end(), [](auto& p) { return p.geonameid == 2867714; }));
  auto frankfurt = (*g)->lookup("Frankfurt am Main");
  EXPECT_TRUE(std::any_of(frankfurt.begin(), frankfurt.end(), [](auto& p) { return p.geonameid == 2925533; }));
  for (auto [surface, cc] : {std::pair{"USA", "US"}, {"Japan", "JP"}, {"Nordkorea", "KP"}, {"Südkorea", "KR"},
                             {"Deutschland", "DE"}, {"Österreich", "AT"}}) {
    auto hits = (*g)->lookup(surface);
    EXPECT_TRUE(std::any_of(hits.begin(), hits.end(), [&](auto& p) { return p.kind == "country" && p.country == cc; }))
        << surface;
  }
  for (auto [surface, a1] : {std::pair{"NRW", "07"}, {"Hessen", "05"}, {"RLP", "08"}, {"Tirol", "07"}}) {
    auto hits = (*g)->lookup(surface);
    EXPECT_TRUE(std::any_of(hits.begin(), hits.end(), [&](auto& p) { return p.kind == "admin1" && p.admin1 == a1; }))
        << surface;
  }
  auto lk = (*g)->lookup("Landkreis Havelland");
  EXPECT_TRUE(std::any_of(lk.begin(), lk.end(), [](auto& p) { return p.kind == "admin2"; }));
  const GazetteerIndex* idx = index_of(**g);
  EXPECT_TRUE(idx->find_exact("Essen").flags & kFlagDeLower);
}

}  // namespace
}  // namespace pk::geo
