// Evaluation driver for the HTML reader: reads "path<TAB>url" lines on stdin, reads each file
// (gzip or plain, via zlib), runs extract_html, and writes one JSON line per input:
// to_json(Article) plus "body_in_order", "charset" and "input" (or {"input","error"}).
// Used by scripts/eval/extraction.py so a thousand pages need one process, not a thousand.
#include <zlib.h>

#include <iostream>
#include <string>

#include "html_article.h"
#include "pressekarte/model_json.h"

namespace {

bool read_gz(const std::string& path, std::string* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return false;
  char buf[65536];
  int n;
  out->clear();
  while ((n = gzread(f, buf, sizeof buf)) > 0) out->append(buf, static_cast<std::size_t>(n));
  bool ok = n == 0;
  gzclose(f);
  return ok || !out->empty();
}

}  // namespace

int main() {
  std::ios::sync_with_stdio(false);
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    std::size_t tab = line.find('\t');
    pk::RawDocument doc;
    doc.source = line.substr(0, tab);
    doc.url = tab == std::string::npos ? "" : line.substr(tab + 1);
    doc.format = "html";
    nlohmann::json j;
    if (!read_gz(doc.source, &doc.body)) {
      j = {{"input", doc.source}, {"error", "cannot read " + doc.source}};
    } else {
      auto r = pk::html::extract_html_detailed(doc, {});
      if (!r) {
        j = {{"input", doc.source}, {"error", r.status().to_string()}};
      } else {
        j = pk::to_json(r.value().article);
        j["body_in_order"] = r.value().body_in_order;
        j["charset"] = r.value().charset;
        j["input"] = doc.source;
      }
    }
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  return 0;
}
