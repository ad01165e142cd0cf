#include "pressekarte/status.h"

namespace pk {

namespace {
const char* code_name(Status::Code code) {
  switch (code) {
    case Status::Code::kOk: return "ok";
    case Status::Code::kInvalidArgument: return "invalid argument";
    case Status::Code::kNotFound: return "not found";
    case Status::Code::kIoError: return "I/O error";
    case Status::Code::kCorruption: return "corrupt data";
    case Status::Code::kUnsupported: return "unsupported";
    case Status::Code::kAlreadyExists: return "already exists";
    case Status::Code::kInternal: return "internal error";
  }
  return "unknown";
}
}  // namespace

std::string Status::to_string() const {
  if (is_ok()) return "ok";
  return std::string(code_name(code_)) + ": " + message_;
}

int Status::exit_code() const {
  switch (code_) {
    case Code::kOk: return 0;
    case Code::kInvalidArgument:
    case Code::kUnsupported: return 2;
    case Code::kNotFound: return 3;
    case Code::kIoError: return 4;
    case Code::kCorruption: return 5;
    case Code::kAlreadyExists: return 0;
    case Code::kInternal: return 70;
  }
  return 1;
}

int Status::http_status() const {
  switch (code_) {
    case Code::kOk: return 200;
    case Code::kInvalidArgument: return 400;
    case Code::kNotFound: return 404;
    case Code::kUnsupported: return 415;
    case Code::kAlreadyExists: return 409;
    case Code::kIoError:
    case Code::kCorruption:
    case Code::kInternal: return 500;
  }
  return 500;
}

Status Status::with_context(const std::string& context) const {
  if (is_ok()) return *this;
  return Status(code_, context + ": " + message_);
}

}  // namespace pk
