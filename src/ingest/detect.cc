// Format detection by content. The file name never decides: a feed saved as .html, a WARC without
// an extension and a gzip of anything are all recognised from their first bytes.
#include <cctype>
#include <string>
#include <string_view>

#include "byte_stream.h"
#include "encoding.h"
#include "pressekarte/ingest.h"

namespace pk {

namespace {

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view skip_space(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  return s;
}

// Skips the XML declaration, comments, processing instructions and a DOCTYPE (remembering whether
// it said html); returns the text at the first element.
std::string_view skip_prolog(std::string_view s, bool& doctype_html) {
  for (;;) {
    s = skip_space(s);
    if (s.substr(0, 4) == "<!--") {
      std::size_t e = s.find("-->");
      if (e == std::string_view::npos) return {};
      s.remove_prefix(e + 3);
    } else if (s.substr(0, 2) == "<?") {
      std::size_t e = s.find("?>");
      if (e == std::string_view::npos) return {};
      s.remove_prefix(e + 2);
    } else if (starts_with_ci(s, "<!DOCTYPE")) {
      if (starts_with_ci(skip_space(s.substr(9)), "html")) doctype_html = true;
      // An internal subset may contain '>' inside brackets.
      std::size_t br = s.find('[');
      std::size_t gt = s.find('>');
      if (br != std::string_view::npos && br < gt) gt = s.find("]>", br) == std::string_view::npos
                                                           ? gt : s.find("]>", br) + 1;
      if (gt == std::string_view::npos) return {};
      s.remove_prefix(gt + 1);
    } else {
      return s;
    }
  }
}

// True for a first line " date YYYY-MM-DD" followed by a space or the end of the line.
bool is_crawl_header(std::string_view line) {
  if (line.size() < 16 || line.substr(0, 6) != " date ") return false;
  std::string_view d = line.substr(6, 10);
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!is_digit(d[i])) return false;
  if (d[4] != '-' || d[7] != '-') return false;
  return line.size() == 16 || line[16] == ' ' || line[16] == '\r' || line[16] == '\n';
}

bool looks_binary(std::string_view s) {
  std::size_t control = 0;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b) ++control;
  }
  return control * 10 > s.size();  // >10 % control characters is not text
}

}  // namespace

namespace ingest {
bool is_crawl_header_line(std::string_view line) { return is_crawl_header(line); }
}  // namespace ingest

std::string detect_format(std::string_view head) {
  if (head.empty()) return "";
  if (ingest::has_gzip_magic(head) || ingest::has_zstd_magic(head)) {
    std::string inner = ingest::decompress_prefix(head, 64 * 1024);
    if (inner.empty()) return "";
    return detect_format(inner);
  }
  std::string converted;
  std::string bom = ingest::bom_encoding(head);
  if (bom == "utf-8") {
    head.remove_prefix(3);
  } else if (!bom.empty()) {
    auto u = ingest::to_utf8(head.substr(2, head.size() & ~std::size_t{1}), bom);
    if (!u) return "";
    converted = std::move(u.value());
    head = converted;
  }
  if (is_crawl_header(head.substr(0, head.find('\n')))) return "crawl-text";
  std::string_view s = skip_space(head);
  if (s.empty()) return "";
  // Containers first: their records may hold binary payloads (gzip-encoded responses, images).
  if (s.substr(0, 6) == "WARC/1" || s.substr(0, 6) == "WARC/0" || s.substr(0, 11) == "filedesc://") return "warc";
  if (looks_binary(head.substr(0, 8192))) return "";
  if (s.front() == '{') {
    std::string_view first = s.substr(0, s.find('\n'));
    while (!first.empty() && std::isspace(static_cast<unsigned char>(first.back()))) first.remove_suffix(1);
    // A complete first line that is an object, or a first line longer than the head.
    if (first.back() == '}' || first.size() == s.size()) return "jsonl";
  }
  if (s.front() == '<') {
    bool doctype_html = false;
    std::string_view el = skip_prolog(s, doctype_html);
    if (doctype_html) return "html";
    if (!el.empty() && el.front() == '<') {
      std::size_t end = el.find_first_of(" \t\r\n/>");
      std::string name(el.substr(1, end == std::string_view::npos ? std::string_view::npos : end - 1));
      std::size_t colon = name.find(':');
      std::string local = colon == std::string::npos ? name : name.substr(colon + 1);
      for (auto& c : local) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (local == "rss" || local == "feed" || local == "rdf") return "rss";
      if (local == "html" || local == "head" || local == "body") return "html";
    }
    if (ingest::looks_like_html(s.substr(0, 4096))) return "html";
  }
  return "text";
}

}  // namespace pk
