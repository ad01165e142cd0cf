// The file format: write → open round trip, and damaged files that must fail cleanly on open.
#include "gazetteer_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

#include "gazetteer_format.h"
#include "gazetteer_writer.h"

namespace pk::geo {
namespace {

namespace fs = std::filesystem;

std::vector<PlaceDraft> sample_places() {
  std::vector<PlaceDraft> v(3);
  v[0].geonameid = 2950159;
  v[0].name = "Berlin";
  v[0].country = "DE";
  v[0].admin1 = "16";
  v[0].feature_class = 'P';
  v[0].feature_code = "PPLC";
  v[0].kind = PlaceKind::kCity;
  v[0].lat = 52.52437;
  v[0].lon = 13.41053;
  v[0].population = 3426354;
  v[0].country_place = 1;
  v[0].names = {{"Berlin", kHowPrimary}, {"Berlino", kHowAlternate}, {"BER", kHowCode}};
  v[1].name = "Germany";
  v[1].name_de = "Deutschland";
  v[1].name_en = "Germany";
  v[1].country = "DE";
  v[1].feature_code = "PCLI";
  v[1].kind = PlaceKind::kCountry;
  v[1].lat = 52.52437;
  v[1].lon = 13.41053;
  v[1].population = 80000000;
  v[1].names = {{"Germany", kHowEnglish}, {"Deutschland", kHowGerman}, {"DEU", kHowCode}};
  v[2].geonameid = 2885679;
  v[2].name = "Königs Wusterhausen";
  v[2].country = "DE";
  v[2].kind = PlaceKind::kCity;
  v[2].population = 37000;
  v[2].country_place = 1;
  v[2].names = {{"Königs  Wusterhausen", kHowPrimary}, {"Koenigs Wusterhausen", kHowAlternate}};
  return v;
}

class GazetteerFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() /
             ("pk_gaz_file_" + std::to_string(::getpid()) + "_" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".bin"))
                .string();
    Lexicons lex;
    lex.have_de = lex.have_en = true;
    lex.de = {"Berlin"};
    WriteStats stats;
    ASSERT_TRUE(write_gazetteer_file(sample_places(), lex, {"built=test"}, path_, &stats).is_ok());
    EXPECT_EQ(stats.places, 3u);
    EXPECT_EQ(stats.file_bytes, fs::file_size(path_));
    std::ifstream in(path_, std::ios::binary);
    bytes_.assign(std::istreambuf_iterator<char>(in), {});
  }
  void TearDown() override { fs::remove(path_); }

  void rewrite(const std::string& bytes) { std::ofstream(path_, std::ios::binary | std::ios::trunc) << bytes; }
  Status open_status() {
    auto g = Gazetteer::open(path_);
    return g.status();
  }

  std::string path_;
  std::string bytes_;
};

TEST_F(GazetteerFileTest, RoundTrip) {
  auto g = Gazetteer::open(path_);
  ASSERT_TRUE(g.is_ok()) << g.status().to_string();
  EXPECT_EQ((*g)->size(), 3u);
  auto berlin = (*g)->by_geonameid(2950159);
  ASSERT_TRUE(berlin);
  EXPECT_EQ(berlin->name, "Berlin");
  EXPECT_EQ(berlin->kind, "city");
  EXPECT_EQ(berlin->feature_code, "PPLC");
  EXPECT_DOUBLE_EQ(berlin->lon, 13.41053);
  auto de = (*g)->lookup("deutschland");
  ASSERT_EQ(de.size(), 1u);
  EXPECT_EQ(de[0].kind, "country");
  EXPECT_EQ(de[0].name_de, "Deutschland");
  EXPECT_FALSE(de[0].geonameid);
  // White space in names is collapsed; umlauts fold both ways.
  EXPECT_EQ((*g)->lookup("Königs Wusterhausen").size(), 1u);
  EXPECT_EQ((*g)->lookup("KOENIGS WUSTERHAUSEN").size(), 1u);
  EXPECT_EQ((*g)->lookup("Konigs Wusterhausen").size(), 1u);
  // Codes are exact-only.
  const GazetteerIndex* idx = index_of(**g);
  ASSERT_NE(idx, nullptr);
  EXPECT_TRUE(idx->find_exact("DEU").found);
  EXPECT_FALSE(idx->find_folded("deu").found);
  EXPECT_TRUE(idx->find_exact("Berlin").flags & kFlagDeExact);
  EXPECT_EQ(idx->meta(), "built=test\n");
  EXPECT_EQ(idx->record(0).country_place, 1u);
  EXPECT_EQ(idx->names(2).size(), 2u);
}

TEST_F(GazetteerFileTest, MissingFileIsNotFound) {
  auto g = Gazetteer::open(path_ + ".nope");
  ASSERT_FALSE(g.is_ok());
  EXPECT_EQ(g.status().code(), Status::Code::kNotFound);
  EXPECT_NE(g.status().message().find(".nope"), std::string::npos);
}

TEST_F(GazetteerFileTest, TruncatedFileIsCorruptionNamingThePath) {
  for (std::size_t n : {std::size_t{0}, std::size_t{10}, bytes_.size() / 2, bytes_.size() - 1}) {
    rewrite(bytes_.substr(0, n));
    Status st = open_status();
    ASSERT_FALSE(st.is_ok()) << n;
    EXPECT_EQ(st.code(), Status::Code::kCorruption) << n << ": " << st.to_string();
    EXPECT_NE(st.message().find(path_), std::string::npos) << st.message();
  }
}

TEST_F(GazetteerFileTest, BadMagicAndVersion) {
  std::string b = bytes_;
  b[0] = 'X';
  rewrite(b);
  EXPECT_NE(open_status().message().find("bad magic"), std::string::npos);
  b = bytes_;
  std::uint32_t v = 99;
  std::memcpy(&b[offsetof(format::FileHeader, version)], &v, 4);
  rewrite(b);
  Status st = open_status();
  EXPECT_EQ(st.code(), Status::Code::kUnsupported);
  EXPECT_NE(st.message().find("version 99"), std::string::npos);
}

TEST_F(GazetteerFileTest, OutOfRangeOffsetsAreCaught) {
  // A section pointing past the end of the file.
  std::string b = bytes_;
  format::SectionEntry s;
  std::memcpy(&s, &b[sizeof(format::FileHeader)], sizeof s);
  s.size = bytes_.size();
  std::memcpy(&b[sizeof(format::FileHeader)], &s, sizeof s);
  rewrite(b);
  EXPECT_EQ(open_status().code(), Status::Code::kCorruption);
  // A place whose name points outside the string pool.
  b = bytes_;
  format::FileHeader h;
  std::memcpy(&h, b.data(), sizeof h);
  for (std::uint32_t i = 0; i < h.section_count; ++i) {
    std::memcpy(&s, &b[sizeof h + i * sizeof s], sizeof s);
    if (s.id == format::kPlaces) {
      std::uint32_t bad = 0x7FFFFFFF;
      std::memcpy(&b[s.offset + offsetof(PlaceRecord, name)], &bad, 4);
    }
  }
  rewrite(b);
  Status st = open_status();
  EXPECT_EQ(st.code(), Status::Code::kCorruption);
  EXPECT_NE(st.message().find("string outside the pool"), std::string::npos) << st.message();
}

// Random byte damage must never crash: open fails, or succeeds and lookups stay in bounds.
TEST_F(GazetteerFileTest, RandomDamageNeverCrashes) {
  std::mt19937 rng(42);
  for (int round = 0; round < 300; ++round) {
    std::string b = bytes_;
    for (int k = 0; k < 4; ++k) b[rng() % b.size()] = static_cast<char>(rng());
    rewrite(b);
    auto g = Gazetteer::open(path_);
    if (!g.is_ok()) continue;
    for (const char* q : {"Berlin", "Deutschland", "DEU", "Königs Wusterhausen", "x"}) (*g)->lookup(q);
    (*g)->complete("b", 5);
    for (std::uint32_t i = 0; i < (*g)->size(); ++i) (*g)->names(i);
  }
}

TEST(GazetteerDefaultPathTest, EnvironmentWins) {
  ::setenv("PRESSEKARTE_GAZETTEER", "/tmp/some/gaz.bin", 1);
  EXPECT_EQ(Gazetteer::default_path(), "/tmp/some/gaz.bin");
  ::unsetenv("PRESSEKARTE_GAZETTEER");
  auto beside = fs::read_symlink("/proc/self/exe").parent_path() / "gazetteer.bin";
  EXPECT_EQ(Gazetteer::default_path(), fs::exists(beside) ? beside.string() : "build/gazetteer.bin");
}

}  // namespace
}  // namespace pk::geo
