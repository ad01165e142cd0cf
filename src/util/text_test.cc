#include "pressekarte/text.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

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


// ---- Word-at-a-time fast paths: every result must equal the byte-by-byte definition. ----

// Reference validator: the plain byte-by-byte rules of RFC 3629 (no fast path).
bool reference_valid_utf8(std::string_view s) {
  auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  for (std::size_t i = 0; i < s.size();) {
    unsigned char b = at(i);
    std::size_t n = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3
                  : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((at(i + k) & 0xC0) != 0x80) return false;
    if (n == 3 && b == 0xE0 && at(i + 1) < 0xA0) return false;
    if (n == 3 && b == 0xED && at(i + 1) >= 0xA0) return false;
    if (n == 4 && b == 0xF0 && at(i + 1) < 0x90) return false;
    if (n == 4 && b == 0xF4 && at(i + 1) >= 0x90) return false;
    i += n;
  }
  return true;
}

// Sequences that must be rejected wherever they stand.
const std::vector<std::string>& bad_sequences() {
  static const std::vector<std::string> v = {
      "\x80", "\xBF", "\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xE0\x9F\xBF", "\xF0\x80\x80\xAF",
      "\xF0\x8F\xBF\xBF", "\xED\xA0\x80", "\xED\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80",
      "\xFE", "\xFF", "\xC3", "\xE2\x82", "\xF0\x9F\x98", "\xC3\x28", "\xE2\x28\xA1"};
  return v;
}

TEST(TextTest, Utf8FastPathAtEveryAlignment) {
  const std::vector<std::string> good = {"\xC3\xA4", "\xE2\x82\xAC", "\xF0\x9F\x98\x80",
                                         "\xED\x9F\xBF", "\xEE\x80\x80", "\xF4\x8F\xBF\xBF"};
  for (std::size_t before = 0; before <= 17; ++before) {
    for (std::size_t after : {0u, 1u, 7u, 8u, 9u, 16u}) {
      std::string pre(before, 'a'), post(after, 'z');
      for (const std::string& g : good) {
        std::string s = pre + g + post;
        EXPECT_TRUE(is_valid_utf8(s)) << before << "+" << after;
        EXPECT_EQ(sanitize_utf8(s), s);
        EXPECT_EQ(codepoint_count(s), before + after + 1);
        std::size_t i = before;
        std::size_t j = 0;
        EXPECT_EQ(next_codepoint(s, i), next_codepoint(g, j));
        EXPECT_EQ(i, before + g.size());
      }
      for (const std::string& b : bad_sequences()) {
        std::string s = pre + b + post;
        EXPECT_FALSE(is_valid_utf8(s)) << before << "+" << after << " " << b.size();
        // Each invalid byte becomes one U+FFFD; the ASCII around it stays.
        std::string fixed = sanitize_utf8(s);
        EXPECT_TRUE(is_valid_utf8(fixed));
        EXPECT_EQ(fixed.substr(0, before), pre);
        EXPECT_EQ(fixed.substr(fixed.size() - after), post);
      }
    }
  }
}

TEST(TextTest, SanitizeDropsNulAtEveryAlignment) {
  for (std::size_t pos = 0; pos < 24; ++pos) {
    std::string s(24, 'x');
    s[pos] = '\0';
    EXPECT_EQ(sanitize_utf8(s), std::string(23, 'x')) << pos;
  }
  // High bytes in the same word as a NUL: the slow path must handle both.
  EXPECT_EQ(sanitize_utf8(std::string("abc\0d\xC3\xA4xyz", 11)), "abcd\xC3\xA4xyz");
}

// Deterministic pseudo-random byte strings mixing ASCII, white space, valid and broken UTF-8.
std::string random_text(std::uint32_t& state, std::size_t len) {
  static const char* const kPieces[] = {"a", "Z", " ", "\t", "\n", "\xC2\xA0", "\xE2\x80\x89",
                                        "\xC3\x84", "\xC3\xA4", "\xC5\x81", "\xC4\xB0", "\xC5\xB8",
                                        "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xC3", "\x80", "\xE2\x80",
                                        "\xED\xA0\x80", "\xC0\xAF", "Hello World", "\x00", "\xFF"};
  std::string s;
  while (s.size() < len) {
    state = state * 1664525u + 1013904223u;
    std::size_t k = (state >> 16) % (sizeof kPieces / sizeof kPieces[0]);
    s += (k == 20) ? std::string(1, '\0') : std::string(kPieces[k]);
  }
  return s;
}

// Reference forms: code point by code point, no ASCII shortcut.
std::string reference_collapse(std::string_view s) {
  auto space = [](char32_t c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || c == 0x85 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x3000;
  };
  std::string out;
  bool pending = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    if (space(next_codepoint(s, i))) {
      pending = !out.empty();
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out.append(s.substr(start, i - start));
  }
  return out;
}

std::string reference_lower(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    char32_t c = next_codepoint(s, i);
    std::string one(s.substr(start, i - start));
    if (c < 0x80 || c == 0x130 || c == 0x178 || (c >= 0xC0 && c <= 0x17E)) one = to_lower_simple(one);
    out += one;
  }
  return out;
}

TEST(TextTest, FastPathsMatchReferenceOnRandomText) {
  std::uint32_t state = 12345;
  for (int round = 0; round < 3000; ++round) {
    std::string s = random_text(state, round % 64);
    EXPECT_EQ(is_valid_utf8(s), reference_valid_utf8(s));
    EXPECT_TRUE(is_valid_utf8(sanitize_utf8(s)));
    EXPECT_EQ(collapse_whitespace(s), reference_collapse(s));
    EXPECT_EQ(to_lower_simple(s), reference_lower(s));
    EXPECT_EQ(collapse_whitespace_lower(s), to_lower_simple(collapse_whitespace(s)));
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++n) next_codepoint(s, i);
    EXPECT_EQ(codepoint_count(s), n);
  }
}

TEST(TextTest, CollapseWhitespaceLower) {
  EXPECT_EQ(collapse_whitespace_lower("  Über\u00a0 DEN\tFluss  "), "über den fluss");
  EXPECT_EQ(collapse_whitespace_lower("ŁÓDŹ İ Ÿ"), "łódź i ÿ");
  EXPECT_EQ(collapse_whitespace_lower(""), "");
  EXPECT_EQ(collapse_whitespace_lower(" \n "), "");
}

}  // namespace
}  // namespace pk
