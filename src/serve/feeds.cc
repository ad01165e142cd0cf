#include "feeds.h"

#include <fmt/format.h>

#include "params.h"
#include "pressekarte/text.h"
#include "snapshot.h"

namespace pk::serve {

std::string xml_escape(std::string_view raw) {
  const std::string s = sanitize_utf8(raw);
  std::string out;
  out.reserve(s.size() + 16);
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t cp = next_codepoint(s, i);
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF ||
            (cp >= 0x7F && cp <= 0x9F))
          break;
        out.append(s, start, i - start);
    }
  }
  return out;
}

namespace {

// RFC 3339 timestamp for Atom: dates without a time become midnight UTC.
std::string rfc3339(const std::string& date, const std::string& fallback) {
  const std::string& d = date.empty() ? fallback : date;
  if (d.size() == 10 && date_number(d)) return d + "T00:00:00Z";
  if (d.size() >= 19 && date_number(d)) {
    std::string t = d;
    if (t[10] == ' ') t[10] = 'T';
    const bool zoned = t.back() == 'Z' || t.find('+', 19) != std::string::npos || t.find('-', 19) != std::string::npos;
    return zoned ? t : t + "Z";
  }
  return "1970-01-01T00:00:00Z";
}

std::string article_link(const StoredArticle& a, const FeedInfo& info) {
  if (is_web_url(a.article.url)) return a.article.url;
  return fmt::format("{}/#article={}", info.base_url, a.id);
}

}  // namespace

std::string atom_feed(const FeedInfo& info, const std::vector<StoredArticle>& items) {
  std::string updated = "1970-01-01T00:00:00Z";
  for (const auto& a : items) updated = std::max(updated, rfc3339(a.article.date, a.ingested_at));
  std::string x;
  x += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  x += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:georss=\"http://www.georss.org/georss\">\n";
  x += fmt::format("  <title>{}</title>\n", xml_escape(info.title));
  x += fmt::format("  <id>{}</id>\n", xml_escape(info.self_url));
  x += fmt::format("  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n", xml_escape(info.self_url));
  x += fmt::format("  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", xml_escape(info.page_url));
  x += fmt::format("  <updated>{}</updated>\n", updated);
  x += "  <generator>Pressekarte</generator>\n";
  x += "  <rights>Places: GeoNames (CC BY 4.0)</rights>\n";
  for (const auto& a : items) {
    x += "  <entry>\n";
    x += fmt::format("    <title>{}</title>\n", xml_escape(a.article.title.empty() ? "(ohne Titel)" : a.article.title));
    x += fmt::format("    <id>{}</id>\n", xml_escape(fmt::format("{}/api/articles/{}", info.base_url, a.id)));
    x += fmt::format("    <link rel=\"alternate\" href=\"{}\"/>\n", xml_escape(article_link(a, info)));
    x += fmt::format("    <updated>{}</updated>\n", rfc3339(a.article.date, a.ingested_at));
    const std::string outlet = a.article.outlet.empty() ? a.article.site_title : a.article.outlet;
    x += fmt::format("    <author><name>{}</name></author>\n",
                     xml_escape(!a.article.author.empty() ? a.article.author : (outlet.empty() ? "Pressekarte" : outlet)));
    if (!a.article.lead.empty()) x += fmt::format("    <summary>{}</summary>\n", xml_escape(a.article.lead));
    double lon = 0, lat = 0;
    std::string place, kind;
    if (focus_point(a, lon, lat, place, kind)) {
      x += fmt::format("    <georss:point>{:.5f} {:.5f}</georss:point>\n", lat, lon);
      if (!place.empty()) x += fmt::format("    <georss:featurename>{}</georss:featurename>\n", xml_escape(place));
    }
    x += "  </entry>\n";
  }
  x += "</feed>\n";
  return x;
}

nlohmann::json json_feed(const FeedInfo& info, const std::vector<StoredArticle>& items) {
  nlohmann::json feed{{"version", "https://jsonfeed.org/version/1.1"},
                      {"title", info.title},
                      {"home_page_url", info.page_url},
                      {"feed_url", info.self_url},
                      {"items", nlohmann::json::array()}};
  for (const auto& a : items) {
    nlohmann::json item{{"id", fmt::format("{}/api/articles/{}", info.base_url, a.id)},
                        {"url", article_link(a, info)},
                        {"title", a.article.title},
                        {"summary", a.article.lead},
                        {"content_text", a.article.lead.empty() ? a.article.title : a.article.lead},
                        {"date_published", rfc3339(a.article.date, a.ingested_at)}};
    double lon = 0, lat = 0;
    std::string place, kind;
    if (focus_point(a, lon, lat, place, kind))
      item["_geo"] = {{"about", "https://pressekarte.example/geo"}, {"lat", lat}, {"lon", lon}, {"place", place}};
    feed["items"].push_back(std::move(item));
  }
  return feed;
}

}  // namespace pk::serve
