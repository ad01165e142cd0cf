#include "sqlite_util.h"

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

}  // namespace pk::store
