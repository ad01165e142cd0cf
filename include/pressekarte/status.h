// Status and Result<T>: the one way Pressekarte reports errors.
//
// Every fallible call at a parsing, I/O or API boundary returns a Status or a Result<T>.
// Third-party exceptions (nlohmann, cpp-httplib, libpq) are caught at the boundary and turned
// into a Status whose message names the input and what was wrong with it.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace pk {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // bad input from a user or a document (maps to exit 2 / HTTP 400)
    kNotFound,         // a file, id or place that does not exist (exit 3 / HTTP 404)
    kIoError,          // disk, network or database failure (exit 4 / HTTP 500)
    kCorruption,       // data that should be well-formed is not (exit 5 / HTTP 500)
    kUnsupported,      // a format or feature we do not handle (exit 2 / HTTP 415)
    kAlreadyExists,    // a duplicate that the caller may ignore
    kInternal,         // a bug (exit 70 / HTTP 500)
  };

  Status() = default;
  static Status ok() { return Status(); }
  static Status invalid(std::string msg) { return Status(Code::kInvalidArgument, std::move(msg)); }
  static Status not_found(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status io_error(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status unsupported(std::string msg) { return Status(Code::kUnsupported, std::move(msg)); }
  static Status already_exists(std::string msg) { return Status(Code::kAlreadyExists, std::move(msg)); }
  static Status internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  bool is_ok() const { return code_ == Code::kOk; }
  explicit operator bool() const { return is_ok(); }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "invalid argument: <message>", for logs and CLI errors.
  std::string to_string() const;
  // Process exit code for a CLI failing with this status (0 for ok).
  int exit_code() const;
  // HTTP status for an API request failing with this status (200 for ok).
  int http_status() const;

  // Returns a copy whose message is prefixed with `context: ` (e.g. the file name).
  Status with_context(const std::string& context) const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status explaining why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}                     // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) { assert(!std::get<Status>(v_).is_ok()); }  // NOLINT

  bool is_ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return is_ok(); }
  const Status& status() const {
    static const Status kOk;
    return is_ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace pk

// Propagate a non-ok Status from an expression returning Status.
#define PK_RETURN_IF_ERROR(expr)              \
  do {                                        \
    ::pk::Status pk_status_ = (expr);         \
    if (!pk_status_.is_ok()) return pk_status_; \
  } while (0)
