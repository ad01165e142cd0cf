// Tokenizer for the geoparser: splits UTF-8 text into words and punctuation with byte and
// code-point offsets. Total on any byte sequence (invalid bytes become separators), linear time.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace pk::geo {

enum class TokKind : std::uint8_t { kWord, kNumber, kPunct };

// Token flags.
enum : std::uint16_t {
  kTokCap = 1 << 0,          // first letter upper case ("Berlin", "USA")
  kTokAllCaps = 1 << 1,      // every letter upper case, at least two letters ("USA", "WÜRZBURG")
  kTokGluedPrev = 1 << 2,    // no white space between this token and the previous one
  kTokLineStart = 1 << 3,    // first token after a line break (or of the text)
  kTokParaStart = 1 << 4,    // first token after a blank line (or of the text)
  kTokSentStart = 1 << 5,    // first word of a sentence (after . ! ? : or a line start)
};

struct Token {
  std::uint32_t b0 = 0, b1 = 0;  // byte offsets [b0, b1)
  std::uint32_t c0 = 0, c1 = 0;  // code-point offsets [c0, c1)
  TokKind kind = TokKind::kPunct;
  std::uint16_t flags = 0;
  char32_t punct = 0;  // the punctuation code point for kPunct (dashes folded to '-', quotes to '"')

  bool is(std::uint16_t f) const { return (flags & f) != 0; }
  bool word() const { return kind == TokKind::kWord; }
  bool is_punct(char32_t c) const { return kind == TokKind::kPunct && punct == c; }
  std::string_view text(std::string_view s) const { return s.substr(b0, b1 - b0); }
};

// Appends the tokens of `text` to `out` (cleared first).
void tokenize(std::string_view text, std::vector<Token>& out);

// True for a letter code point by a cheap approximation (ASCII letters, Latin-1 letters, every
// code point >= U+0100 that is not punctuation/space/symbol in the ranges we know).
bool is_letter_cp(char32_t c);
bool is_upper_cp(char32_t c);

}  // namespace pk::geo
