#include "geoparse_tokenize.h"

#include <gtest/gtest.h>

#include <string>

namespace pk::geo {
namespace {

TEST(GeoparseTokenize, OffsetsAndFlags) {
  std::string s = "Tokio.\n\nJapans Südkorea-Politik, WASHINGTON (AP) — x";
  std::vector<Token> t;
  tokenize(s, t);
  ASSERT_GE(t.size(), 10u);
  EXPECT_EQ(t[0].text(s), "Tokio");
  EXPECT_TRUE(t[0].is(kTokCap) && t[0].is(kTokParaStart));
  EXPECT_TRUE(t[1].is_punct('.'));
  EXPECT_EQ(t[2].text(s), "Japans");
  EXPECT_TRUE(t[2].is(kTokParaStart) && t[2].is(kTokSentStart));
  EXPECT_EQ(t[3].text(s), "Südkorea");
  EXPECT_EQ(t[3].c0, 15u);  // code points, not bytes
  EXPECT_EQ(t[3].c1, 23u);
  EXPECT_TRUE(t[4].is_punct('-') && t[4].is(kTokGluedPrev));
  EXPECT_TRUE(t[5].is(kTokGluedPrev));
  EXPECT_EQ(t[7].text(s), "WASHINGTON");
  EXPECT_TRUE(t[7].is(kTokAllCaps));
  EXPECT_TRUE(t[11].is_punct('-'));  // em dash folded
}

TEST(GeoparseTokenize, InvalidBytesAndNulAreSeparators) {
  std::string s("Ber\xff" "lin\0Fulda", 13);
  std::vector<Token> t;
  tokenize(s, t);
  ASSERT_EQ(t.size(), 4u);  // "Ber", U+FFFD, "lin", "Fulda"
  EXPECT_EQ(t[3].text(s), "Fulda");
  EXPECT_EQ(t[3].c0, 8u);
}

}  // namespace
}  // namespace pk::geo
