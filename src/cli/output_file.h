// Where a command writes its result: stdout, or a file that appears only when complete
// (written as FILE.part and renamed at the end, so a failed or killed run leaves no half file).
#pragma once

#include <fstream>
#include <iostream>
#include <string>

#include "pressekarte/status.h"

namespace pk::cli {

class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  // Removes FILE.part when commit() was not reached.
  ~OutputFile();

  // "" or "-" is stdout.
  Status open(const std::string& path);
  std::ostream& stream() { return file_.is_open() ? static_cast<std::ostream&>(file_) : std::cout; }
  // Flushes and, for a file, renames FILE.part to FILE. Reports write errors (e.g. a full disk).
  Status commit();

 private:
  std::string path_, part_;
  std::ofstream file_;
  bool committed_ = false;
};

}  // namespace pk::cli
