#include "sqlite_util.h"

#include <memory>
#include <set>

#include "pressekarte/text.h"
#include "record.h"
#include "text_analysis.h"

namespace pk::store {

Status sqlite_status(int rc, const std::string& what, const std::string& path) {
  const std::string where = path.empty() ? "" : " (" + path + ")";
  switch (rc & 0xFF) {
    case SQLITE_FULL:
      return Status::io_error("disk full while " + what + where + "; nothing of this batch was stored");
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return Status::io_error("database is read-only while " + what + where +
                              ": check the permissions of the data directory");
    case SQLITE_CANTOPEN:
      return Status::io_error("cannot open the database file while " + what + where +
                              ": check that the directory exists and is writable");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::io_error("database is busy (locked by another process) while " + what + where);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::corruption("database file is damaged or not a Pressekarte database" + where);
    case SQLITE_IOERR:
      return Status::io_error("disk I/O error while " + what + where);
    case SQLITE_NOMEM:
      return Status::io_error("out of memory while " + what);
    case SQLITE_CONSTRAINT:
      return Status::internal("constraint violated while " + what + where);
    default:
      return Status::internal("database error while " + what + " (" + sqlite3_errstr(rc) + ")" + where);
  }
}

void reset_busy_statements(sqlite3* db) {
  for (sqlite3_stmt* s = sqlite3_next_stmt(db, nullptr); s != nullptr; s = sqlite3_next_stmt(db, s)) {
    if (sqlite3_stmt_busy(s)) sqlite3_reset(s);
  }
}

ReleaseReadTransactions::~ReleaseReadTransactions() { reset_busy_statements(db_); }

Stmt::Stmt(sqlite3* db, std::string_view sql) {
  rc_ = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &st_, nullptr);
  if (rc_ != SQLITE_OK) {
    sqlite3_finalize(st_);
    st_ = nullptr;
  }
}

Stmt::~Stmt() { sqlite3_finalize(st_); }

Stmt& Stmt::reset() {
  sqlite3_reset(st_);
  sqlite3_clear_bindings(st_);
  return *this;
}

Stmt& Stmt::bind(int i, std::int64_t v) {
  sqlite3_bind_int64(st_, i, v);
  return *this;
}
Stmt& Stmt::bind(int i, double v) {
  sqlite3_bind_double(st_, i, v);
  return *this;
}
Stmt& Stmt::bind(int i, std::string_view v) {
  sqlite3_bind_text(st_, i, v.data() ? v.data() : "", static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::bind_null(int i) {
  sqlite3_bind_null(st_, i);
  return *this;
}
Stmt& Stmt::bind_value(int i, const SqlValue& v) {
  std::visit([&](const auto& x) { bind(i, x); }, v);
  return *this;
}
Stmt& Stmt::bind_all(const std::vector<SqlValue>& values) {
  for (std::size_t i = 0; i < values.size(); ++i) bind_value(static_cast<int>(i + 1), values[i]);
  return *this;
}

int Stmt::step() { return sqlite3_step(st_); }

std::string Stmt::col_text(int i) const {
  const auto* p = sqlite3_column_text(st_, i);
  return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(st_, i)) : std::string();
}

int exec(sqlite3* db, const char* sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr); }

// ---- Prefix words spelled out as index terms ----

namespace {

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

// The wrapped tokenizer module, kept alive by FTS5 until the connection closes.
struct VerbatimModule {
  fts5_tokenizer inner;
  void* inner_context;
};
struct VerbatimTokenizer {
  Fts5Tokenizer* inner;
  VerbatimModule* module;
};

int verbatim_create(void* context, const char** argv, int argc, Fts5Tokenizer** out) {
  auto* module = static_cast<VerbatimModule*>(context);
  Fts5Tokenizer* inner = nullptr;
  int rc = module->inner.xCreate(module->inner_context, argv, argc, &inner);
  if (rc != SQLITE_OK) return rc;
  *out = reinterpret_cast<Fts5Tokenizer*>(new VerbatimTokenizer{inner, module});
  return SQLITE_OK;
}

void verbatim_delete(Fts5Tokenizer* p) {
  auto* t = reinterpret_cast<VerbatimTokenizer*>(p);
  t->module->inner.xDelete(t->inner);
  delete t;
}

int verbatim_tokenize(Fts5Tokenizer* p, void* ctx, int flags, const char* text, int n, TokenCallback emit) {
  auto* t = reinterpret_cast<VerbatimTokenizer*>(p);
  if ((flags & FTS5_TOKENIZE_QUERY) && text != nullptr && n > 1 && text[0] == kVerbatimTermMark) {
    return emit(ctx, 0, text + 1, n - 1, 0, n);
  }
  return t->module->inner.xTokenize(t->inner, ctx, flags, text, n, emit);
}

fts5_api* fts5_api_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(st);
  sqlite3_finalize(st);
  return api;
}

std::string quoted(char mark, const std::string& s) {
  std::string out = "\"";
  if (mark) out += mark;
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + '"';
}

}  // namespace

Status register_verbatim_query_terms(sqlite3* db) {
  fts5_api* api = fts5_api_of(db);
  if (api == nullptr) return Status::unsupported("this SQLite has no FTS5 (needed for text search)");
  auto module = std::make_unique<VerbatimModule>();
  if (api->xFindTokenizer(api, "pk_text", &module->inner_context, &module->inner) != SQLITE_OK) {
    return Status::internal("the pk_text tokenizer is not registered on this connection");
  }
  static fts5_tokenizer wrapper{verbatim_create, verbatim_delete, verbatim_tokenize};
  // FTS5 looks tokenizers up newest first, so this one shadows the plain pk_text.
  VerbatimModule* raw = module.release();
  if (api->xCreateTokenizer(api, "pk_text", raw, &wrapper,
                            [](void* m) { delete static_cast<VerbatimModule*>(m); }) != SQLITE_OK) {
    delete raw;
    return Status::internal("could not register the pk_text query wrapper");
  }
  return Status::ok();
}

std::optional<std::string> spelled_out_match_expression(const std::vector<std::vector<std::string>>& groups,
                                                        int max_terms, const TermLister& list_terms) {
  std::string out;
  for (const auto& g : groups) {
    if (!out.empty()) out += " AND ";
    if (g.size() != 1 || codepoint_count(g[0]) < kPrefixMinLetters) {
      // Phrases and short words: exactly as fts5_match_expression writes them.
      std::string phrase;
      for (std::size_t i = 0; i < g.size(); ++i) phrase += (i ? " " : "") + g[i];
      out += quoted(0, phrase);
      continue;
    }
    std::vector<Word> words;
    split_words(g[0], [&](Word w) { words.push_back(w); });
    if (words.size() != 1) return std::nullopt;
    std::string german, english;
    terms_of_word(std::string_view(g[0]).substr(words[0].begin, words[0].end - words[0].begin), Lang::kBoth, &german,
                  &english);
    if (german.empty() && english.empty()) return std::nullopt;
    std::set<std::string> terms;
    for (const std::string* stem : {&german, &english}) {
      if (stem->empty()) continue;
      std::vector<std::string> found;
      if (!list_terms(*stem, max_terms + 1, &found)) return std::nullopt;
      terms.insert(found.begin(), found.end());
      if (static_cast<int>(terms.size()) > max_terms) return std::nullopt;
    }
    if (terms.empty()) {
      out += quoted(kVerbatimTermMark, german.empty() ? english : german);  // no such term: matches nothing
      continue;
    }
    std::string any;
    for (const auto& t : terms) any += (any.empty() ? "" : " OR ") + quoted(kVerbatimTermMark, t);
    out += terms.size() == 1 ? any : "(" + any + ")";
  }
  return out;
}

}  // namespace pk::store
