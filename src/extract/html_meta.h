// Page metadata: JSON-LD (NewsArticle & co.), Open Graph, <meta>, <time>, <title>, canonical
// <link>, <html lang>. Values are raw strings as the page gives them (whitespace collapsed);
// dates are normalised to ISO 8601 where recognised.
#pragma once

#include <string>
#include <vector>

#include "html_dom.h"

namespace pk::html {

struct PageMeta {
  std::string title;          // best headline: JSON-LD headline, og:title, <title> minus site suffix
  std::string html_title;     // the <title> text as is
  std::string author;         // "A, B" for several
  std::string date;           // publication date (ISO 8601), "" if none found
  std::string updated;        // last modification (ISO 8601)
  std::string site_name;      // og:site_name, JSON-LD publisher.name, application-name
  std::string description;    // og:description / meta description / JSON-LD description
  std::string canonical_url;  // <link rel=canonical> or og:url
  std::string language;       // <html lang> / content-language, primary subtag lower-case
  std::string article_body;   // JSON-LD articleBody if present (a fallback for the body)
  std::string locale;         // the language tag as given ("en-GB"): the slash order of dates
};

// Reads the metadata of a parsed page. `url` (may be empty) helps as a last resort for the date
// (/2019/05/31/ in the path).
PageMeta read_page_meta(const Document& doc, std::string_view url);

// Removes tags and their content for script/style from a title-like string ("Foo <script>…
// </script> Bar" → "Foo Bar") and collapses white space.
std::string strip_markup(std::string_view s);

// Date found in a URL path ("/2019/05/31/", "/20190531", "2019-05-31"), ISO "YYYY-MM-DD" or "".
std::string date_from_url(std::string_view url);

// True if `id` lies in a comment or reply thread (class/id says so): dates there are readers'.
bool in_comment_thread(const Document& doc, NodeId id);

// True if `id` lies in page furniture whose dates are not the article's: the Wayback Machine's
// toolbar (id "wm-ipp…": the capture date), a teaser link wrapping a date with a headline or
// snippet, a list item linking another article by its headline.
bool in_foreign_date_box(const Document& doc, NodeId id);

}  // namespace pk::html
