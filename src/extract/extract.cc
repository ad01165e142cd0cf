// The extract dispatcher: decode bytes, pick the reader by format, then fill what the reader
// left empty from the container's hints, detect the language and hash the content.
#include "pressekarte/extract.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "article_parts.h"
#include "crawl_text.h"
#include "html_extract.h"
#include "input_decode.h"
#include "language.h"
#include "pressekarte/model_json.h"
#include "pressekarte/text.h"

namespace pk {

namespace {

std::string host_of(std::string_view url) {
  std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (auto at = rest.find('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
  rest = rest.substr(0, rest.find(':'));
  if (rest.rfind("www.", 0) == 0) rest.remove_prefix(4);
  return to_lower_simple(rest);
}

void fill(std::string& field, const std::string& value) {
  if (field.empty()) field = value;
}

std::string join_paragraphs(const std::vector<std::string>& paragraphs) {
  std::string text;
  for (const auto& p : paragraphs) {
    if (!text.empty()) text += "\n\n";
    text += p;
  }
  return text;
}

// Hints fill only what the document itself did not say.
void finish_article(Article& a, const RawDocument& doc, const std::string& format,
                    const ExtractOptions& options) {
  fill(a.url, doc.url);
  fill(a.title, parts::trim(doc.title_hint));
  fill(a.author, parts::trim(doc.author_hint));
  fill(a.lead, parts::trim(doc.lead_hint));
  fill(a.site_title, parts::trim(doc.outlet_hint));
  if (!a.date.empty()) {
    std::string iso = parts::normalize_date(a.date);
    if (!iso.empty()) a.date = iso;
  }
  if (a.date.empty() && !doc.date_hint.empty()) a.date = parts::normalize_date(doc.date_hint);
  if (!a.updated.empty()) a.updated = parts::normalize_date(a.updated);
  fill(a.outlet, host_of(a.canonical_url.empty() ? a.url : a.canonical_url));
  fill(a.outlet, a.site_title);
  if (!a.lat_hint && !a.lon_hint) {
    a.lat_hint = doc.lat_hint;
    a.lon_hint = doc.lon_hint;
  }
  if (a.text.empty() && !a.paragraphs.empty()) a.text = join_paragraphs(a.paragraphs);
  if (a.language.empty()) {
    // A few KB are plenty for CLD2 and keep long pages cheap; cut on a code-point boundary.
    std::size_t cut = std::min<std::size_t>(a.text.size(), 4096);
    while (cut < a.text.size() && (static_cast<unsigned char>(a.text[cut]) & 0xC0) == 0x80) ++cut;
    std::string sample = a.title + "\n" + a.lead + "\n" + a.text.substr(0, cut);
    a.language = detect_language(sample, options.language_hint);
  }
  a.source_format = format;
  a.source = doc.source;
  if (a.content_hash.empty()) compute_content_hash(a);
}

Result<Article> read_article_json(const std::string& utf8, const RawDocument& doc) {
  nlohmann::json j = nlohmann::json::parse(utf8, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object())
    return Status::invalid(doc.source + ": format \"article\" needs one JSON object");
  Article a;
  try {
    a = article_from_json(j);
  } catch (const std::exception& e) {
    return Status::invalid(doc.source + ": bad article JSON: " + e.what());
  }
  // A structured article may carry only `text`: split it into paragraphs, or the reverse.
  if (a.paragraphs.empty() && !a.text.empty()) {
    std::size_t i = 0;
    while (i < a.text.size()) {
      std::size_t e = a.text.find("\n\n", i);
      if (e == std::string::npos) e = a.text.size();
      std::string p = parts::trim(std::string_view(a.text).substr(i, e - i));
      if (!p.empty()) a.paragraphs.push_back(std::move(p));
      i = e + 2;
    }
  }
  return a;
}

Article read_verbatim_text(const std::string& utf8) {
  Article a;
  a.text = utf8;
  std::size_t i = 0;
  while (i < utf8.size()) {
    std::size_t e = utf8.find("\n\n", i);
    if (e == std::string::npos) e = utf8.size();
    std::string p = parts::trim(std::string_view(utf8).substr(i, e - i));
    if (!p.empty()) a.paragraphs.push_back(std::move(p));
    i = e + 2;
  }
  return a;
}

// Format "" / "auto": a small content sniffer (ingest::detect_format handles containers).
std::string sniff_format(std::string_view body) {
  std::string_view head = body.substr(0, 2048);
  if (head.rfind("\xEF\xBB\xBF", 0) == 0) head.remove_prefix(3);
  std::size_t i = head.find_first_not_of(" \t\r\n");
  if (i == std::string_view::npos) return "text";
  std::string_view start = head.substr(i);
  std::size_t line_start = head.find_first_not_of("\r\n");
  std::string_view first_line = head.substr(line_start);
  first_line = first_line.substr(0, first_line.find('\n'));
  if (first_line.find_first_not_of(' ') != std::string_view::npos &&
      first_line.substr(first_line.find_first_not_of(' ')).rfind("date ", 0) == 0 &&
      !parts::normalize_date(first_line.substr(0, 20)).empty())
    return "crawl-text";
  if (start.front() == '{') return "article";
  std::string lower = to_lower_simple(start.substr(0, 1024));
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<meta", "<div", "<p>",
                               "<p ", "<article", "<title", "<!--"})
    if (lower.find(tag) != std::string::npos) return "html";
  return "text";
}

}  // namespace

Result<Article> extract_article(const RawDocument& doc, const ExtractOptions& options) {
  std::string format = doc.format;
  if (format.empty() || format == "auto") format = sniff_format(doc.body);
  if (format == "html") {
    Result<Article> r = extract_html(doc, options);
    if (!r.is_ok()) return r;
    Article a = std::move(r).value();
    finish_article(a, doc, format, options);
    return a;
  }
  if (format != "crawl-text" && format != "text" && format != "article")
    return Status::unsupported(doc.source + ": unknown document format \"" + format +
                               "\" (expected crawl-text, html, text or article)");
  Result<std::string> decoded = decode_to_utf8(doc.body, doc.content_type, doc.source);
  if (!decoded.is_ok()) return decoded.status();
  Article a;
  if (format == "crawl-text") {
    a = read_crawl_text(decoded.value(), options);
  } else if (format == "text") {
    a = options.verbatim_text ? read_verbatim_text(decoded.value()) : read_plain_text(decoded.value());
  } else {
    Result<Article> r = read_article_json(decoded.value(), doc);
    if (!r.is_ok()) return r.status();
    a = std::move(r).value();
  }
  finish_article(a, doc, format, options);
  return a;
}

void compute_content_hash(Article& article) {
  // Normalise so that reprints differing only in typography, case or spacing hash alike:
  // fold to ASCII lower case, keep letters and digits, one space between words.
  std::string norm;
  auto add = [&](std::string_view s) {
    std::string folded = fold_for_match(s);
    bool space = !norm.empty();
    for (std::size_t i = 0; i < folded.size();) {
      char32_t c = next_codepoint(folded, i);
      // Letters and digits count; punctuation, quotes, dashes and spaces of any script do not.
      bool punct = c < 0x80 ? !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                            : (c <= 0xBF || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x206F) ||
                               (c >= 0x3000 && c <= 0x303F) || c == 0xFFFD || c == 0xFEFF);
      if (punct) {
        space = !norm.empty();
        continue;
      }
      if (space) norm += ' ';
      space = false;
      append_utf8(norm, c);
    }
  };
  add(article.title);
  norm += '|';
  add(article.text.empty() ? article.lead : article.text);
  // Two independent 64-bit FNV-1a streams (different offset bases) → 128 bits of hex.
  std::uint64_t h1 = 0xcbf29ce484222325ULL, h2 = 0x84222325cbf29ce4ULL;
  for (unsigned char c : norm) {
    h1 = (h1 ^ c) * 0x100000001b3ULL;
    h2 = (h2 ^ c) * 0x100000001b3ULL;
    h2 ^= h2 >> 29;
  }
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h1),
                static_cast<unsigned long long>(h2));
  article.content_hash = buf;
}

}  // namespace pk
