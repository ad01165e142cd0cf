#include "input_decode.h"

#include <iconv.h>
#include <uchardet/uchardet.h>

#include <cerrno>
#include <string>

#include "pressekarte/text.h"

namespace pk {

namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_utf8_name(const std::string& cs) { return cs == "utf-8" || cs == "utf8"; }
bool is_latin1_name(const std::string& cs) {
  return cs == "iso-8859-1" || cs == "latin1" || cs == "latin-1" || cs == "windows-1252" ||
         cs == "cp1252" || cs == "us-ascii" || cs == "ascii" || cs == "iso-8859-15";
}

// Binary data: many NULs or control characters that no text format uses.
bool looks_binary(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 64 * 1024);
  std::size_t bad = 0;
  for (unsigned char c : head)
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++bad;
  return bad * 100 > head.size();
}

// Any byte that is not ASCII white space (a document of only NBSPs is rare enough to accept).
bool has_visible_text(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return true;
  return false;
}

std::string guess_charset(std::string_view bytes) {
  uchardet_t ud = uchardet_new();
  if (!ud) return "";
  std::string_view head = bytes.substr(0, 256 * 1024);
  uchardet_handle_data(ud, head.data(), head.size());
  uchardet_data_end(ud);
  std::string cs = lower_ascii(uchardet_get_charset(ud));
  uchardet_delete(ud);
  return cs;
}

}  // namespace

std::string charset_from_content_type(std::string_view content_type) {
  std::string ct = lower_ascii(content_type);
  auto pos = ct.find("charset=");
  if (pos == std::string::npos) return "";
  std::size_t i = pos + 8;
  while (i < ct.size() && (ct[i] == '"' || ct[i] == '\'' || ct[i] == ' ')) ++i;
  std::size_t j = i;
  while (j < ct.size() && ct[j] != '"' && ct[j] != '\'' && ct[j] != ';' && ct[j] != ' ') ++j;
  return ct.substr(i, j - i);
}

bool convert_charset(std::string_view bytes, std::string_view charset, std::string& out) {
  std::string cs(charset);
  iconv_t cd = iconv_open("UTF-8", cs.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out.clear();
  out.reserve(bytes.size() + bytes.size() / 4);
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char buf[16 * 1024];
  bool ok = true;
  while (in_left > 0) {
    char* o = buf;
    std::size_t o_left = sizeof buf;
    std::size_t r = iconv(cd, &in, &in_left, &o, &o_left);
    out.append(buf, static_cast<std::size_t>(o - buf));
    if (r == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) continue;
      ok = false;  // EILSEQ / EINVAL: not this charset (or truncated)
      break;
    }
  }
  iconv_close(cd);
  return ok;
}

Result<std::string> decode_to_utf8(std::string_view bytes, std::string_view content_type,
                                   std::string_view source) {
  const std::string src = source.empty() ? std::string("<input>") : std::string(source);
  // UTF-16 with a BOM is text even though it is full of NULs.
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                            (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    std::string out;
    if (convert_charset(bytes, "UTF-16", out)) {
      if (out.rfind("\xEF\xBB\xBF", 0) == 0) out.erase(0, 3);
      if (!has_visible_text(out)) return Status::invalid(src + ": document has no text");
      return sanitize_utf8(out);
    }
  }
  if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.remove_prefix(3);
  if (bytes.empty()) return Status::invalid(src + ": document is empty");
  if (looks_binary(bytes)) return Status::invalid(src + ": binary data, not a text document");
  std::string out;
  if (is_valid_utf8(bytes)) {
    out.assign(bytes);
  } else {
    std::string cs = charset_from_content_type(content_type);
    if (cs.empty() || is_utf8_name(cs)) cs = guess_charset(bytes);
    if (cs.empty() || is_utf8_name(cs) || is_latin1_name(cs) || !convert_charset(bytes, cs, out)) {
      // Mostly-UTF-8 with a few broken bytes stays UTF-8; otherwise Windows-1252, the usual
      // legacy encoding of German pages.
      std::size_t broken = 0;
      std::string repaired = sanitize_utf8(bytes);
      for (std::size_t p = 0; (p = repaired.find("\xEF\xBF\xBD", p)) != std::string::npos; p += 3) ++broken;
      bool has_utf8_multibyte = false;
      for (std::size_t i = 0; i + 1 < bytes.size() && !has_utf8_multibyte; ++i)
        has_utf8_multibyte = (static_cast<unsigned char>(bytes[i]) & 0xE0) == 0xC0 &&
                             (static_cast<unsigned char>(bytes[i + 1]) & 0xC0) == 0x80;
      out = (has_utf8_multibyte && broken * 50 < bytes.size() && !is_latin1_name(cs))
                ? repaired
                : latin1_to_utf8(bytes);
    }
  }
  if (!is_valid_utf8(out)) out = sanitize_utf8(out);
  if (!has_visible_text(out)) return Status::invalid(src + ": document has no text");
  return out;
}

}  // namespace pk
