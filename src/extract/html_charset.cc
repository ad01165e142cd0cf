#include "html_charset.h"

#include <iconv.h>
#include <uchardet/uchardet.h>

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "pressekarte/text.h"

namespace pk::html {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return r;
}

std::string clean_label(std::string_view s) {
  std::size_t b = 0;
  while (b < s.size() && (s[b] == ' ' || s[b] == '"' || s[b] == '\'' || s[b] == '\t')) ++b;
  std::size_t e = b;
  while (e < s.size() && (std::isalnum(static_cast<unsigned char>(s[e])) || s[e] == '-' ||
                          s[e] == '_' || s[e] == ':' || s[e] == '.'))
    ++e;
  return lower_ascii(s.substr(b, e - b));
}

// Maps web labels to names glibc iconv knows and applies the HTML standard's aliases.
std::string canonical_charset(std::string label) {
  if (label.empty()) return label;
  if (label == "utf8" || label == "unicode-1-1-utf-8" || label == "x-unicode20utf8") return "utf-8";
  if (label == "iso-8859-1" || label == "iso8859-1" || label == "latin1" || label == "latin-1" ||
      label == "l1" || label == "us-ascii" || label == "ascii" || label == "cp1252" ||
      label == "x-cp1252" || label == "iso_8859-1" || label == "windows1252")
    return "windows-1252";
  if (label == "iso-8859-9" || label == "latin5") return "windows-1254";
  if (label == "gb2312" || label == "gbk" || label == "x-gbk") return "gb18030";
  if (label == "shift-jis" || label == "sjis" || label == "x-sjis") return "shift_jis";
  if (label == "ks_c_5601-1987" || label == "euc-kr") return "cp949";
  if (label == "utf-16") return "utf-16le";
  return label;
}

// iconv conversion replacing undecodable bytes with U+FFFD. Empty optional-like result (false)
// if the charset is unknown to iconv.
bool convert_with_iconv(std::string_view in, const std::string& charset, std::string* out) {
  if (charset == "windows-1252") {  // the common case, without iconv's setup cost
    *out = latin1_to_utf8(in);
    return true;
  }
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out->clear();
  out->reserve(in.size() + in.size() / 4);
  char buf[16384];
  char* src = const_cast<char*>(in.data());
  std::size_t src_left = in.size();
  while (src_left > 0) {
    char* dst = buf;
    std::size_t dst_left = sizeof buf;
    std::size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
    out->append(buf, static_cast<std::size_t>(dst - buf));
    if (r == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) continue;
      // EILSEQ or EINVAL (truncated sequence at the end): replace one byte and go on.
      out->append("\xEF\xBF\xBD");
      ++src;
      --src_left;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
  }
  iconv_close(cd);
  return true;
}

bool has_non_ascii(std::string_view s) {
  // A word at a time: English pages are often pure ASCII and get walked to the end.
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, sizeof w);
    if (w & 0x8080808080808080ULL) return true;
  }
  for (; i < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) >= 0x80) return true;
  return false;
}

// Counts well-formed multi-byte UTF-8 sequences and bytes that fit no sequence.
void utf8_evidence(std::string_view s, std::size_t* good, std::size_t* bad) {
  *good = *bad = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t start = i;
    char32_t cp = next_codepoint(s, i);
    if (cp == 0xFFFD && !(i - start == 3 && s.compare(start, 3, "\xEF\xBF\xBD") == 0)) {
      ++*bad;
    } else {
      ++*good;
    }
  }
}

std::string detect_with_uchardet(std::string_view bytes) {
  uchardet_t ud = uchardet_new();
  if (!ud) return {};
  std::string_view sample = bytes.substr(0, 256 * 1024);
  std::string result;
  if (uchardet_handle_data(ud, sample.data(), sample.size()) == 0) {
    uchardet_data_end(ud);
    const char* cs = uchardet_get_charset(ud);
    if (cs) result = lower_ascii(cs);
  }
  uchardet_delete(ud);
  return result;
}

}  // namespace

std::string charset_from_content_type(std::string_view ct) {
  std::string l = lower_ascii(ct);
  std::size_t p = l.find("charset");
  if (p == std::string::npos) return {};
  p += 7;
  while (p < l.size() && (l[p] == ' ' || l[p] == '=')) ++p;
  return clean_label(std::string_view(l).substr(p));
}

std::string charset_from_meta(std::string_view html, std::size_t limit) {
  std::string head = lower_ascii(html.substr(0, limit));
  std::size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    std::size_t end = head.find('>', pos);
    if (end == std::string::npos) break;
    std::string_view tag(head.data() + pos, end - pos);
    pos = end;
    std::size_t c = tag.find("charset");
    if (c == std::string_view::npos) continue;
    c += 7;
    while (c < tag.size() && (tag[c] == ' ' || tag[c] == '=')) ++c;
    std::string label = clean_label(tag.substr(c));
    if (!label.empty()) return label;
  }
  return {};
}

DecodedHtml decode_html_bytes(std::string_view bytes, std::string_view content_type) {
  DecodedHtml d;
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    d.utf8 = sanitize_utf8(bytes.substr(3));
    d.charset = "utf-8";
    d.how = "bom";
    return d;
  }
  if (bytes.size() >= 2 && (bytes.compare(0, 2, "\xFF\xFE") == 0 || bytes.compare(0, 2, "\xFE\xFF") == 0)) {
    std::string cs = bytes[0] == '\xFF' ? "utf-16le" : "utf-16be";
    if (convert_with_iconv(bytes.substr(2), cs, &d.utf8)) {
      d.utf8 = sanitize_utf8(d.utf8);
      d.charset = cs;
      d.how = "bom";
      return d;
    }
  }
  std::string declared = canonical_charset(charset_from_content_type(content_type));
  std::string how = "http";
  if (declared.empty()) {
    declared = canonical_charset(charset_from_meta(bytes));
    how = "meta";
  }
  // A page that is valid UTF-8 is read as UTF-8 whatever it claims, except for labels of
  // encodings that are not ASCII-compatible (then the bytes could not be valid UTF-8 text).
  if (is_valid_utf8(bytes) && declared.rfind("utf-16", 0) != 0) {
    d.utf8.assign(bytes.data(), bytes.size());
    // Drop NULs, which valid UTF-8 may contain but our text never should.
    if (d.utf8.find('\0') != std::string::npos) d.utf8 = sanitize_utf8(d.utf8);
    d.charset = "utf-8";
    d.how = has_non_ascii(bytes) ? "utf-8-valid" : (declared.empty() ? "fallback" : how);
    return d;
  }
  if (!declared.empty() && declared != "utf-8") {
    if (convert_with_iconv(bytes, declared, &d.utf8)) {
      d.utf8 = sanitize_utf8(d.utf8);
      d.charset = declared;
      d.how = how;
      return d;
    }
  }
  // Mostly UTF-8 with a few stray bytes (a broken ad snippet, a truncated page): keep UTF-8.
  std::size_t good = 0, bad = 0;
  utf8_evidence(bytes, &good, &bad);
  if (good > bad && (declared.empty() || declared == "utf-8")) {
    d.utf8 = sanitize_utf8(bytes);
    d.charset = "utf-8";
    d.how = declared.empty() ? "detected" : how;
    return d;
  }
  std::string detected = canonical_charset(detect_with_uchardet(bytes));
  if (!detected.empty() && detected != "utf-8" && detected != "ascii" &&
      convert_with_iconv(bytes, detected, &d.utf8)) {
    d.utf8 = sanitize_utf8(d.utf8);
    d.charset = detected;
    d.how = "detected";
    return d;
  }
  if (declared == "utf-8" || detected == "utf-8") {
    // Mostly UTF-8 with a few stray bytes: keep the UTF-8 and replace the bad bytes.
    d.utf8 = sanitize_utf8(bytes);
    d.charset = "utf-8";
    d.how = declared == "utf-8" ? how : "detected";
    return d;
  }
  d.utf8 = latin1_to_utf8(bytes);
  d.charset = "windows-1252";
  d.how = "fallback";
  return d;
}

}  // namespace pk::html
