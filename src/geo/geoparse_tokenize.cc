#include "geoparse_tokenize.h"

#include "pressekarte/text.h"

namespace pk::geo {
namespace {

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0 ||
         c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 ||
         c == 0xFEFF || c == 0x2028 || c == 0x2029;
}

char32_t fold_punct(char32_t c) {
  switch (c) {
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212: return '-';
    case 0x201C: case 0x201D: case 0x201E: case 0xAB: case 0xBB: case 0x2039: case 0x203A: return '"';
    case 0x2018: case 0x2019: case 0x201A: case 0x60: case 0xB4: return '\'';
    default: return c;
  }
}

}  // namespace

bool is_letter_cp(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c < 0x2000) return c != 0xFFFD;  // Latin, Greek, Cyrillic, … (approximation)
  if (c < 0x2C00) return false;        // general punctuation, symbols, arrows, …
  if (c >= 0x3000 && c < 0x3040) return false;  // CJK punctuation
  if (c >= 0xFE00 && c < 0xFE70) return false;
  if (c >= 0xFF00 && c < 0xFF10) return false;
  if (c == 0xFFFD || c >= 0x1F000) return false;  // replacement char, emoji
  return true;
}

bool is_upper_cp(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c < 0x180) return (c % 2) == 0;  // Latin Extended-A alternates upper/lower
  if (c >= 0x391 && c <= 0x3A9) return true;         // Greek
  if (c >= 0x400 && c <= 0x42F) return true;         // Cyrillic
  if (c == 0x1E9E) return true;                      // capital ß
  return false;
}

void tokenize(std::string_view s, std::vector<Token>& out) {
  out.clear();
  std::size_t i = 0;
  std::uint32_t cp = 0;           // code-point index of s[i]
  bool line_start = true, para_start = true, sent_start = true;
  bool space_before = true;
  int newlines = 2;
  while (i < s.size()) {
    const std::size_t b0 = i;
    const std::uint32_t c0 = cp;
    char32_t c = next_codepoint(s, i);
    ++cp;
    if (is_space(c)) {
      if (c == '\n' || c == 0x2028 || c == 0x2029) {
        ++newlines;
        line_start = true;
        sent_start = true;
        if (newlines >= 2) para_start = true;
      }
      space_before = true;
      continue;
    }
    Token t;
    t.b0 = static_cast<std::uint32_t>(b0);
    t.c0 = c0;
    if (is_letter_cp(c) || (c >= '0' && c <= '9')) {
      bool first_upper = is_upper_cp(c);
      bool any_lower = !first_upper && is_letter_cp(c);
      int letters = is_letter_cp(c) ? 1 : 0;
      bool all_digits = !is_letter_cp(c);
      std::size_t j = i;
      std::uint32_t cj = cp;
      while (j < s.size()) {
        std::size_t k = j;
        char32_t d = next_codepoint(s, k);
        bool letter = is_letter_cp(d);
        if (!letter && !(d >= '0' && d <= '9')) break;
        if (letter) {
          ++letters;
          all_digits = false;
          if (!is_upper_cp(d)) any_lower = true;
        }
        j = k;
        ++cj;
      }
      i = j;
      cp = cj;
      t.kind = all_digits ? TokKind::kNumber : TokKind::kWord;
      if (first_upper) t.flags |= kTokCap;
      if (first_upper && !any_lower && letters >= 2) t.flags |= kTokAllCaps;
    } else {
      t.kind = TokKind::kPunct;
      t.punct = fold_punct(c);
    }
    t.b1 = static_cast<std::uint32_t>(i);
    t.c1 = cp;
    if (!space_before) t.flags |= kTokGluedPrev;
    if (line_start) t.flags |= kTokLineStart;
    if (para_start) t.flags |= kTokParaStart;
    if (sent_start && t.kind != TokKind::kPunct) t.flags |= kTokSentStart;
    if (t.kind != TokKind::kPunct) {
      sent_start = false;
    } else if (t.punct == '.' || t.punct == '!' || t.punct == '?' || t.punct == ':') {
      sent_start = true;
    }
    line_start = para_start = false;
    newlines = 0;
    space_before = false;
    out.push_back(t);
  }
}

}  // namespace pk::geo
