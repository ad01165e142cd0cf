// Thin RAII helpers over the SQLite C API, and the mapping of SQLite result codes to Status
// messages that never contain SQL text.
#pragma once

#include <cstdint>
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

}  // namespace pk::store
