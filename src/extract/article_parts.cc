#include "article_parts.h"

#include <array>
#include <cctype>
#include <cstring>
#include <vector>

#include "pressekarte/text.h"

namespace pk::parts {

namespace {

bool is_space_cp(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Upper-case first letter: ASCII A–Z or any non-ASCII letter whose lower-case form differs
// (Ä, Ö, Ü, É …, via to_lower_simple), which is enough for place names.
bool starts_upper(std::string_view w) {
  if (w.empty()) return false;
  if (is_ascii_upper(w[0])) return true;
  if (static_cast<unsigned char>(w[0]) < 0x80) return false;
  std::size_t i = 0;
  next_codepoint(w, i);
  std::string_view first = w.substr(0, i);
  return to_lower_simple(first) != first;
}

bool has_lower_letter(std::string_view w) {
  for (std::size_t i = 0; i < w.size();) {
    std::size_t start = i;
    char32_t c = next_codepoint(w, i);
    if (c < 0x80) {
      if (is_ascii_lower(static_cast<char>(c))) return true;
    } else if (c >= 0xC0 && c != 0xD7 && c != 0xF7 && c < 0x250) {
      std::string_view cp = w.substr(start, i - start);
      if (to_lower_simple(cp) == cp && c >= 0xDF) return true;
    }
  }
  return false;
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    std::size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

// Lower-case connectors inside multi-word place names ("Frankfurt am Main", "Halle an der Saale").
bool is_place_connector(std::string_view w) {
  static constexpr std::array<std::string_view, 16> kWords = {
      "am", "an", "der", "die", "bei", "im", "in", "ob", "vor", "auf", "de", "la", "sur",
      "upon", "on", "del"};
  for (auto k : kWords)
    if (w == k) return true;
  return false;
}

// A plausible place name for a dateline: 1–5 words, the first capitalised, no digits, no
// sentence punctuation, at most 50 bytes. "Berlin", "Frankfurt/Main", "NEW YORK", "Bad Hersfeld".
bool plausible_place(std::string_view s) {
  if (s.empty() || s.size() > 50) return false;
  auto words = split_words(s);
  if (words.empty() || words.size() > 5) return false;
  if (!starts_upper(words[0])) return false;
  for (std::size_t k = 0; k < words.size(); ++k) {
    auto w = words[k];
    if (k > 0 && !starts_upper(w) && !is_place_connector(w) && w[0] != '(') return false;
    for (char c : w)
      if (is_digit(c) || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"')
        return false;
  }
  return true;
}

// "WASHINGTON" → "Washington", "NEW YORK" → "New York"; mixed-case names stay as they are.
// All-caps words of two letters or fewer ("US", "NY") are kept.
std::string title_case_if_all_caps(std::string_view s) {
  if (has_lower_letter(s)) return std::string(s);
  std::string out;
  std::size_t word_start = 0;
  auto flush_word = [&](std::string_view w) {
    if (codepoint_count(w) <= 2) {
      out += w;
      return;
    }
    std::size_t i = 0;
    next_codepoint(w, i);
    out += w.substr(0, i);
    out += to_lower_simple(w.substr(i));
  };
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == ' ' || s[i] == '-' || s[i] == '/') {
      flush_word(s.substr(word_start, i - word_start));
      if (i < s.size()) out += s[i];
      word_start = i + 1;
    }
  }
  return out;
}

// Length of a dash (-, –, —) at s[i], or 0.
std::size_t dash_len(std::string_view s, std::size_t i) {
  if (i < s.size() && s[i] == '-') return 1;
  if (s.substr(i, 3) == "\xE2\x80\x93" || s.substr(i, 3) == "\xE2\x80\x94") return 3;
  return 0;
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size()) {
    std::size_t j = i;
    if (!is_space_cp(next_codepoint(s, j))) break;
    i = j;
  }
  return i;
}

// The first known agency among the tokens of a parenthesised signature ("dpa/lby", "AFP, dpa").
std::string agency_in_signature(std::string_view inner) {
  if (inner.empty() || inner.size() > 40) return "";
  std::string token;
  for (std::size_t i = 0; i <= inner.size(); ++i) {
    char c = i < inner.size() ? inner[i] : ' ';
    if (c == '/' || c == ',' || c == ' ' || c == ';' || c == '+' || c == '&') {
      if (!token.empty()) {
        std::string a = canonical_agency(token);
        if (!a.empty()) return a;
        token.clear();
      }
    } else {
      token += c;
    }
  }
  return "";
}

struct CreditMarker {
  std::string_view text;
  bool needs_colon_word;  // a word marker like "Foto:" must start a word
};

constexpr std::array<CreditMarker, 17> kCreditMarkers = {{
    {"Photo by ", true}, {"Photograph by ", true},
    {"Bild:", true},     {"Foto:", true},   {"Fotos:", true},   {"Bilder:", true},
    {"Photo:", true},    {"Photos:", true}, {"Image:", true},   {"Credit:", true},
    {"Bildquelle:", true}, {"Fotoquelle:", true}, {"Quelle:", true}, {"\xC2\xA9", false},
    {"(c)", true},       {"Copyright:", true}, {"Bildrechte:", true},
}};

}  // namespace

std::string trim(std::string_view s) {
  std::size_t b = skip_spaces(s, 0);
  std::size_t e = s.size();
  while (e > b) {
    // Step back over one code point (continuation bytes start with 10xxxxxx).
    std::size_t k = e - 1;
    while (k > b && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
    std::size_t j = k;
    if (!is_space_cp(next_codepoint(s, j))) break;
    e = k;
  }
  return std::string(s.substr(b, e - b));
}

std::string canonical_agency(std::string_view token_in) {
  std::string token = trim(token_in);
  // "dpa/lby", "dpa-AFX": the part before the slash names the agency.
  if (auto slash = token.find('/'); slash != std::string::npos) token.resize(slash);
  std::string lower = to_lower_simple(token);
  struct Entry {
    std::string_view lower, canonical;
  };
  static constexpr std::array<Entry, 30> kAgencies = {{
      {"dpa", "dpa"},         {"dpa-afx", "dpa-AFX"}, {"afx", "dpa-AFX"},   {"afp", "AFP"},
      {"reuters", "Reuters"}, {"rtr", "Reuters"},     {"ap", "AP"},         {"epd", "epd"},
      {"kna", "KNA"},         {"ots", "ots"},         {"dts", "dts"},       {"ddp", "ddp"},
      {"dapd", "dapd"},       {"sid", "SID"},         {"apa", "APA"},       {"sda", "sda"},
      {"kap", "KAP"},         {"idea", "idea"},       {"upi", "UPI"},       {"efe", "EFE"},
      {"ansa", "ANSA"},       {"xinhua", "Xinhua"},   {"kyodo", "Kyodo"},   {"yonhap", "Yonhap"},
      {"tass", "TASS"},       {"bloomberg", "Bloomberg"}, {"anp", "ANP"},  {"belga", "Belga"},
      {"pa", "PA"},           {"djn", "Dow Jones"},
  }};
  for (const auto& e : kAgencies)
    if (lower == e.lower) return std::string(e.canonical);
  return "";
}

std::optional<Dateline> detect_dateline(std::string_view paragraph, bool allow_without_agency) {
  std::size_t start = skip_spaces(paragraph, 0);
  std::string_view p = paragraph.substr(start);
  // Only the first 120 bytes can hold a dateline.
  std::string_view head = p.substr(0, 120);
  Dateline d;
  std::size_t after = std::string_view::npos;  // where the dash/colon is expected
  // The first parenthesised group naming an agency; earlier groups belong to the place
  // ("Frankfurt (Oder) (dpa/bb) -", "Halle (Saale) (dpa) -").
  for (std::size_t paren = head.find(" ("); paren != std::string_view::npos && d.agency.empty();
       paren = head.find(" (", paren + 2)) {
    std::size_t close = head.find(')', paren);
    if (close != std::string_view::npos) {
      d.agency = agency_in_signature(head.substr(paren + 2, close - paren - 2));
      if (!d.agency.empty()) {
        // "BERLIN, 28. Oktober (Reuters)": the place is what stands before the first comma.
        std::string_view place = head.substr(0, paren);
        if (auto comma = place.find(','); comma != std::string_view::npos) place = place.substr(0, comma);
        if (!plausible_place(place)) return std::nullopt;
        d.place = title_case_if_all_caps(trim(place));
        after = close + 1;
      }
    }
  }
  if (after == std::string_view::npos) {
    if (!allow_without_agency) return std::nullopt;
    // "Berlin - Am Montag …": a place, then a spaced dash.
    for (std::size_t i = 1; i < head.size() && i < 50; ++i) {
      if (head[i - 1] == ' ' && dash_len(head, i) && i + dash_len(head, i) < head.size() &&
          head[i + dash_len(head, i)] == ' ') {
        std::string_view place = head.substr(0, i - 1);
        if (!plausible_place(place)) return std::nullopt;
        d.place = title_case_if_all_caps(trim(place));
        after = i;
        break;
      }
    }
    if (after == std::string_view::npos) return std::nullopt;
  }
  std::size_t i = skip_spaces(p, after);
  if (std::size_t n = dash_len(p, i)) {
    i += n;
  } else if (i < p.size() && p[i] == ':') {
    ++i;
  } else if (!(i > after && i < p.size() && starts_upper(p.substr(i)) && d.agency.size())) {
    // "Berlin (dpa) Am Montag" without a dash is accepted only with an agency.
    return std::nullopt;
  }
  d.rest = trim(p.substr(i));
  return d;
}

std::optional<std::string> standalone_dateline(std::string_view line_in) {
  std::string line = trim(line_in);
  if (line.size() < 3 || line.size() > 40 || line.back() != '.') return std::nullopt;
  line.pop_back();
  if (line.empty() || line.back() == '.') return std::nullopt;
  auto words = split_words(line);
  if (words.size() > 4) return std::nullopt;
  if (!plausible_place(line)) return std::nullopt;
  for (auto w : words)
    if (!starts_upper(w) && !is_place_connector(w)) return std::nullopt;
  return title_case_if_all_caps(line);
}

std::optional<TrailingAgency> trailing_agency(std::string_view paragraph) {
  std::string_view p = paragraph;
  while (!p.empty() && (p.back() == ' ' || p.back() == '\t' || p.back() == '\n' || p.back() == '\r'))
    p.remove_suffix(1);
  if (p.empty() || p.back() != ')') return std::nullopt;
  std::size_t open = p.rfind('(');
  if (open == std::string_view::npos) return std::nullopt;
  std::string_view inner = p.substr(open + 1, p.size() - open - 2);
  if (inner.find(':') != std::string_view::npos) return std::nullopt;  // "(Foto: dpa)"
  std::string agency = agency_in_signature(inner);
  if (agency.empty()) return std::nullopt;
  std::size_t strip = open;
  while (strip > 0 && (p[strip - 1] == ' ' || p[strip - 1] == '\t')) --strip;
  if (strip > 0) {
    // The signature must follow the end of a sentence: "… Programm. (dpa)", "… zuvor.“ (AFP)".
    unsigned char last = static_cast<unsigned char>(p[strip - 1]);
    bool sentence_end = last == '.' || last == '!' || last == '?' || last == '"' || last == '\'' ||
                        last >= 0x80;  // closing quotes “ ” » « are multi-byte
    if (!sentence_end) return std::nullopt;
    if (last >= 0x80) {
      std::size_t k = strip - 1;
      while (k > 0 && (static_cast<unsigned char>(p[k]) & 0xC0) == 0x80) --k;
      std::string_view q = p.substr(k, strip - k);
      if (q != "\xE2\x80\x9C" && q != "\xE2\x80\x9D" && q != "\xC2\xBB" && q != "\xC2\xAB" &&
          q != "\xE2\x80\x99" && q != "\xE2\x80\xA6")
        return std::nullopt;
    }
  }
  return TrailingAgency{agency, strip};
}

CaptionCredit split_photo_credit(std::string_view line_in) {
  std::string line = trim(line_in);
  CaptionCredit out;
  // Earliest marker that starts a word ("… Allianz. Bild: X/dpa", "(Foto: dpa)", "© X").
  std::size_t best = std::string::npos, best_len = 0;
  for (const auto& m : kCreditMarkers) {
    // The marker as written and in capitals ("BILD:", "FOTO:").
    std::string upper(m.text);
    for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    for (std::string_view needle : {m.text, std::string_view(upper)}) {
      std::size_t pos = 0;
      while ((pos = line.find(needle, pos)) != std::string::npos) {
        bool word_start = pos == 0 || line[pos - 1] == ' ' || line[pos - 1] == '(' ||
                          line[pos - 1] == '|' || line[pos - 1] == '/';
        if (!m.needs_colon_word || word_start) {
          if (pos < best) {
            best = pos;
            best_len = needle.size();
          }
          break;
        }
        pos += needle.size();
      }
    }
  }
  if (best == std::string::npos) {
    out.caption = line;
    return out;
  }
  std::string credit = trim(std::string_view(line).substr(best + best_len));
  bool in_parens = best > 0 && line[best - 1] == '(';
  if (in_parens && !credit.empty() && credit.back() == ')') credit.pop_back();
  // "Foto: © dpa": drop a second marker.
  if (credit.rfind("\xC2\xA9", 0) == 0) credit = trim(std::string_view(credit).substr(2));
  credit = trim(credit);
  // A credit is a name list, not a sentence: short, few words.
  if (credit.empty() || credit.size() > 150 || split_words(credit).size() > 14) {
    out.caption = line;
    return out;
  }
  std::string caption = line.substr(0, in_parens ? best - 1 : best);
  caption = trim(caption);
  // Separators before the credit: "|", "-", "–", "—".
  for (bool more = true; more && !caption.empty();) {
    more = false;
    if (caption.back() == '|' || caption.back() == '-') {
      caption.pop_back();
      more = true;
    } else {
      for (std::string_view dash : {"\xE2\x80\x93", "\xE2\x80\x94"}) {
        if (caption.size() >= dash.size() &&
            caption.compare(caption.size() - dash.size(), dash.size(), dash) == 0) {
          caption.resize(caption.size() - dash.size());
          more = true;
        }
      }
    }
    caption = trim(caption);
  }
  out.caption = caption;
  out.credit = credit;
  out.marker = line.substr(best, best_len);
  return out;
}

bool is_credit_line(std::string_view line) {
  CaptionCredit cc = split_photo_credit(line);
  return cc.caption.empty() && !cc.credit.empty();
}

bool is_photo_marker(std::string_view marker) {
  return marker != "Quelle:" && marker != "Credit:" && marker != "Copyright:" &&
         marker != "Photo by " && marker != "Photograph by " && !marker.empty();
}

std::optional<std::string> byline_author(std::string_view line_in) {
  std::string line = trim(line_in);
  std::string_view rest;
  for (std::string_view prefix : {"Von ", "von ", "By ", "by ", "VON ", "BY "}) {
    if (line.rfind(prefix, 0) == 0) {
      rest = std::string_view(line).substr(prefix.size());
      break;
    }
  }
  if (rest.empty() || rest.size() > 100) return std::nullopt;
  // "Von Max Muster, Tokio" / "By Jane Doe | Reuters": the name ends at a comma or bar.
  std::size_t end = rest.find_first_of(",|");
  std::string name = trim(rest.substr(0, end));
  if (!name.empty() && (name.back() == '.' || name.back() == '!' || name.back() == '?')) return std::nullopt;
  auto words = split_words(name);
  if (words.size() < 2 || words.size() > 8) return std::nullopt;
  int capitalised = 0;
  for (auto w : words) {
    if (starts_upper(w)) ++capitalised;
    else if (w != "und" && w != "and" && w != "von" && w != "van" && w != "de" && w != "der" && w != "zu")
      return std::nullopt;
  }
  if (capitalised < 2) return std::nullopt;
  return name;
}

}  // namespace pk::parts
