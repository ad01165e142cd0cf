// German-aware sentence splitting for the lineage diff.
#include <algorithm>
#include <cctype>
#include <string_view>
#include <unordered_set>

#include "pressekarte/stories.h"
#include "pressekarte/text.h"

namespace pk {
namespace {

// Words that end with a period without ending the sentence (compared without the period).
const std::unordered_set<std::string_view>& abbreviations() {
  static const std::unordered_set<std::string_view> kAbbr = {
      "z", "B", "Dr", "Prof", "St", "Nr", "bzw", "ca", "usw", "etc", "vgl", "Mio", "Mrd", "Str",
      "Jh", "Chr", "u", "a", "d", "h", "o", "v", "evtl", "ggf", "inkl", "max", "min", "Abs",
      "Art", "Hrsg", "Tel", "Fr", "Hr", "Mr", "Mrs", "Ms", "Jr", "Sr", "Co", "Inc", "Ltd",
      "e", "V", "gem", "geb", "allg", "bspw", "sog", "Std", "Min", "Sek", "Kap", "Bd", "Pkt",
      "Dipl", "Ing", "rer", "nat", "med", "phil", "jur", "Mag", "Bf", "Hbf", "Kr", "Lkr",
      "Reg", "Bez", "Stv", "stv", "zzgl", "abzgl", "Tsd", "mind", "gegr", "jun", "sen", "Uhr"};
  return kAbbr;
}

bool is_month(std::string_view w) {
  static const std::unordered_set<std::string_view> kMonths = {
      "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
      "September", "Oktober", "November", "Dezember", "Jan", "Feb", "Mär", "Apr", "Jun", "Jul",
      "Aug", "Sep", "Sept", "Okt", "Nov", "Dez"};
  return kMonths.count(w) > 0;
}

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Closing quotes and brackets that may follow the end punctuation: " ' ) ] “ ” » « ‘ ’
std::size_t skip_closers(std::string_view s, std::size_t i) {
  while (i < s.size()) {
    if (s[i] == '"' || s[i] == '\'' || s[i] == ')' || s[i] == ']') {
      ++i;
    } else if (s.compare(i, 3, "\u201c") == 0 || s.compare(i, 3, "\u201d") == 0 ||
               s.compare(i, 3, "\u2019") == 0 || s.compare(i, 3, "\u2018") == 0) {
      i += 3;
    } else if (s.compare(i, 2, "\u00bb") == 0 || s.compare(i, 2, "\u00ab") == 0) {
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

bool starts_lowercase(std::string_view s, std::size_t i) {
  if (i >= s.size()) return false;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return std::islower(c) != 0;
  std::string low = to_lower_simple(s.substr(i, 2));
  return low == s.substr(i, 2) && (c == 0xC3);  // ä ö ü ß stay the same when lower-cased
}

}  // namespace

std::vector<std::string> split_sentences(const std::string& text) {
  std::vector<std::string> out;
  std::string_view s(text);
  std::size_t begin = 0;
  auto emit = [&](std::size_t end) {
    std::string piece = collapse_whitespace(s.substr(begin, end - begin));
    if (!piece.empty()) out.push_back(std::move(piece));
    begin = end;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\n' && i + 1 < s.size() && s[i + 1] == '\n') {  // paragraph break
      emit(i);
      continue;
    }
    bool ellipsis = s.compare(i, 3, "\u2026") == 0;
    if (c != '.' && c != '!' && c != '?' && !ellipsis) continue;
    std::size_t after = skip_closers(s, i + (ellipsis ? 3 : 1));
    if (after < s.size() && !is_space(static_cast<unsigned char>(s[after]))) continue;  // "1.200", "z.B."
    std::size_t next = after;
    while (next < s.size() && is_space(static_cast<unsigned char>(s[next]))) ++next;
    if (next >= s.size()) break;
    if (starts_lowercase(s, next)) continue;
    if (c == '.') {
      std::size_t w = i;
      while (w > begin && !is_space(static_cast<unsigned char>(s[w - 1])) && s[w - 1] != '(') --w;
      std::string_view word = s.substr(w, i - w);
      if (abbreviations().count(word)) continue;
      if (word.size() == 1 && std::isalpha(static_cast<unsigned char>(word[0]))) continue;  // initials
      bool digits = !word.empty() && word.size() <= 2 &&
                    std::all_of(word.begin(), word.end(), [](char d) { return d >= '0' && d <= '9'; });
      if (digits) continue;  // ordinals and dates: "28. Oktober", "3. Liga"
      std::size_t e = next;
      while (e < s.size() && !is_space(static_cast<unsigned char>(s[e])) && s[e] != ',' && s[e] != '.') ++e;
      if (is_month(s.substr(next, e - next)) && !word.empty() &&
          std::isdigit(static_cast<unsigned char>(word.back()))) continue;
    }
    emit(after);
    i = after > 0 ? after - 1 : 0;
  }
  if (begin < s.size()) emit(s.size());
  return out;
}

}  // namespace pk
