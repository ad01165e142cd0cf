#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "dates.h"
#include "pressekarte/text.h"
#include "readers.h"

namespace pk::ingest {

namespace {

std::string str_field(const nlohmann::json& j, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    auto it = j.find(k);
    if (it == j.end()) continue;
    if (it->is_string()) {
      const auto& s = it->get_ref<const std::string&>();
      if (!s.empty()) return s;
    } else if (it->is_array() && !it->empty() && it->front().is_string()) {
      return it->front().get<std::string>();  // e.g. "authors": ["…"]
    } else if (it->is_object() && it->contains("name") && (*it)["name"].is_string()) {
      return (*it)["name"].get<std::string>();
    }
  }
  return "";
}

std::optional<double> num_field(const nlohmann::json& j, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    auto it = j.find(k);
    if (it == j.end()) continue;
    if (it->is_number()) return it->get<double>();
    if (it->is_string()) {
      try {
        return std::stod(it->get<std::string>());
      } catch (...) {
      }
    }
  }
  return std::nullopt;
}

// The pk::to_json(Article) form carries fields only an extracted article has.
bool is_article_form(const nlohmann::json& j) {
  return j.contains("paragraphs") || j.contains("source_format") || j.contains("content_hash") ||
         j.contains("dateline");
}

}  // namespace

Status read_jsonl(BufferedReader& in, const std::string& source, const ReadOptions& options,
                  const DocumentSink& sink, const WarningSink& warn, ReadCounts& counts) {
  std::string line;
  std::size_t line_no = 0;
  // One more byte than the limit so an oversized line is noticed without keeping it.
  const std::size_t cap = options.max_document_bytes + 1;
  while (in.read_line(line, cap)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    ++counts.records;
    const std::string where = fmt::format("{}:{}", source, line_no);
    if (line.size() >= cap) {
      warn(Status::invalid(fmt::format("{}: line exceeds {} bytes; skipped", where, options.max_document_bytes)));
      continue;
    }
    // A stray Latin-1 byte must not cost the whole line: mark it and parse the rest.
    if (!is_valid_utf8(line)) line = sanitize_utf8(line);
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
      warn(Status::invalid(fmt::format("{}: line {} is not a JSON object; skipped", source, line_no)));
      continue;
    }
    RawDocument d;
    d.source = where;
    d.url = str_field(j, {"url", "link", "canonical_url"});
    if (is_article_form(j)) {
      d.format = "article";
      d.body = line;
      d.title_hint = str_field(j, {"title"});
      d.date_hint = str_field(j, {"date"});
      ++counts.documents;
      sink(std::move(d));
      continue;
    }
    std::string html = str_field(j, {"html", "content_html", "raw_html"});
    std::string text = str_field(j, {"text", "content", "body", "content_text", "maintext"});
    if (html.empty() && text.empty()) {
      warn(Status::invalid(fmt::format("{}: line {} has no \"text\" or \"html\"; skipped", source, line_no)));
      continue;
    }
    d.format = html.empty() ? "text" : "html";
    d.body = html.empty() ? std::move(text) : std::move(html);
    d.content_type = d.format == "html" ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
    d.title_hint = str_field(j, {"title", "headline"});
    std::string date = str_field(j, {"date", "published", "date_publish", "datePublished", "pubDate"});
    d.date_hint = to_iso8601(date).value_or(date);
    d.author_hint = str_field(j, {"author", "authors", "byline"});
    d.lead_hint = str_field(j, {"lead", "description", "summary", "teaser"});
    d.outlet_hint = str_field(j, {"outlet", "site_name", "source_domain", "sitename", "site"});
    d.lat_hint = num_field(j, {"lat", "latitude"});
    d.lon_hint = num_field(j, {"lon", "lng", "longitude"});
    if (d.lat_hint.has_value() != d.lon_hint.has_value()) d.lat_hint = d.lon_hint = std::nullopt;
    ++counts.documents;
    sink(std::move(d));
  }
  return in.status();
}

}  // namespace pk::ingest
