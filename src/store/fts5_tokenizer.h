// The "pk_text" FTS5 tokenizer: German/English-aware terms from text_analysis.h.
//
// Documents choose their stemmer with a leading marker "\x01de\x01" / "\x01en\x01" per column
// value (see language_marker()); without one both stems are emitted (colocated). Queries emit
// the German stem and, when different, the English one as a colocated alternative.
#pragma once

#include <string>
#include <string_view>

#include <sqlite3.h>

#include "pressekarte/status.h"

namespace pk::store {

// Registers the tokenizer on `db` (needed by every connection that writes or queries FTS).
Status register_fts5_tokenizer(sqlite3* db);
// "\x01de\x01" for "de", "\x01en\x01" for "en", "" otherwise.
std::string language_marker(std::string_view language);

}  // namespace pk::store
