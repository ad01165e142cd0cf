// Replays a fuzz corpus directory (and a few hostile built-in inputs) through a fuzz target
// under the normal compiler, so the targets run in every test build. Prints a CTest-style line.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

std::vector<std::string> builtin_inputs() {
  std::vector<std::string> inputs = {
      "", std::string(1, '\0'), "\xff\xfe\xfd", " date 2025-10-28 X\n", "<", "<<<<>>>>", "WARC/1.0\r\n",
      "\x1f\x8b\x08\x00", "<?xml version=\"1.0\"?><rss><channel><item>", "{\"url\":", "\xc3\x28\xa0\xa1",
  };
  std::string nested;
  for (int i = 0; i < 20000; ++i) nested += "<div>";
  inputs.push_back(nested);
  inputs.push_back(std::string(100000, 'A'));
  std::string berlin;
  for (int i = 0; i < 20000; ++i) berlin += "Berlin ";
  inputs.push_back(berlin);
  return inputs;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t runs = 0;
  for (const std::string& input : builtin_inputs()) {
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
    ++runs;
  }
  if (argc > 1 && std::filesystem::is_directory(argv[1])) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[1])) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      const std::string bytes = ss.str();
      LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
      ++runs;
    }
  }
  std::printf("replayed %zu inputs without a crash\n", runs);
  return 0;
}
