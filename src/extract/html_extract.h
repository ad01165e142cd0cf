// Seam between the dispatcher (extract.cc, extract-crawl) and the HTML reader (extract-html).
#pragma once

#include "pressekarte/extract.h"
#include "pressekarte/model.h"
#include "pressekarte/status.h"

namespace pk {

// Reads an HTML page into an Article.
// implemented in html_extract.cc (extract-html)
pk::Result<pk::Article> extract_html(const pk::RawDocument& doc, const pk::ExtractOptions& options);

}  // namespace pk
