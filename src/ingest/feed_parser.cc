#include "feed_parser.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <optional>

#include <fmt/format.h>
#include <pugixml.hpp>
#include <uchardet/uchardet.h>

#include "dates.h"
#include "encoding.h"
#include "pressekarte/text.h"

namespace pk::ingest {

namespace {

constexpr int kMaxDepth = 200;  // serialisation depth cap: deeper markup is flattened to text

std::string_view local_name(const pugi::xml_node& n) {
  std::string_view name = n.name();
  std::size_t c = name.find(':');
  return c == std::string_view::npos ? name : name.substr(c + 1);
}
std::string_view prefix_of(const pugi::xml_node& n) {
  std::string_view name = n.name();
  std::size_t c = name.find(':');
  return c == std::string_view::npos ? std::string_view() : name.substr(0, c);
}
bool is(const pugi::xml_node& n, std::string_view local) {
  std::string_view l = local_name(n);
  if (l.size() != local.size()) return false;
  for (std::size_t i = 0; i < l.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(l[i])) != local[i]) return false;
  return true;
}

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

// Drops C0 control characters XML forbids and maps C1 controls (from "&#146;" and friends, which
// feeds mean as Windows-1252) to the characters intended.
std::string clean(std::string s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      out += latin1_to_utf8(std::string(1, s[i + 1]));
      ++i;
      continue;
    }
    out += s[i];
  }
  return out;
}

void escape_xml(std::string& out, std::string_view s, bool attr) {
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (attr && c == '"') out += "&quot;";
    else out += c;
  }
}

void serialize(const pugi::xml_node& n, std::string& out, int depth) {
  switch (n.type()) {
    case pugi::node_pcdata:
    case pugi::node_cdata:
      escape_xml(out, n.value(), false);
      return;
    case pugi::node_element: {
      if (depth > kMaxDepth) {
        out += n.text().get();  // flatten absurd nesting instead of recursing further
        return;
      }
      out += '<';
      out += n.name();
      for (auto a : n.attributes()) {
        out += ' ';
        out += a.name();
        out += "=\"";
        escape_xml(out, a.value(), true);
        out += '"';
      }
      if (!n.first_child()) {
        out += " />";
        return;
      }
      out += '>';
      for (auto c : n.children()) serialize(c, out, depth + 1);
      out += "</";
      out += n.name();
      out += '>';
      return;
    }
    default:
      return;
  }
}

std::string base64_decode(std::string_view in) {
  auto val = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
  };
  std::string out;
  int bits = 0, acc = 0;
  for (char c : in) {
    int v = val(c);
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

struct Text {
  std::string value;
  bool html = false;
};

std::string base_of(const pugi::xml_node& n, const std::string& doc_base);

bool url_attribute(std::string_view name) {
  static constexpr std::string_view kNames[] = {"href", "src", "cite", "poster", "longdesc", "background"};
  for (auto k : kNames)
    if (name.size() == k.size() && std::equal(k.begin(), k.end(), name.begin(), [](char a, char b) {
          return a == std::tolower(static_cast<unsigned char>(b));
        }))
      return true;
  return false;
}

// Makes the URL attributes (href, src, …) of the tags in an HTML fragment absolute against
// `base`: the xml:base and document URL that give them meaning are gone once the item leaves
// the feed. A small tag scanner, not a parser: text, comments and unknown attributes pass as is.
std::string resolve_html_urls(std::string_view html, const std::string& base) {
  std::string out;
  out.reserve(html.size() + 64);
  std::size_t i = 0;
  while (i < html.size()) {
    std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= html.size() ||
        !std::isalpha(static_cast<unsigned char>(html[lt + 1]))) {
      std::size_t stop = lt == std::string_view::npos ? html.size() : lt + 1;
      out.append(html.substr(i, stop - i));
      i = stop;
      continue;
    }
    out.append(html.substr(i, lt - i));
    std::size_t j = lt + 1;
    while (j < html.size() && !std::isspace(static_cast<unsigned char>(html[j])) && html[j] != '>' && html[j] != '/') ++j;
    out.append(html.substr(lt, j - lt));
    // Attributes up to the closing '>'.
    while (j < html.size() && html[j] != '>') {
      if (std::isspace(static_cast<unsigned char>(html[j])) || html[j] == '/') {
        out += html[j++];
        continue;
      }
      std::size_t name_start = j;
      while (j < html.size() && html[j] != '=' && html[j] != '>' && html[j] != '/' &&
             !std::isspace(static_cast<unsigned char>(html[j])))
        ++j;
      std::string_view name = html.substr(name_start, j - name_start);
      out.append(name);
      std::size_t k = j;
      while (k < html.size() && std::isspace(static_cast<unsigned char>(html[k]))) ++k;
      if (k >= html.size() || html[k] != '=') continue;
      ++k;
      while (k < html.size() && std::isspace(static_cast<unsigned char>(html[k]))) ++k;
      out.append(html.substr(j, k - j));
      if (k >= html.size()) { j = k; break; }
      std::string_view value;
      char quote = 0;
      if (html[k] == '"' || html[k] == '\'') {
        quote = html[k];
        std::size_t end = html.find(quote, k + 1);
        if (end == std::string_view::npos) end = html.size();
        value = html.substr(k + 1, end - k - 1);
        j = std::min(end + 1, html.size());
      } else {
        std::size_t end = k;
        while (end < html.size() && html[end] != '>' && !std::isspace(static_cast<unsigned char>(html[end]))) ++end;
        value = html.substr(k, end - k);
        j = end;
      }
      std::string v = url_attribute(name) ? resolve_url(base, value) : std::string(value);
      if (quote) out += quote;
      out += v;
      if (quote) out += quote;
    }
    if (j < html.size()) out += html[j++];
    i = j;
  }
  return out;
}

// The text of an element: plain text children as they are; element children (naked markup,
// Atom xhtml) serialised back to markup; Atom's type/mode attributes honoured.
Text text_of_unresolved(const pugi::xml_node& n);

// The text of `n`; when it holds HTML, its relative URLs are made absolute against the base in
// effect at `n` (xml:base, else the document URL).
Text text_of(const pugi::xml_node& n, const std::string& doc_base) {
  Text t = text_of_unresolved(n);
  if (!t.html || t.value.find('<') == std::string::npos) return t;
  std::string base = base_of(n, doc_base);
  if (!base.empty()) t.value = resolve_html_urls(t.value, base);
  return t;
}

Text text_of_unresolved(const pugi::xml_node& n) {
  Text t;
  if (!n) return t;
  std::string type = n.attribute("type").value();
  for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool has_elements = false;
  for (auto c : n.children())
    if (c.type() == pugi::node_element) has_elements = true;
  if (has_elements) {
    pugi::xml_node from = n;
    // Atom xhtml content wraps its markup in one <div>.
    if (type == "xhtml" || type == "application/xhtml+xml") {
      pugi::xml_node only;
      int elements = 0;
      for (auto c : n.children())
        if (c.type() == pugi::node_element) { only = c; ++elements; }
      if (elements == 1 && is(only, "div")) from = only;
    }
    for (auto c : from.children()) serialize(c, t.value, 1);
    t.value = clean(trim(t.value));
    t.html = true;
    return t;
  }
  for (auto c : n.children())
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) t.value += c.value();
  // Atom 0.3 mode="base64"; Atom 1.0: a non-text, non-XML MIME type is base64 (RFC 4287 §4.1.3.3).
  const bool binary_type = type.find('/') != std::string::npos && type.rfind("text/", 0) != 0 &&
                           type.find("xml") == std::string::npos;
  if (std::string_view(n.attribute("mode").value()) == "base64" || binary_type) t.value = base64_decode(t.value);
  t.value = clean(trim(t.value));
  if (type == "html" || type == "text/html" || type == "xhtml" || type == "application/xhtml+xml")
    t.html = looks_like_html(t.value) || type != "text";
  else if (type == "text" || type == "text/plain")
    t.html = false;
  else
    t.html = looks_like_html(t.value);
  return t;
}

std::string plain(const pugi::xml_node& n, const std::string& doc_base) { return text_of(n, doc_base).value; }

std::optional<double> parse_double(std::string_view s) {
  std::string str = trim(s);
  if (str.empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(str.c_str(), &end);
  if (end == str.c_str()) return std::nullopt;
  return v;
}

// "lat lon" (GeoRSS simple and GML).
void parse_point(std::string_view s, std::optional<double>& lat, std::optional<double>& lon) {
  std::string str = trim(s);
  for (auto& c : str)
    if (c == ',') c = ' ';
  char* end = nullptr;
  double a = std::strtod(str.c_str(), &end);
  if (end == str.c_str()) return;
  char* end2 = nullptr;
  double b = std::strtod(end, &end2);
  if (end2 == end) return;
  if (a < -90 || a > 90 || b < -180 || b > 180) return;
  lat = a;
  lon = b;
}

void read_geo(const pugi::xml_node& n, FeedItem& item, int depth = 0) {
  if (depth > 4) return;
  for (auto c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view p = prefix_of(c);
    if ((is(c, "point") && p == "georss") || is(c, "pos")) {
      parse_point(c.text().get(), item.lat, item.lon);
    } else if (is(c, "lat") || is(c, "latitude")) {
      item.lat = parse_double(c.text().get());
    } else if (is(c, "long") || is(c, "lon") || is(c, "longitude")) {
      item.lon = parse_double(c.text().get());
    } else if (is(c, "where") || (is(c, "point") && p != "georss") || is(c, "location")) {
      read_geo(c, item, depth + 1);
    }
  }
}

// Schemes whose "URLs" are code, not places: an xml:base using one is ignored.
bool unsafe_scheme(std::string_view url) {
  std::string head(url.substr(0, 11));
  for (auto& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return head.rfind("javascript:", 0) == 0 || head.rfind("vbscript:", 0) == 0 || head.rfind("data:", 0) == 0;
}

bool has_scheme(std::string_view url) {
  std::size_t colon = url.find(':');
  if (colon == 0 || colon == std::string_view::npos || url.find_first_of("/?#") < colon) return false;
  for (char c : url.substr(0, colon))
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  return std::isalpha(static_cast<unsigned char>(url[0])) != 0;
}

// The base URI in effect at `n` (XML Base): the document's, then every xml:base from the root
// down to `n` itself, each resolved against the one above it.
std::string base_of(const pugi::xml_node& n, const std::string& doc_base) {
  std::vector<std::string_view> chain;
  int depth = 0;
  for (pugi::xml_node x = n; x && x.type() == pugi::node_element && depth < kMaxDepth; x = x.parent(), ++depth)
    if (auto a = x.attribute("xml:base")) chain.emplace_back(a.value());
  std::string base = doc_base;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    std::string next = resolve_url(base, *it);
    if (!unsafe_scheme(next)) base = std::move(next);
  }
  return base;
}

// A link written in (or on) element `n`, made absolute where a base is known.
std::string absolute(const pugi::xml_node& n, std::string_view ref, const std::string& doc_base) {
  std::string r = trim(ref);
  if (r.empty()) return r;
  return resolve_url(base_of(n, doc_base), r);
}

std::string atom_link(const pugi::xml_node& parent, const std::string& doc_base) {
  std::string fallback;
  for (auto c : parent.children()) {
    if (c.type() != pugi::node_element || !is(c, "link")) continue;
    std::string href = trim(c.attribute("href").value());
    if (href.empty()) continue;
    std::string rel = c.attribute("rel").value();
    if (rel.empty() || rel == "alternate") return absolute(c, href, doc_base);
    if (fallback.empty() && rel != "self" && rel != "enclosure" && rel != "replies" && rel != "edit")
      fallback = absolute(c, href, doc_base);
  }
  return fallback;
}

void set_date(std::string& raw, std::string& iso, const pugi::xml_node& n) {
  if (!raw.empty()) return;
  raw = trim(n.text().get());
  iso = to_iso8601(raw).value_or("");
}

FeedItem read_rss_item(const pugi::xml_node& n, const std::string& doc_base) {
  FeedItem it;
  std::string dc_title, atom_href;
  for (auto c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view p = prefix_of(c);
    if (is(c, "title")) {
      if (p.empty() && it.title.empty()) it.title = plain(c, doc_base);
      else if (dc_title.empty()) dc_title = plain(c, doc_base);
    } else if (is(c, "link")) {
      if (c.attribute("href")) {
        if (atom_href.empty()) atom_href = absolute(c, c.attribute("href").value(), doc_base);
      } else if (!trim(c.text().get()).empty()) {
        it.link = absolute(c, c.text().get(), doc_base);  // the last <link> wins, as in gofeed and feedparser
      }
    } else if (is(c, "guid") || (is(c, "identifier") && p == "dc")) {
      if (it.id.empty()) it.id = trim(c.text().get());
      std::string_view perm = c.attribute("isPermaLink").value();
      if (it.link.empty() && perm != "false" && it.id.rfind("http", 0) == 0) it.link = it.id;
    } else if (is(c, "pubdate") || (is(c, "date") && p == "dc") || is(c, "published") || is(c, "issued")) {
      set_date(it.published_raw, it.published, c);
    } else if (is(c, "updated") || is(c, "modified")) {
      it.updated = to_iso8601(c.text().get()).value_or("");
    } else if (is(c, "author") || is(c, "creator")) {
      if (it.author.empty()) it.author = plain(c.child("name") ? c.child("name") : c, doc_base);
    } else if (is(c, "description") || (is(c, "summary") && it.summary.empty())) {
      Text t = text_of(c, doc_base);
      it.summary = t.value;
      it.summary_is_html = t.html;
    } else if (is(c, "encoded") || is(c, "body") || is(c, "fullitem") || (is(c, "content") && p != "media")) {
      if (it.content.empty()) {
        Text t = text_of(c, doc_base);
        it.content = t.value;
        it.content_is_html = t.html;
      }
    }
  }
  if (it.title.empty()) it.title = dc_title;
  if (it.link.empty()) it.link = atom_href;
  read_geo(n, it);
  return it;
}

FeedItem read_atom_entry(const pugi::xml_node& n, const std::string& doc_base) {
  FeedItem it;
  it.link = atom_link(n, doc_base);
  for (auto c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    if (is(c, "title") && it.title.empty()) {
      it.title = plain(c, doc_base);
    } else if (is(c, "id")) {
      it.id = trim(c.text().get());
    } else if (is(c, "published") || is(c, "issued") || (is(c, "date") && prefix_of(c) == "dc")) {
      set_date(it.published_raw, it.published, c);
    } else if (is(c, "updated") || is(c, "modified")) {
      it.updated = to_iso8601(c.text().get()).value_or("");
    } else if (is(c, "author") && it.author.empty()) {
      pugi::xml_node name;
      for (auto a : c.children())
        if (is(a, "name")) name = a;
      it.author = trim(name ? name.text().get() : c.text().get());
    } else if (is(c, "summary") && it.summary.empty()) {
      Text t = text_of(c, doc_base);
      it.summary = t.value;
      it.summary_is_html = t.html;
    } else if (is(c, "content") && it.content.empty() && !c.attribute("src")) {
      Text t = text_of(c, doc_base);
      it.content = t.value;
      it.content_is_html = t.html;
    }
  }
  if (it.published.empty() && !it.updated.empty()) it.published = it.updated;
  read_geo(n, it);
  return it;
}

void read_rss_channel_fields(const pugi::xml_node& ch, Feed& f, const std::string& doc_base) {
  std::string atom_href;
  for (auto c : ch.children()) {
    if (c.type() != pugi::node_element) continue;
    if (is(c, "title") && f.title.empty()) f.title = plain(c, doc_base);
    else if (is(c, "link") && !c.attribute("href") && !trim(c.text().get()).empty())
      f.link = absolute(c, c.text().get(), doc_base);
    else if (is(c, "link") && c.attribute("href") && atom_href.empty()) {
      std::string_view rel = c.attribute("rel").value();
      if (rel.empty() || rel == "alternate") atom_href = absolute(c, c.attribute("href").value(), doc_base);
    } else if (is(c, "description") && f.description.empty()) f.description = plain(c, doc_base);
    else if ((is(c, "subtitle") || is(c, "summary")) && prefix_of(c) == "itunes" && f.description.empty())
      f.description = plain(c, doc_base);
    else if ((is(c, "lastbuilddate") || is(c, "pubdate")) && f.updated.empty())
      f.updated = to_iso8601(c.text().get()).value_or("");
  }
  if (f.link.empty()) f.link = atom_href;
}

// Guesses the charset of undeclared, non-UTF-8 bytes. Only scripts uchardet tells apart reliably
// are trusted; anything else is taken as Windows-1252, the usual undeclared Western encoding.
std::string guess_charset(std::string_view bytes) {
  uchardet_t ud = uchardet_new();
  uchardet_handle_data(ud, bytes.data(), bytes.size());
  uchardet_data_end(ud);
  std::string guess = uchardet_get_charset(ud);
  uchardet_delete(ud);
  for (auto& c : guess) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const char* trusted[] = {"big5", "euc-jp", "euc-kr", "gb18030", "gb2312", "shift_jis", "koi8-r",
                                  "tis-620", "windows-1255", "iso-8859-8", "windows-1251", "iso-8859-5",
                                  "euc-tw", "iso-2022-jp", "windows-1256"};
  for (const char* t : trusted)
    if (guess == t) return guess;
  return "windows-1252";
}

// Chooses the encoding like RFC 3023 and feedparser: BOM > HTTP charset > (text/* without charset:
// us-ascii) > XML declaration > UTF-8, then converts to UTF-8. Mismatches set bozo.
std::string decode(std::string_view bytes, std::string_view content_type, Feed& f) {
  auto set_bozo = [&](std::string msg) {
    if (!f.bozo) f.bozo_message = std::move(msg);
    f.bozo = true;
  };
  std::string bom = bom_encoding(bytes);
  std::string declared = xml_declared_encoding(bytes);
  std::string http = charset_of(content_type);
  std::string media = media_type_of(content_type);
  if (http.empty() && media.rfind("text/", 0) == 0) http = "us-ascii";
  if (media == "text/plain" || media == "text/html")
    set_bozo(fmt::format("feed served as {} (parsed as XML anyway)", media));
  std::string enc = !bom.empty() ? bom : !http.empty() ? http : !declared.empty() ? declared : "";
  if (enc == "gb2312") enc = "gb18030";  // the superset decodes more real feeds
  if (bom == "utf-8") bytes.remove_prefix(3);
  else if (!bom.empty()) bytes.remove_prefix(2);
  const bool utf8_ok = is_valid_utf8(bytes);
  if (enc.empty() || enc == "utf-8" || enc == "utf8" || enc == "us-ascii" || enc == "ascii") {
    if (utf8_ok) {
      f.encoding = enc.empty() ? "utf-8" : enc;
      if (f.encoding == "us-ascii" || f.encoding == "ascii") {
        for (char c : bytes)
          if (static_cast<unsigned char>(c) >= 0x80) {
            set_bozo("non-ASCII bytes in a feed declared us-ascii; read as UTF-8");
            break;
          }
      }
      return std::string(bytes);
    }
    std::string guess = guess_charset(bytes);
    set_bozo(fmt::format("bytes are not valid {}; read as {}", enc.empty() ? "utf-8" : enc, guess));
    f.encoding = guess;
    auto converted = to_utf8(bytes, guess);
    return converted ? std::move(converted.value()) : latin1_to_utf8(bytes);
  }
  auto converted = to_utf8(bytes, enc);
  if (!converted) {
    f.encoding = utf8_ok ? "utf-8" : "windows-1252";
    set_bozo(fmt::format("unknown encoding '{}'; read as {}", enc, f.encoding));
    return utf8_ok ? std::string(bytes) : latin1_to_utf8(bytes);
  }
  f.encoding = enc;
  return std::move(converted.value());
}

// A namespace prefix used but never declared makes the XML not namespace-well-formed.
bool has_undeclared_prefix(const pugi::xml_node& root) {
  std::vector<std::string> declared = {"xml", "xmlns"};
  std::vector<std::string> used;
  int visited = 0;
  for (pugi::xml_node n = root; n && visited < 100000; ++visited) {
    for (auto a : n.attributes()) {
      std::string_view name = a.name();
      if (name.rfind("xmlns:", 0) == 0) declared.emplace_back(name.substr(6));
      else if (std::size_t c = name.find(':'); c != std::string_view::npos) used.emplace_back(name.substr(0, c));
    }
    if (!prefix_of(n).empty()) used.emplace_back(prefix_of(n));
    // Depth-first walk without recursion (feeds may nest absurdly deep).
    if (n.first_child() && n.first_child().type() == pugi::node_element) {
      n = n.first_child();
      continue;
    }
    pugi::xml_node next = n.next_sibling();
    while (!next && n && n != root) {
      n = n.parent();
      next = n == root ? pugi::xml_node() : n.next_sibling();
    }
    while (next && next.type() != pugi::node_element) next = next.next_sibling();
    n = next;
  }
  for (const auto& u : used)
    if (std::find(declared.begin(), declared.end(), u) == declared.end()) return true;
  return false;
}

}  // namespace


// ---------------------------------------------------------------- RFC 3986 reference resolution

namespace {

struct UriParts {
  std::optional<std::string_view> scheme, authority, query, fragment;
  std::string_view path;
};

bool valid_scheme(std::string_view s) {
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  return true;
}

// Splits like the regular expression of RFC 3986 appendix B.
UriParts split_uri(std::string_view s) {
  UriParts u;
  std::size_t colon = s.find(':');
  if (colon != std::string_view::npos && s.find_first_of("/?#") > colon && valid_scheme(s.substr(0, colon))) {
    u.scheme = s.substr(0, colon);
    s.remove_prefix(colon + 1);
  }
  if (s.substr(0, 2) == "//") {
    std::size_t end = s.find_first_of("/?#", 2);
    u.authority = s.substr(2, end == std::string_view::npos ? std::string_view::npos : end - 2);
    s.remove_prefix(end == std::string_view::npos ? s.size() : end);
  }
  if (std::size_t hash = s.find('#'); hash != std::string_view::npos) {
    u.fragment = s.substr(hash + 1);
    s = s.substr(0, hash);
  }
  if (std::size_t q = s.find('?'); q != std::string_view::npos) {
    u.query = s.substr(q + 1);
    s = s.substr(0, q);
  }
  u.path = s;
  return u;
}

// RFC 3986 section 5.2.4.
std::string remove_dot_segments(std::string_view in) {
  std::string out;
  while (!in.empty()) {
    if (in.substr(0, 3) == "../") in.remove_prefix(3);
    else if (in.substr(0, 2) == "./") in.remove_prefix(2);
    else if (in.substr(0, 3) == "/./") in.remove_prefix(2);
    else if (in == "/.") in = "/";
    else if (in.substr(0, 4) == "/../" || in == "/..") {
      in = in.size() == 3 ? std::string_view("/") : in.substr(3);
      std::size_t last = out.rfind('/');
      out.erase(last == std::string::npos ? 0 : last);
    } else if (in == "." || in == "..") in = {};
    else {
      std::size_t next = in.find('/', 1);
      if (next == std::string_view::npos) next = in.size();
      out += in.substr(0, next);
      in.remove_prefix(next);
    }
  }
  return out;
}

std::string join_uri(const UriParts& u, const std::string& path) {
  std::string out;
  if (u.scheme) out.append(*u.scheme).append(":");
  if (u.authority) out.append("//").append(*u.authority);
  out += path;
  if (u.query) out.append("?").append(*u.query);
  if (u.fragment) out.append("#").append(*u.fragment);
  return out;
}

}  // namespace

std::string resolve_url(std::string_view base_sv, std::string_view ref_sv) {
  std::string base_str = trim(base_sv), ref_str = trim(ref_sv);
  if (base_str.empty()) return ref_str;
  UriParts b = split_uri(base_str), r = split_uri(ref_str), t;
  std::string path;
  if (r.scheme) {
    t = r;
    path = remove_dot_segments(r.path);
  } else {
    t.scheme = b.scheme;
    if (r.authority) {
      t.authority = r.authority;
      path = remove_dot_segments(r.path);
      t.query = r.query;
    } else {
      t.authority = b.authority;
      if (r.path.empty()) {
        path = std::string(b.path);
        t.query = r.query ? r.query : b.query;
      } else {
        if (r.path.front() == '/') {
          path = remove_dot_segments(r.path);
        } else {
          // Merge (section 5.2.3): the base path up to its last "/", or "/" for an empty path with authority.
          std::string merged;
          if (b.authority && b.path.empty()) merged = "/";
          else if (std::size_t slash = b.path.rfind('/'); slash != std::string_view::npos)
            merged = std::string(b.path.substr(0, slash + 1));
          merged += r.path;
          path = remove_dot_segments(merged);
        }
        t.query = r.query;
      }
    }
    t.fragment = r.fragment;
  }
  return join_uri(t, path);
}

Result<Feed> parse_feed(std::string_view bytes, std::string_view content_type, std::string_view document_url) {
  const std::string doc_base = trim(document_url);
  Feed f;
  std::string utf8 = decode(bytes, content_type, f);
  pugi::xml_document doc;
  // parse_default without parse_doctype: DTDs are skipped, never loaded; only the five predefined
  // and numeric entities are expanded, so custom entities (billion laughs) stay literal text.
  unsigned opts = pugi::parse_default;
  pugi::xml_parse_result r = doc.load_buffer(utf8.data(), utf8.size(), opts, pugi::encoding_utf8);
  if (!r) {
    f.bozo = true;
    f.bozo_message = fmt::format("not well-formed XML: {} at byte {}", r.description(), r.offset);
  }
  pugi::xml_node root = doc.document_element();
  if (!root) return Status::invalid(f.bozo ? f.bozo_message : "no XML root element");
  if (!f.bozo && has_undeclared_prefix(root)) {
    f.bozo = true;
    f.bozo_message = "undeclared XML namespace prefix";
  }
  if (is(root, "rss") || is(root, "channel")) {
    f.kind = "rss";
    f.version = root.attribute("version").value();
    pugi::xml_node ch = is(root, "channel") ? root : pugi::xml_node();
    for (auto c : root.children())
      if (!ch && is(c, "channel")) ch = c;
    if (ch) {
      read_rss_channel_fields(ch, f, doc_base);
      for (auto c : ch.children())
        if (is(c, "item")) f.items.push_back(read_rss_item(c, doc_base));
    }
    // Some RSS 0.9x feeds put items beside the channel.
    for (auto c : root.children())
      if (is(c, "item")) f.items.push_back(read_rss_item(c, doc_base));
  } else if (is(root, "rdf")) {
    f.kind = "rdf";
    f.version = "1.0";
    for (auto c : root.children()) {
      if (is(c, "channel")) read_rss_channel_fields(c, f, doc_base);
      else if (is(c, "item")) f.items.push_back(read_rss_item(c, doc_base));
    }
  } else if (is(root, "feed")) {
    f.kind = "atom";
    f.version = root.attribute("version") ? root.attribute("version").value() : "1.0";
    f.link = atom_link(root, doc_base);
    for (auto c : root.children()) {
      if (is(c, "title") && f.title.empty()) f.title = plain(c, doc_base);
      else if ((is(c, "subtitle") || is(c, "tagline")) && f.description.empty()) f.description = plain(c, doc_base);
      else if ((is(c, "updated") || is(c, "modified")) && f.updated.empty())
        f.updated = to_iso8601(c.text().get()).value_or("");
      else if (is(c, "entry")) f.items.push_back(read_atom_entry(c, doc_base));
    }
  } else {
    return Status::invalid(fmt::format("not a feed: root element <{}>", root.name()));
  }
  // Without a document URL, the feed's own absolute link is the best base left for its items.
  if (doc_base.empty() && has_scheme(f.link))
    for (auto& it : f.items)
      if (!it.link.empty() && !has_scheme(it.link)) it.link = resolve_url(f.link, it.link);
  return f;
}

void feed_to_documents(const Feed& feed, const std::string& source, const ReadOptions& options,
                       const DocumentSink& sink, const WarningSink& warn) {
  std::string outlet = feed.title;
  if (looks_like_html(outlet)) outlet = html_to_plain(outlet);
  for (std::size_t i = 0; i < feed.items.size(); ++i) {
    const FeedItem& it = feed.items[i];
    std::string where = fmt::format("{}#item-{}", source, i + 1);
    const bool has_content = !it.content.empty();
    const std::string& body = has_content ? it.content : it.summary;
    if (it.link.empty() && it.title.empty() && body.empty()) {
      warn(Status::invalid(fmt::format("{}: item has no link, title or text; skipped", where)));
      continue;
    }
    if (body.size() > options.max_document_bytes) {
      warn(Status::invalid(fmt::format("{}: item of {} bytes exceeds the limit of {}; skipped", where,
                                       body.size(), options.max_document_bytes)));
      continue;
    }
    RawDocument d;
    d.source = where;
    d.url = it.link;
    d.body = body;
    d.format = (has_content ? it.content_is_html : it.summary_is_html) ? "html" : "text";
    d.content_type = d.format == "html" ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
    d.title_hint = looks_like_html(it.title) ? html_to_plain(it.title) : it.title;
    d.date_hint = !it.published.empty() ? it.published : it.updated;
    d.author_hint = it.author;
    // The summary is a lead only when the body came from separate full content.
    if (has_content && !it.summary.empty()) d.lead_hint = it.summary_is_html ? html_to_plain(it.summary) : it.summary;
    d.outlet_hint = outlet;
    d.lat_hint = it.lat;
    d.lon_hint = it.lon;
    if (d.lat_hint.has_value() != d.lon_hint.has_value()) d.lat_hint = d.lon_hint = std::nullopt;
    sink(std::move(d));
  }
}

}  // namespace pk::ingest
