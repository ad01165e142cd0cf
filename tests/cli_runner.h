// Runs the built `pressekarte` binary for end-to-end tests and captures its output.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace pk::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

inline std::string binary() { return std::string(PK_BINARY_DIR) + "/pressekarte"; }
inline std::string shared_dir() { return PK_SHARED_DIR; }
inline std::string seed_path() { return shared_dir() + "/fixtures/crawl/2025-10-28-tokio-allianz.txt"; }

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `pressekarte <args>` through the shell (args must be shell-quoted by the caller).
inline CommandResult run_pressekarte(const std::string& args, const std::string& stdin_file = "") {
  static int counter = 0;
  auto dir = std::filesystem::temp_directory_path() / ("pk-cli-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto out = dir / ("out" + std::to_string(counter));
  auto err = dir / ("err" + std::to_string(counter++));
  std::string cmd = binary() + " " + args + " >" + out.string() + " 2>" + err.string();
  if (!stdin_file.empty()) cmd += " <" + stdin_file;
  else cmd += " </dev/null";
  int status = std::system(cmd.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(out);
  r.err = read_file(err);
  // Captured output can be large (a 50 MB input's places): never leave it behind in /tmp.
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  std::error_code ignored;
  std::filesystem::remove(dir, ignored);  // only succeeds once empty
  return r;
}

// A fresh temporary directory removed at destruction.
class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("pk-test-" + std::to_string(::getpid()) + "-" + std::to_string(next_++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }
  std::string str(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
  static inline int next_ = 0;
};

inline void write_file(const std::filesystem::path& p, const std::string& bytes) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

}  // namespace pk::testing
