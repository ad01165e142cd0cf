#include "pressekarte/text.h"

#include <array>
#include <cstring>

namespace pk {

namespace {

constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
constexpr std::uint64_t kLowBits = 0x0101010101010101ULL;

// The 8 bytes at p as one word (memcpy: no alignment requirement, one load after optimisation).
inline std::uint64_t load8(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// True if none of the 8 bytes has its high bit set (all ASCII).
inline bool all_ascii(std::uint64_t w) { return (w & kHighBits) == 0; }

// True if all 8 bytes are ASCII and none is NUL (the classic "has zero byte" test, exact for
// ASCII words because no byte can borrow into the next).
inline bool all_ascii_nonzero(std::uint64_t w) {
  return all_ascii(w) && ((w - kLowBits) & ~w & kHighBits) == 0;
}

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is invalid there.
std::size_t valid_sequence_length(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  auto cont = [&](std::size_t k) {
    return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b0 == 0xE0 && b1 < 0xA0) return 0;  // overlong
    if (b0 == 0xED && b1 >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b0 == 0xF0 && b1 < 0x90) return 0;
    if (b0 == 0xF4 && b1 >= 0x90) return 0;
    return 4;
  }
  return 0;
}

// Windows-1252 code points for 0x80..0x9F (0 = undefined, kept as Latin-1 control).
constexpr std::array<char32_t, 32> kCp1252 = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

bool is_space_cp(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         c == 0x2007 || c == 0x202F || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x3000 || c == 0x1680 || c == 0x85;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  const std::size_t size = s.size();
  for (std::size_t i = 0; i < size;) {
    // Most page bytes are ASCII: skip them a word at a time.
    if (i + 8 <= size && all_ascii(load8(s.data() + i))) {
      i += 8;
      continue;
    }
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = valid_sequence_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string sanitize_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const std::size_t size = s.size();
  for (std::size_t i = 0; i < size;) {
    // Copy runs of ASCII words without NUL in one append.
    std::size_t run = i;
    while (run + 8 <= size && all_ascii_nonzero(load8(s.data() + run))) run += 8;
    if (run != i) {
      out.append(s.data() + i, run - i);
      i = run;
      continue;
    }
    std::size_t n = valid_sequence_length(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      if (!(n == 1 && s[i] == '\0')) out.append(s.data() + i, n);
      i += n;
    }
  }
  return out;
}

std::string latin1_to_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (unsigned char c : s) {
    char32_t cp = c;
    if (c >= 0x80 && c <= 0x9F && kCp1252[c - 0x80] != 0) cp = kCp1252[c - 0x80];
    append_utf8(out, cp);
  }
  return out;
}

std::size_t codepoint_count(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) {
    if (i + 8 <= s.size() && all_ascii(load8(s.data() + i))) {
      i += 8;
      n += 7;  // 8 code points; the loop adds the eighth
      continue;
    }
    next_codepoint(s, i);
  }
  return n;
}

std::size_t byte_offset_of_codepoint(std::string_view s, std::size_t cp) {
  std::size_t i = 0;
  for (std::size_t n = 0; n < cp && i < s.size(); ++n) next_codepoint(s, i);
  return i;
}

char32_t next_codepoint(std::string_view s, std::size_t& i) {
  if (const auto b = static_cast<unsigned char>(s[i]); b < 0x80) {
    ++i;
    return b;
  }
  std::size_t n = valid_sequence_length(s, i);
  const auto* p = reinterpret_cast<const unsigned char*>(s.data() + i);
  switch (n) {
    case 1: i += 1; return p[0];
    case 2: i += 2; return ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    case 3: i += 3; return ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    case 4:
      i += 4;
      return ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    default: i += 1; return 0xFFFD;
  }
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

namespace {

inline bool is_ascii_space(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');  // \t \n \v \f \r
}

// One pass of collapse_whitespace; `lower` also applies to_lower_simple's mapping to each
// code point kept (the same result as lower-casing the collapsed text: collapsing only drops or
// replaces white-space code points, so the other code points decode the same either way).
template <bool lower>
std::string collapse_whitespace_impl(std::string_view s);

}  // namespace

std::string collapse_whitespace(std::string_view s) { return collapse_whitespace_impl<false>(s); }

std::string collapse_whitespace_lower(std::string_view s) { return collapse_whitespace_impl<true>(s); }

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  return out;
}

std::string_view trim_ascii(std::string_view s) {
  auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

namespace {

// Latin Extended-A capitals: upper/lower pairs start on even code points in U+0100–0137 and
// U+014A–0177, but on odd ones in U+0139–0148 (Ĺ…Ň, incl. Ł) and U+0179–017E (Ź Ż Ž).
bool is_latin_ext_a_upper(char32_t c) {
  if (c >= 0x100 && c <= 0x137) return c % 2 == 0 && c != 0x130;
  if (c >= 0x139 && c <= 0x148) return c % 2 == 1;
  if (c >= 0x14A && c <= 0x177) return c % 2 == 0;
  if (c >= 0x179 && c <= 0x17E) return c % 2 == 1;
  return false;
}

// Appends code point c (the bytes s[start, end)) lower-cased as to_lower_simple does.
inline void append_lower(std::string& out, std::string_view s, std::size_t start, std::size_t end,
                         char32_t c) {
  if (c >= 'A' && c <= 'Z') {
    out += static_cast<char>(c + 32);
  } else if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) {
    append_utf8(out, c + 32);
  } else if (is_latin_ext_a_upper(c)) {
    append_utf8(out, c + 1);
  } else if (c == 0x130) {
    out += 'i';  // İ
  } else if (c == 0x178) {
    append_utf8(out, 0xFF);  // Ÿ → ÿ
  } else {
    out.append(s.data() + start, end - start);
  }
}

template <bool lower>
std::string collapse_whitespace_impl(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  const std::size_t size = s.size();
  for (std::size_t i = 0; i < size;) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {  // ASCII fast path
      ++i;
      if (is_ascii_space(b)) {
        pending_space = !out.empty();
        continue;
      }
      if (pending_space) out += ' ';
      pending_space = false;
      out += static_cast<char>(lower && b >= 'A' && b <= 'Z' ? b + 32 : b);
      continue;
    }
    std::size_t start = i;
    char32_t c = next_codepoint(s, i);
    if (is_space_cp(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    if constexpr (lower) {
      append_lower(out, s, start, i, c);
    } else {
      out.append(s.data() + start, i - start);
    }
  }
  return out;
}

}  // namespace

std::string to_lower_simple(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const std::size_t size = s.size();
  for (std::size_t i = 0; i < size;) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {  // ASCII fast path
      out += static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      ++i;
      continue;
    }
    std::size_t start = i;
    char32_t c = next_codepoint(s, i);
    append_lower(out, s, start, i, c);
  }
  return out;
}

std::string fold_for_match(std::string_view s, bool german_expand) {
  std::string lower = to_lower_simple(s);
  std::string out;
  out.reserve(lower.size());
  for (std::size_t i = 0; i < lower.size();) {
    std::size_t start = i;
    char32_t c = next_codepoint(lower, i);
    switch (c) {
      case 0xE4: out += german_expand ? "ae" : "a"; break;  // ä
      case 0xF6: out += german_expand ? "oe" : "o"; break;  // ö
      case 0xFC: out += german_expand ? "ue" : "u"; break;  // ü
      case 0xDF: out += "ss"; break;                         // ß
      case 0xE0: case 0xE1: case 0xE2: case 0xE3: case 0xE5: out += 'a'; break;
      case 0xE7: out += 'c'; break;
      case 0xE8: case 0xE9: case 0xEA: case 0xEB: out += 'e'; break;
      case 0xEC: case 0xED: case 0xEE: case 0xEF: out += 'i'; break;
      case 0xF1: out += 'n'; break;
      case 0xF2: case 0xF3: case 0xF4: case 0xF5: case 0xF8: out += 'o'; break;
      case 0xF9: case 0xFA: case 0xFB: out += 'u'; break;
      case 0xFD: case 0xFF: out += 'y'; break;
      case 0x2019: case 0x2018: out += '\''; break;
      case 0x2010: case 0x2011: case 0x2013: out += '-'; break;
      default: out.append(lower.data() + start, i - start);
    }
  }
  return out;
}

}  // namespace pk
