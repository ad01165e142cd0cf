// parts::normalize_date: German and English date/time forms, and day-month-year dates with the
// month names of French, Spanish, Italian, Portuguese, Dutch, Scandinavian and Polish → ISO 8601.
//
// The text is scanned left to right; the first position where one of the date patterns matches
// (ISO, day.month.year, day monthname year, monthname day year, m/d/y) wins, then an optional
// time and zone directly after it are read. Text around the date is ignored.
#include <array>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_map>

#include "article_parts.h"
#include "pressekarte/text.h"

namespace pk::parts {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }
bool alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80; }
bool alnum(char c) { return digit(c) || alpha(c); }

struct DateTime {
  int year = 0, month = 0, day = 0;
  int hour = -1, minute = 0, second = 0;
  bool has_zone = false;
  int zone_minutes = 0;  // offset east of UTC
};

// Reads 1..max_digits digits at s[i]; fails if more digits follow.
bool read_int(const std::string& s, std::size_t& i, int min_digits, int max_digits, int& out) {
  std::size_t j = i;
  int v = 0;
  while (j < s.size() && digit(s[j]) && static_cast<int>(j - i) < max_digits) v = v * 10 + (s[j++] - '0');
  int n = static_cast<int>(j - i);
  if (n < min_digits || (j < s.size() && digit(s[j]))) return false;
  i = j;
  out = v;
  return true;
}

void skip_ws(const std::string& s, std::size_t& i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) ++i;
  if (s.compare(i, 2, "\xC2\xA0") == 0) {  // NBSP
    i += 2;
    skip_ws(s, i);
  }
}

// Month names and abbreviations, lower-cased: German, English, then the other languages of the
// pages we read (French, Spanish, Italian, Portuguese, Dutch, Scandinavian, Polish genitive).
// Only read inside a full day-month-year date, so short forms that are also words ("mars",
// "set", "mei") cannot date a page on their own.
struct MonthName {
  const char* name;
  int month;
};
constexpr MonthName kMonthNames[] = {
    // German and English.
    {"januar", 1}, {"january", 1}, {"jänner", 1}, {"jan", 1}, {"februar", 2}, {"february", 2},
    {"feb", 2}, {"märz", 3}, {"maerz", 3}, {"march", 3}, {"mär", 3}, {"mrz", 3}, {"mar", 3},
    {"april", 4}, {"apr", 4}, {"mai", 5}, {"may", 5}, {"juni", 6}, {"june", 6}, {"jun", 6},
    {"juli", 7}, {"july", 7}, {"jul", 7}, {"august", 8}, {"aug", 8}, {"september", 9}, {"sept", 9},
    {"sep", 9}, {"oktober", 10}, {"october", 10}, {"okt", 10}, {"oct", 10}, {"november", 11},
    {"nov", 11}, {"dezember", 12}, {"december", 12}, {"dez", 12}, {"dec", 12}, {"mae", 3},
    {"jaen", 1},
    // French.
    {"janvier", 1}, {"janv", 1}, {"février", 2}, {"fevrier", 2}, {"févr", 2}, {"fév", 2},
    {"mars", 3}, {"avril", 4}, {"avr", 4}, {"juin", 6}, {"juillet", 7}, {"juil", 7}, {"août", 8},
    {"aout", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11}, {"décembre", 12},
    {"decembre", 12}, {"déc", 12},
    // Spanish, Italian, Portuguese.
    {"enero", 1}, {"ene", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"abr", 4}, {"mayo", 5},
    {"junio", 6}, {"julio", 7}, {"agosto", 8}, {"ago", 8}, {"septiembre", 9}, {"setiembre", 9},
    {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12}, {"dic", 12}, {"gennaio", 1},
    {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6}, {"luglio", 7},
    {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12}, {"janeiro", 1}, {"fevereiro", 2},
    {"março", 3}, {"maio", 5}, {"junho", 6}, {"julho", 7}, {"setembro", 9}, {"outubro", 10},
    {"novembro", 11}, {"dezembro", 12},
    // Dutch and Scandinavian.
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mrt", 3}, {"mei", 5}, {"augustus", 8},
    {"augusti", 8}, {"maj", 5},
    // Polish (genitive, as dates write them: "12 maja 2020").
    {"stycznia", 1}, {"lutego", 2}, {"marca", 3}, {"kwietnia", 4}, {"maja", 5}, {"czerwca", 6},
    {"lipca", 7}, {"sierpnia", 8}, {"września", 9}, {"października", 10}, {"listopada", 11},
    {"grudnia", 12},
};

// Month from a lower-cased name or abbreviation at s[i]; 0 if none.
int read_month_name(const std::string& s, std::size_t& i) {
  std::size_t j = i;
  while (j < s.size() && alpha(s[j])) ++j;
  std::string_view word(s.data() + i, j - i);
  if (word.size() < 3 || word.size() > 13) return 0;
  // normalize_date runs on every short text of a page: one hash look-up per word, not ~130 compares.
  static const std::unordered_map<std::string_view, int> kByName = [] {
    std::unordered_map<std::string_view, int> m;
    for (const auto& n : kMonthNames) m.emplace(n.name, n.month);
    return m;
  }();
  auto it = kByName.find(word);
  if (it == kByName.end()) return 0;
  i = j;
  if (i < s.size() && s[i] == '.') ++i;
  return it->second;
}

// Spanish and Portuguese join day, month and year with "de" ("2 de abril de 2020").
void skip_de(const std::string& s, std::size_t& j) {
  if (s.compare(j, 3, "de ") == 0) {
    j += 3;
    skip_ws(s, j);
  }
}

int expand_year(int y, int digits) {
  if (digits == 2) return y < 70 ? 2000 + y : 1900 + y;
  return y;
}

bool valid_date(const DateTime& d) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.year < 1990 || d.year > 2100 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  if (d.day > kDays[d.month - 1]) return false;
  if (d.month == 2 && d.day == 29 && !(d.year % 4 == 0 && (d.year % 100 != 0 || d.year % 400 == 0)))
    return false;
  return true;
}

// "2025-10-28", "2025/10/28", "2025.10.28".
bool try_iso(const std::string& s, std::size_t& i, DateTime& d) {
  std::size_t j = i;
  if (!read_int(s, j, 4, 4, d.year)) return false;
  if (j >= s.size() || (s[j] != '-' && s[j] != '/' && s[j] != '.')) return false;
  char sep = s[j++];
  if (!read_int(s, j, 1, 2, d.month) || j >= s.size() || s[j] != sep) return false;
  ++j;
  if (!read_int(s, j, 1, 2, d.day)) return false;
  i = j;
  return true;
}

// "28.10.2025", "28. 10. 25", "28-10-2025"; "10/28/2025" (US order unless the first is > 12).
bool try_numeric_dmy(const std::string& s, std::size_t& i, DateTime& d, SlashOrder order) {
  std::size_t j = i;
  int a = 0, b = 0, y = 0;
  if (!read_int(s, j, 1, 2, a) || j >= s.size()) return false;
  char sep = s[j];
  if (sep != '.' && sep != '/' && sep != '-') return false;
  ++j;
  if (sep == '.') skip_ws(s, j);
  if (!read_int(s, j, 1, 2, b) || j >= s.size() || s[j] != sep) return false;
  ++j;
  if (sep == '.') skip_ws(s, j);
  std::size_t ystart = j;
  if (!read_int(s, j, 2, 4, y)) return false;
  int ydigits = static_cast<int>(j - ystart);
  if (ydigits == 3) return false;
  d.year = expand_year(y, ydigits);
  if (sep == '/' && a <= 12 && (order == SlashOrder::kMonthFirst || b > 12)) {
    d.month = a;
    d.day = b;
  } else {
    d.day = a;
    d.month = b;
  }
  i = j;
  return true;
}

// "28. Oktober 2025", "28 Oct 2025", "28. Okt. 2025", "28th October, 2025".
bool try_day_monthname(const std::string& s, std::size_t& i, DateTime& d) {
  std::size_t j = i;
  if (!read_int(s, j, 1, 2, d.day)) return false;
  if (j < s.size() && s[j] == '.') ++j;
  else if (s.compare(j, 2, "st") == 0 || s.compare(j, 2, "nd") == 0 || s.compare(j, 2, "rd") == 0 ||
           s.compare(j, 2, "th") == 0 || s.compare(j, 2, "er") == 0)  // "1er juin"
    j += 2;
  skip_ws(s, j);
  if (j < s.size() && s[j] == '-') ++j;
  skip_de(s, j);
  d.month = read_month_name(s, j);
  if (!d.month) return false;
  if (j < s.size() && (s[j] == ',' || s[j] == '-')) ++j;
  skip_ws(s, j);
  skip_de(s, j);
  std::size_t ystart = j;
  if (!read_int(s, j, 4, 4, d.year)) {
    j = ystart;
    // "28-Oct-25"
    int y = 0;
    if (!read_int(s, j, 2, 2, y)) return false;
    d.year = expand_year(y, 2);
  }
  i = j;
  return true;
}

// "October 28, 2025", "Oct. 28 2025", "Oktober 28, 2025".
bool try_monthname_day(const std::string& s, std::size_t& i, DateTime& d) {
  std::size_t j = i;
  d.month = read_month_name(s, j);
  if (!d.month) return false;
  skip_ws(s, j);
  if (!read_int(s, j, 1, 2, d.day)) return false;
  if (s.compare(j, 2, "st") == 0 || s.compare(j, 2, "nd") == 0 || s.compare(j, 2, "rd") == 0 ||
      s.compare(j, 2, "th") == 0)
    j += 2;
  if (j < s.size() && s[j] == ',') ++j;
  skip_ws(s, j);
  if (!read_int(s, j, 4, 4, d.year)) return false;
  i = j;
  return true;
}

// Zone after a time: "Z", "+01:00", "+0100", "+01", "GMT", "UTC", "MEZ", "CEST", "EST" …
void read_zone(const std::string& s, std::size_t& i, DateTime& d) {
  std::size_t j = i;
  skip_ws(s, j);
  if (j < s.size() && s[j] == 'z' && (j + 1 >= s.size() || !alnum(s[j + 1]))) {
    d.has_zone = true;
    d.zone_minutes = 0;
    i = j + 1;
    return;
  }
  struct Named {
    const char* name;
    int minutes;
  };
  static constexpr std::array<Named, 14> kNamed = {{
      {"mesz", 120}, {"mez", 60}, {"cest", 120}, {"cet", 60}, {"utc", 0}, {"gmt", 0}, {"bst", 60},
      {"edt", -240}, {"est", -300}, {"cdt", -300}, {"cst", -360}, {"pdt", -420}, {"pst", -480},
      {"ut", 0},
  }};
  for (const auto& z : kNamed) {
    std::size_t n = std::char_traits<char>::length(z.name);
    if (s.compare(j, n, z.name) == 0 && (j + n >= s.size() || !alpha(s[j + n]))) {
      d.has_zone = true;
      d.zone_minutes = z.minutes;
      j += n;
      i = j;
      // "GMT+1", "UTC+01:00" fall through to the numeric offset.
      if (!(j < s.size() && (s[j] == '+' || s[j] == '-'))) return;
      break;
    }
  }
  if (j < s.size() && (s[j] == '+' || s[j] == '-')) {
    int sign = s[j] == '-' ? -1 : 1;
    std::size_t k = j + 1;
    int hh = 0, mm = 0;
    std::size_t hstart = k;
    while (k < s.size() && digit(s[k]) && k - hstart < 4) ++k;
    std::size_t nd = k - hstart;
    if (k < s.size() && digit(s[k])) return;
    if (nd == 4) {
      hh = (s[hstart] - '0') * 10 + (s[hstart + 1] - '0');
      mm = (s[hstart + 2] - '0') * 10 + (s[hstart + 3] - '0');
    } else if (nd == 1 || nd == 2) {
      hh = std::stoi(s.substr(hstart, nd));
      if (k + 2 < s.size() && s[k] == ':' && digit(s[k + 1]) && digit(s[k + 2])) {
        mm = (s[k + 1] - '0') * 10 + (s[k + 2] - '0');
        k += 3;
      }
    } else {
      return;
    }
    if (hh > 14 || mm > 59) return;
    d.has_zone = true;
    d.zone_minutes = sign * (hh * 60 + mm);
    i = k;
  }
}

// Time after a date: "T14:03:00", " 14:03", ", 14:03 Uhr", " um 14.03 Uhr", " at 2:03 PM".
void read_time(const std::string& s, std::size_t i, DateTime& d) {
  std::size_t j = i;
  if (j < s.size() && s[j] == 't') {
    ++j;
  } else {
    for (int guard = 0; guard < 4; ++guard) {
      skip_ws(s, j);
      if (j < s.size() && (s[j] == ',' || s[j] == '|' || s[j] == '-' || s[j] == '/' || s[j] == '@')) {
        ++j;
        continue;
      }
      if (s.compare(j, 3, "um ") == 0 || s.compare(j, 3, "at ") == 0) {
        j += 2;
        continue;
      }
      if (s.compare(j, 4, "uhr ") == 0) break;
      break;
    }
  }
  int hh = 0, mm = 0, ss = 0;
  if (!read_int(s, j, 1, 2, hh) || j >= s.size()) return;
  char sep = s[j];
  if (sep != ':' && sep != '.' && sep != 'h') return;
  ++j;
  if (!read_int(s, j, 2, 2, mm)) return;
  if (j < s.size() && s[j] == ':') {
    std::size_t k = j + 1;
    if (read_int(s, k, 2, 2, ss)) j = k;
    if (j < s.size() && (s[j] == '.' || s[j] == ',') && j + 1 < s.size() && digit(s[j + 1])) {
      ++j;
      while (j < s.size() && digit(s[j])) ++j;  // fractions of a second
    }
  }
  std::size_t k = j;
  skip_ws(s, k);
  bool uhr = s.compare(k, 3, "uhr") == 0;
  if (sep == '.' && !uhr) return;  // "28.10.2025 14.03" alone is too ambiguous
  if (uhr) j = k + 3;
  // 12-hour clock.
  k = j;
  skip_ws(s, k);
  if (hh >= 1 && hh <= 12) {
    if (s.compare(k, 2, "pm") == 0 || s.compare(k, 4, "p.m.") == 0) {
      if (hh != 12) hh += 12;
      j = k + (s[k + 1] == '.' ? 4 : 2);
    } else if ((s.compare(k, 2, "am") == 0 && (k + 2 >= s.size() || !alpha(s[k + 2]))) ||
               s.compare(k, 4, "a.m.") == 0) {
      if (hh == 12) hh = 0;
      j = k + (s[k + 1] == '.' ? 4 : 2);
    }
  }
  if (hh > 23 || mm > 59 || ss > 60) return;
  d.hour = hh;
  d.minute = mm;
  d.second = ss;
  read_zone(s, j, d);
}

std::string format_iso(const DateTime& d) {
  char buf[40];
  if (d.hour < 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", d.year, d.month, d.day, d.hour,
                d.minute, d.second);
  std::string out = buf;
  if (d.has_zone) {
    if (d.zone_minutes == 0) {
      out += "Z";
    } else {
      int m = d.zone_minutes < 0 ? -d.zone_minutes : d.zone_minutes;
      std::snprintf(buf, sizeof buf, "%c%02d:%02d", d.zone_minutes < 0 ? '-' : '+', m / 60, m % 60);
      out += buf;
    }
  }
  return out;
}

// A word character ends right before `i`: an ASCII letter/digit, or a non-ASCII code point
// that is not a space or punctuation ("Bonn,\u00A011.10.2021", "Schweiz \u2022 02.02.2022"
// start a date; "Größe12.10.2021" does not).
bool word_char_before(const std::string& s, std::size_t i) {
  if (i == 0) return false;
  if (static_cast<unsigned char>(s[i - 1]) < 0x80) return alnum(s[i - 1]);
  std::size_t k = i - 1;
  while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
  std::size_t j = k;
  char32_t c = next_codepoint(s, j);
  bool punct_or_space = (c >= 0x80 && c <= 0xBF) || c == 0xD7 || c == 0xF7 ||
                        (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F) || c == 0xFEFF;
  return !punct_or_space;
}

}  // namespace

std::string normalize_date(std::string_view text) { return normalize_date(text, SlashOrder::kMonthFirst); }

SlashOrder slash_order_for_language(std::string_view lang) {
  std::string l = ascii_lower(lang.substr(0, 8));
  for (char& c : l)
    if (c == '_') c = '-';
  if (l.empty() || l == "en" || l.rfind("en-us", 0) == 0 || l.rfind("en-ca", 0) == 0 ||
      l.rfind("en-ph", 0) == 0)
    return SlashOrder::kMonthFirst;
  return SlashOrder::kDayFirst;
}

std::string normalize_date(std::string_view text, SlashOrder order) {
  // Bound the work: dates sit near the start of whatever string a caller hands in.
  std::string s = to_lower_simple(text.substr(0, 4096));
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (word_char_before(s, i)) continue;  // patterns start at a word boundary
    std::size_t j = i;
    DateTime d;
    bool found = false;
    if (digit(s[i])) {
      found = (j = i, d = {}, try_iso(s, j, d)) && valid_date(d);
      if (!found) found = (j = i, d = {}, try_numeric_dmy(s, j, d, order)) && valid_date(d);
      if (!found) found = (j = i, d = {}, try_day_monthname(s, j, d)) && valid_date(d);
    } else if (alpha(s[i])) {
      found = (j = i, d = {}, try_monthname_day(s, j, d)) && valid_date(d);
    }
    if (!found) continue;
    read_time(s, j, d);
    return format_iso(d);
  }
  return "";
}

}  // namespace pk::parts
