// Thin RAII helpers over the SQLite C API, and the mapping of SQLite result codes to Status
// messages that never contain SQL text.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <sqlite3.h>

#include "pressekarte/status.h"

namespace pk::store {

// A clean Status for a failed SQLite call: disk full and read-only files are io errors that say
// so, damaged files are corruption; the SQL and SQLite's own message are never included.
Status sqlite_status(int rc, const std::string& what, const std::string& path);

using SqlValue = std::variant<std::int64_t, double, std::string>;

// Resets every statement of the connection that is still mid-step. A SELECT stepped to its
// first row and left there keeps a read transaction open; SQLite's auto-checkpoint after a COMMIT
// then fails (the connection is busy) and in WAL mode the -wal file grows with every commit
// (16 GB at 300k articles) while the database file stays empty until the store closes. Call it
// before every COMMIT; ReleaseReadTransactions does it when a store call's scope ends.
void reset_busy_statements(sqlite3* db);

class ReleaseReadTransactions {
 public:
  explicit ReleaseReadTransactions(sqlite3* db) : db_(db) {}
  ~ReleaseReadTransactions();
  ReleaseReadTransactions(const ReleaseReadTransactions&) = delete;
  ReleaseReadTransactions& operator=(const ReleaseReadTransactions&) = delete;

 private:
  sqlite3* db_;
};

class Stmt {
 public:
  Stmt() = default;
  Stmt(sqlite3* db, std::string_view sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt(Stmt&& o) noexcept : st_(o.st_), rc_(o.rc_) { o.st_ = nullptr; }

  int prepare_rc() const { return rc_; }
  bool ok() const { return st_ != nullptr; }
  Stmt& reset();
  Stmt& bind(int i, std::int64_t v);
  Stmt& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
  Stmt& bind(int i, double v);
  Stmt& bind(int i, std::string_view v);  // empty strings bind as '' (not NULL)
  Stmt& bind_null(int i);
  Stmt& bind_value(int i, const SqlValue& v);
  Stmt& bind_all(const std::vector<SqlValue>& values);
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int step();
  std::int64_t col_int(int i) const { return sqlite3_column_int64(st_, i); }
  double col_double(int i) const { return sqlite3_column_double(st_, i); }
  bool col_null(int i) const { return sqlite3_column_type(st_, i) == SQLITE_NULL; }
  std::string col_text(int i) const;

 private:
  sqlite3_stmt* st_ = nullptr;
  int rc_ = SQLITE_OK;
};

// Runs statements without results; returns the SQLite result code.
int exec(sqlite3* db, const char* sql);

// ---- Prefix words spelled out as index terms (text queries by date, docs/perf/store.md) ----
// FTS5 without a prefix index answers `"word"*` by merging the doclists of every term with that
// prefix before the first row (20–80 ms for a word in 3–20 % of 1M articles, whatever the LIMIT),
// while an OR of plain terms is read lazily, newest first (0.3 ms for 300 rows).

// Marks a quoted FTS5 query string as one index term, taken verbatim (not stemmed again).
inline constexpr char kVerbatimTermMark = '\x02';

// Wraps the connection's pk_text tokenizer (register_fts5_tokenizer first) so that, at query
// time, a string starting with kVerbatimTermMark is emitted as the single term after the mark.
// Documents and every other query string are tokenized exactly as before.
Status register_verbatim_query_terms(sqlite3* db);

// Lists the index terms that start with `prefix` (byte-wise), at most `limit` of them; false on error.
using TermLister = std::function<bool(const std::string& prefix, int limit, std::vector<std::string>* terms)>;

// `groups` (TextQuery::groups) as an FTS5 expression matching the same articles as
// fts5_match_expression, with every prefix word replaced by the OR of the verbatim terms its
// stems are prefixes of. nullopt (keep the prefix query) when a word covers more than
// `max_terms` terms, a word does not analyse to one word, or listing fails. Not for bm25: it
// would score the terms separately.
std::optional<std::string> spelled_out_match_expression(const std::vector<std::vector<std::string>>& groups,
                                                        int max_terms, const TermLister& list_terms);

}  // namespace pk::store
