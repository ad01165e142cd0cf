// Readers for line-oriented text: the crawl-text format and plain text.
#pragma once

#include <string_view>

#include "pressekarte/extract.h"
#include "pressekarte/model.h"

namespace pk {

// Reads one crawl-text document (already UTF-8): first line " date YYYY-MM-DD <site title>", then
// the page text with its noise (repeated caption lines, photo credits, navigation, teaser lists).
// Fills date, site_title, title, lead, dateline, agency, author, subheadings, images, paragraphs,
// text. Does not set language, hints, source or the content hash (the dispatcher does).
// Total: any input yields an Article (possibly with empty fields).
Article read_crawl_text(std::string_view utf8, const ExtractOptions& options = {});

// Reads plain text (already UTF-8). Rules, kept simple and predictable:
//  - paragraphs are blocks separated by blank lines, the lines of a block joined by a space; a
//    text without any blank line has one paragraph per line;
//  - the first paragraph is the title if it is a single line of at most 200 bytes, does not end
//    in '.', ',', ';' or ':', and more paragraphs follow;
//  - a dateline "Berlin (dpa) - …" at the start of the first body paragraph sets dateline and
//    agency (the text keeps it); an agency signature "(dpa)" at the end of the last one sets the
//    agency and is removed from the text;
//  - there is no lead (plain text does not mark one).
Article read_plain_text(std::string_view utf8);

}  // namespace pk
