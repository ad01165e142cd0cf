// Private to the DOM builders (html_dom.cc for gumbo, html_dom_libxml2.cc for libxml2).
#pragma once

#include <cstddef>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace pk::html {

// Bump allocator owned by a Document: node text and attribute values are views into it (or into
// gumbo's parse tree, which it also holds). Freed at once, never node by node.
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    for (void* b : blocks_) std::free(b);
  }
  void* allocate(std::size_t n) {
    n = (n + 15) & ~std::size_t{15};
    if (n > kBlock / 4) {
      void* p = std::malloc(n);
      if (p) blocks_.push_back(p);
      return p;
    }
    if (used_ + n > kBlock || !current_) {
      current_ = static_cast<char*>(std::malloc(kBlock));
      if (!current_) return nullptr;
      blocks_.push_back(current_);
      used_ = 0;
    }
    void* p = current_ + used_;
    used_ += n;
    return p;
  }
  // A copy of `s` in the arena ("" if out of memory).
  std::string_view copy(std::string_view s);

 private:
  static constexpr std::size_t kBlock = 256 * 1024;
  std::vector<void*> blocks_;
  char* current_ = nullptr;
  std::size_t used_ = 0;
};

// `s` itself if valid UTF-8, else a sanitised copy in the arena.
std::string_view valid_copy(std::string_view s, Arena& arena);
// Same as valid_copy, faster on ASCII-heavy text.
std::string_view valid_text(std::string_view s, Arena& arena);
// strip_invisible(valid_copy(s)) in one pass; most text is returned as is, without a copy.
std::string_view clean_text(std::string_view s, Arena& arena);
// `s` without soft hyphens and zero-width characters (a copy in the arena only if any were found).
std::string_view strip_invisible(std::string_view s, Arena& arena);

}  // namespace pk::html
