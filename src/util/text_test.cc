#include "pressekarte/text.h"

#include <gtest/gtest.h>

namespace pk {
namespace {

TEST(TextTest, ValidatesUtf8) {
  EXPECT_TRUE(is_valid_utf8("Köln Straße"));
  EXPECT_FALSE(is_valid_utf8("K\xF6ln"));          // Latin-1 ö
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));         // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));     // surrogate
}

TEST(TextTest, SanitizeReplacesInvalidBytesAndDropsNul) {
  EXPECT_EQ(sanitize_utf8(std::string("a\0b", 3)), "ab");
  EXPECT_EQ(sanitize_utf8("K\xF6ln"), "K\xEF\xBF\xBDln");
  EXPECT_EQ(sanitize_utf8("Tokio"), "Tokio");
}

TEST(TextTest, Latin1AndCp1252ToUtf8) {
  EXPECT_EQ(latin1_to_utf8("K\xF6ln \x80"), "Köln €");
}

TEST(TextTest, CodepointOffsets) {
  std::string s = "Südkorea und Japan";
  EXPECT_EQ(codepoint_count(s), 18u);
  EXPECT_EQ(byte_offset_of_codepoint(s, 2), 3u);  // after "Sü"
  EXPECT_EQ(byte_offset_of_codepoint(s, 100), s.size());
}

TEST(TextTest, CollapseWhitespaceHandlesNbsp) {
  EXPECT_EQ(collapse_whitespace("  a\u00a0\n b\t"), "a b");
  EXPECT_EQ(collapse_whitespace(""), "");
}

TEST(TextTest, FoldForMatch) {
  EXPECT_EQ(fold_for_match("Straße"), "strasse");
  EXPECT_EQ(fold_for_match("KÖLN"), "koeln");
  EXPECT_EQ(fold_for_match("Köln", false), "koln");
  EXPECT_EQ(fold_for_match("Zürich"), "zuerich");
  // Latin Extended-A pairs start on odd code points in Ĺ…Ň and Ź…Ž.
  EXPECT_EQ(to_lower_simple("ŁÓDŹ"), "łódź");
  EXPECT_EQ(to_lower_simple("Łódź"), "łódź");
  EXPECT_EQ(to_lower_simple("ŻARY Ħ Ŋ ČEŠKÉ"), "żary ħ ŋ češké");
  EXPECT_EQ(to_lower_simple("żółw ł ĸ"), "żółw ł ĸ");
}

}  // namespace
}  // namespace pk
