#include "encoding.h"

#include <iconv.h>

#include <cctype>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "pressekarte/text.h"

namespace pk::ingest {

Result<std::string> to_utf8(std::string_view bytes, std::string_view charset) {
  std::string cs = ascii_lower(trim_ascii(charset));
  if (cs.empty() || cs == "utf-8" || cs == "utf8" || cs == "us-ascii" || cs == "ascii")
    return sanitize_utf8(bytes);
  // Latin-1 labels are Windows-1252 in practice (WHATWG encoding standard).
  if (cs == "iso-8859-1" || cs == "latin1" || cs == "latin-1" || cs == "windows-1252" || cs == "cp1252" ||
      cs == "iso8859-1" || cs == "l1")
    return latin1_to_utf8(bytes);
  iconv_t cd = iconv_open("UTF-8", cs.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return Status::unsupported(fmt::format("unknown charset '{}'", cs));
  std::string out;
  out.reserve(bytes.size() * 2);
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char buf[16384];
  while (in_left > 0) {
    char* o = buf;
    std::size_t o_left = sizeof buf;
    std::size_t rc = iconv(cd, &in, &in_left, &o, &o_left);
    out.append(buf, sizeof buf - o_left);
    if (rc == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) continue;
      // Invalid or incomplete sequence: mark it and go on with the next byte.
      out += "\xEF\xBF\xBD";
      ++in;
      --in_left;
    }
  }
  iconv_close(cd);
  return sanitize_utf8(out);
}

std::string charset_of(std::string_view ct) {
  std::string l = ascii_lower(ct);
  std::size_t p = l.find("charset=");
  if (p == std::string::npos) return "";
  std::string_view v = std::string_view(l).substr(p + 8);
  std::size_t end = v.find(';');
  v = trim_ascii(v.substr(0, end));
  if (!v.empty() && (v.front() == '"' || v.front() == '\'')) v.remove_prefix(1);
  if (!v.empty() && (v.back() == '"' || v.back() == '\'')) v.remove_suffix(1);
  return std::string(v);
}

std::string media_type_of(std::string_view ct) {
  std::size_t semi = ct.find(';');
  return ascii_lower(trim_ascii(ct.substr(0, semi)));
}

std::string xml_declared_encoding(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  head = head.substr(0, 512);
  std::size_t start = head.find("<?xml");
  if (start == std::string_view::npos) return "";
  std::size_t end = head.find("?>", start);
  std::string_view decl = head.substr(start, end == std::string_view::npos ? head.size() - start : end - start);
  std::size_t p = decl.find("encoding");
  if (p == std::string_view::npos) return "";
  p = decl.find_first_of("\"'", p);
  if (p == std::string_view::npos) return "";
  std::size_t q = decl.find(decl[p], p + 1);
  if (q == std::string_view::npos) return "";
  return ascii_lower(trim_ascii(decl.substr(p + 1, q - p - 1)));
}

std::string bom_encoding(std::string_view h) {
  if (h.substr(0, 3) == "\xEF\xBB\xBF") return "utf-8";
  if (h.substr(0, 2) == "\xFF\xFE") return "utf-16le";
  if (h.substr(0, 2) == "\xFE\xFF") return "utf-16be";
  return "";
}

bool looks_like_html(std::string_view s) {
  for (std::size_t i = s.find('<'); i != std::string_view::npos && i + 1 < s.size(); i = s.find('<', i + 1)) {
    char c = s[i + 1];
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '/' || c == '!') {
      std::size_t gt = s.find('>', i);
      if (gt != std::string_view::npos && gt - i < 2000) return true;
    }
  }
  for (const char* ent : {"&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&#"})
    if (s.find(ent) != std::string_view::npos) return true;
  return false;
}

std::string html_to_plain(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '<') {
      std::size_t gt = s.find('>', i);
      if (gt == std::string_view::npos) break;
      out += ' ';
      i = gt;
    } else if (c == '&') {
      std::size_t semi = s.find(';', i);
      if (semi == std::string_view::npos || semi - i > 10) {
        out += c;
        continue;
      }
      std::string_view ent = s.substr(i + 1, semi - i - 1);
      char32_t cp = 0;
      if (ent == "amp") cp = '&';
      else if (ent == "lt") cp = '<';
      else if (ent == "gt") cp = '>';
      else if (ent == "quot") cp = '"';
      else if (ent == "apos") cp = '\'';
      else if (ent == "nbsp") cp = 0xA0;
      else if (!ent.empty() && ent[0] == '#') {
        bool hex = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X');
        std::string digits(ent.substr(hex ? 2 : 1));
        char* end = nullptr;
        unsigned long v = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
        if (!digits.empty() && end && *end == 0 && v > 0 && v < 0x110000) cp = static_cast<char32_t>(v);
      }
      if (cp == 0) {
        out += c;
        continue;
      }
      append_utf8(out, cp);
      i = semi;
    } else {
      out += c;
    }
  }
  return collapse_whitespace(out);
}

}  // namespace pk::ingest
