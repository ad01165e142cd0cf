#include "dates.h"

#include <array>
#include "pressekarte/text.h"
#include <cctype>
#include <cstdio>
#include <vector>

#include <fmt/format.h>

namespace pk::ingest {

namespace {

struct Fields {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  bool has_time = false;
  std::optional<int> offset_minutes;  // nullopt = no zone given
};

int days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

bool valid(const Fields& f) {
  return f.year >= 1000 && f.year <= 9999 && f.month >= 1 && f.month <= 12 && f.day >= 1 && f.day <= 31 &&
         f.hour >= 0 && f.hour <= 24 && f.minute >= 0 && f.minute <= 59 && f.second >= 0 && f.second <= 60;
}

std::string format_iso(const Fields& f) {
  if (!f.has_time) return fmt::format("{:04}-{:02}-{:02}", f.year, f.month, f.day);
  std::string s = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", f.year, f.month, f.day, f.hour, f.minute, f.second);
  if (f.offset_minutes) {
    int o = *f.offset_minutes;
    if (o == 0) return s + "Z";
    char sign = o < 0 ? '-' : '+';
    o = o < 0 ? -o : o;
    s += fmt::format("{}{:02}:{:02}", sign, o / 60, o % 60);
  }
  return s;
}


int month_from_name(std::string_view name) {
  static const std::array<const char*, 12> en = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string l = ascii_lower(name.substr(0, 3));
  for (int i = 0; i < 12; ++i)
    if (l == en[static_cast<std::size_t>(i)]) return i + 1;
  if (l == "mär" || l == "mrz") return 3;
  if (l == "mai") return 5;
  if (l == "okt") return 10;
  if (l == "dez") return 12;
  return 0;
}

std::optional<int> zone_offset(std::string_view z) {
  if (z.empty()) return std::nullopt;
  if (z[0] == '+' || z[0] == '-') {
    std::string digits;
    for (char c : z.substr(1))
      if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
    if (digits.size() == 2) digits += "00";
    if (digits.size() != 4) return std::nullopt;
    int v = std::stoi(digits.substr(0, 2)) * 60 + std::stoi(digits.substr(2));
    return z[0] == '-' ? -v : v;
  }
  static const std::vector<std::pair<const char*, int>> names = {
      {"z", 0},        {"gmt", 0},      {"ut", 0},       {"utc", 0},     {"est", -300}, {"edt", -240},
      {"cst", -360},   {"cdt", -300},   {"mst", -420},   {"mdt", -360},  {"pst", -480}, {"pdt", -420},
      {"cet", 60},     {"cest", 120},   {"mez", 60},     {"mesz", 120},  {"bst", 60},   {"eet", 120},
      {"eest", 180},   {"jst", 540},    {"a", -60},      {"m", -720},    {"n", 60},     {"y", 720}};
  std::string l = ascii_lower(z);
  for (auto& [n, off] : names)
    if (l == n) return off;
  return std::nullopt;
}

// Splits on spaces and commas.
std::vector<std::string_view> tokens(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != ',' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

bool parse_hms(std::string_view t, Fields& f) {
  int h = 0, m = 0, sec = 0;
  int n = std::sscanf(std::string(t).c_str(), "%d:%d:%d", &h, &m, &sec);
  if (n < 2) return false;
  f.hour = h;
  f.minute = m;
  f.second = n == 3 ? sec : 0;
  f.has_time = true;
  return true;
}

// RFC 822 and friends: "[Day,] DD Mon YYYY HH:MM[:SS] [zone]", also "Mon DD YYYY" orders.
std::optional<Fields> parse_rfc822(std::string_view s) {
  auto tok = tokens(s);
  Fields f;
  std::size_t i = 0;
  if (i < tok.size() && !all_digits(tok[i]) && month_from_name(tok[i]) == 0) ++i;  // weekday
  if (i + 3 > tok.size()) return std::nullopt;
  if (all_digits(tok[i]) && month_from_name(tok[i + 1])) {
    f.day = std::stoi(std::string(tok[i]));
    f.month = month_from_name(tok[i + 1]);
  } else if (month_from_name(tok[i]) && all_digits(tok[i + 1])) {
    f.month = month_from_name(tok[i]);
    f.day = std::stoi(std::string(tok[i + 1]));
  } else {
    return std::nullopt;
  }
  if (!all_digits(tok[i + 2]) || tok[i + 2].size() > 4) return std::nullopt;
  f.year = std::stoi(std::string(tok[i + 2]));
  if (tok[i + 2].size() == 2) f.year += f.year < 50 ? 2000 : 1900;
  i += 3;
  if (i < tok.size() && tok[i].find(':') != std::string_view::npos) {
    if (!parse_hms(tok[i], f)) return std::nullopt;
    ++i;
    if (i < tok.size()) f.offset_minutes = zone_offset(tok[i]);
    // No zone in a dated header: RFC 822 readers conventionally assume GMT.
    if (!f.offset_minutes) f.offset_minutes = 0;
  }
  return f;
}

// ISO 8601 / RFC 3339 / W3C-DTF: "YYYY[-MM[-DD]][Thh:mm[:ss[.frac]]][Z|±hh[:mm]]", also "YYYYMMDD".
std::optional<Fields> parse_iso(std::string_view s) {
  Fields f;
  std::size_t i = 0;
  auto num = [&](std::size_t n, int& out) {
    if (i + n > s.size()) return false;
    for (std::size_t k = 0; k < n; ++k)
      if (!std::isdigit(static_cast<unsigned char>(s[i + k]))) return false;
    out = std::stoi(std::string(s.substr(i, n)));
    i += n;
    return true;
  };
  if (!num(4, f.year)) return std::nullopt;
  f.month = 1;
  f.day = 1;
  bool compact = i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]));
  if (i < s.size() && (s[i] == '-' || compact)) {
    if (!compact) ++i;
    if (!num(2, f.month)) return std::nullopt;
    if (i < s.size() && (s[i] == '-' || compact)) {
      if (!compact) ++i;
      if (!num(2, f.day)) return std::nullopt;
    }
  }
  if (i < s.size() && (s[i] == 'T' || s[i] == 't' || s[i] == ' ')) {
    ++i;
    if (!num(2, f.hour)) return std::nullopt;
    if (i < s.size() && s[i] == ':') ++i;
    if (!num(2, f.minute)) return std::nullopt;
    if (i < s.size() && s[i] == ':') ++i;
    if (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) && !num(2, f.second)) return std::nullopt;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
      ++i;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    }
    f.has_time = true;
    while (i < s.size() && s[i] == ' ') ++i;
    if (i < s.size()) {
      f.offset_minutes = zone_offset(s.substr(i));
      if (!f.offset_minutes) return std::nullopt;
      i = s.size();
    }
  }
  if (i != s.size()) return std::nullopt;
  return f;
}


}  // namespace

std::optional<std::string> to_iso8601(std::string_view text) {
  text = trim_ascii(text);
  if (text.empty() || text.size() > 80) return std::nullopt;
  std::optional<Fields> f = parse_iso(text);
  if (!f) f = parse_rfc822(text);
  if (!f || !valid(*f)) return std::nullopt;
  return format_iso(*f);
}

std::optional<std::int64_t> iso_to_epoch(std::string_view iso) {
  auto f = parse_iso(trim_ascii(iso));
  if (!f || !valid(*f)) return std::nullopt;
  std::int64_t days = days_from_civil(f->year, static_cast<unsigned>(f->month), static_cast<unsigned>(f->day));
  std::int64_t secs = days * 86400 + f->hour * 3600 + f->minute * 60 + f->second;
  return secs - static_cast<std::int64_t>(f->offset_minutes.value_or(0)) * 60;
}

}  // namespace pk::ingest
