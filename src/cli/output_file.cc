#include "output_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace pk::cli {

OutputFile::~OutputFile() {
  if (!part_.empty() && !committed_) {
    file_.close();
    std::error_code ignored;
    std::filesystem::remove(part_, ignored);
  }
}

Status OutputFile::open(const std::string& path) {
  if (path.empty() || path == "-") return Status::ok();
  path_ = path;
  part_ = path + ".part";
  file_.open(part_, std::ios::binary | std::ios::trunc);
  if (!file_) return Status::io_error(part_ + ": cannot write (" + std::strerror(errno) + ")");
  return Status::ok();
}

Status OutputFile::commit() {
  stream().flush();
  if (part_.empty()) {
    if (!std::cout) return Status::io_error("writing to standard output failed");
    return Status::ok();
  }
  file_.close();
  if (!file_) return Status::io_error(part_ + ": write failed (disk full?)");
  std::error_code ec;
  std::filesystem::rename(part_, path_, ec);
  if (ec) return Status::io_error(path_ + ": cannot rename " + part_ + " (" + ec.message() + ")");
  committed_ = true;
  return Status::ok();
}

}  // namespace pk::cli
