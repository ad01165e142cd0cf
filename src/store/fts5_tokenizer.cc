#include "fts5_tokenizer.h"

#include <cstring>
#include <string>

#include "text_analysis.h"

namespace pk::store {

namespace {

// SQLite 3.40 has only the v1 tokenizer API (fts5_tokenizer in sqlite3.h).
struct Fts5TokenizerHandle {
  Lang default_lang = Lang::kBoth;
};

int tk_create(void*, const char** argv, int argc, Fts5Tokenizer** out) {
  auto* t = new Fts5TokenizerHandle;
  if (argc > 0 && argv[0] != nullptr) t->default_lang = lang_from_code(argv[0]);
  *out = reinterpret_cast<Fts5Tokenizer*>(t);
  return SQLITE_OK;
}

void tk_delete(Fts5Tokenizer* p) { delete reinterpret_cast<Fts5TokenizerHandle*>(p); }

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

int tk_tokenize(Fts5Tokenizer* self, void* ctx, int flags, const char* text, int n, TokenCallback emit) {
  auto* t = reinterpret_cast<Fts5TokenizerHandle*>(self);
  std::string_view in(text ? text : "", text ? static_cast<std::size_t>(n) : 0);
  Lang lang = t->default_lang;
  std::size_t skip = 0;
  if (!(flags & FTS5_TOKENIZE_QUERY) && in.size() >= 4 && in[0] == '\x01' && in[3] == '\x01') {
    lang = lang_from_code(in.substr(1, 2));
    skip = 4;
  }
  std::string_view body = in.substr(skip);
  int rc = SQLITE_OK;
  std::string g, e;
  split_words(body, [&](Word w) {
    if (rc != SQLITE_OK) return;
    terms_of_word(body.substr(w.begin, w.end - w.begin), lang, &g, &e);
    int b = static_cast<int>(w.begin + skip), en = static_cast<int>(w.end + skip);
    bool first = true;
    for (const std::string* term : {&g, &e}) {
      if (term->empty() || rc != SQLITE_OK) continue;
      rc = emit(ctx, first ? 0 : FTS5_TOKEN_COLOCATED, term->data(), static_cast<int>(term->size()), b, en);
      first = false;
    }
  });
  return rc;
}

}  // namespace

Status register_fts5_tokenizer(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) != SQLITE_OK)
    return Status::unsupported("this SQLite has no FTS5 (needed for text search)");
  sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(st);
  sqlite3_finalize(st);
  if (api == nullptr || api->iVersion < 2) return Status::unsupported("this SQLite's FTS5 API is too old");
  static fts5_tokenizer tokenizer{tk_create, tk_delete, tk_tokenize};
  if (api->xCreateTokenizer(api, "pk_text", nullptr, &tokenizer, nullptr) != SQLITE_OK)
    return Status::internal("could not register the pk_text FTS5 tokenizer");
  return Status::ok();
}

std::string language_marker(std::string_view language) {
  switch (lang_from_code(language)) {
    case Lang::kGerman: return "\x01" "de" "\x01";
    case Lang::kEnglish: return "\x01" "en" "\x01";
    default: return "";
  }
}

}  // namespace pk::store
