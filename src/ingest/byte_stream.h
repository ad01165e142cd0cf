// Streaming byte sources for the readers: files, stdin, memory, and gzip/zstd decompression on
// top of any of them. Everything reads in fixed-size chunks so multi-GB inputs use constant memory.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "pressekarte/status.h"

namespace pk::ingest {

// A forward-only byte source. read() returns 0 at the end; a problem (truncated gzip, I/O error)
// ends the stream early and is then reported by status(). Bytes delivered before the problem stay
// valid, so readers can emit everything that came before the damage.
class ByteStream {
 public:
  virtual ~ByteStream() = default;
  virtual std::size_t read(char* buf, std::size_t n) = 0;
  virtual Status status() const { return Status::ok(); }
};

// Opens `path` ("-" = stdin). Errors name the path.
Result<std::unique_ptr<ByteStream>> open_file_stream(const std::string& path);
// A stream over `data` (the caller keeps `data` alive).
std::unique_ptr<ByteStream> memory_stream(std::string_view data);
// A stream over an owned string.
std::unique_ptr<ByteStream> owned_memory_stream(std::string data);
// Decompresses gzip (any number of concatenated members, e.g. one per WARC record).
std::unique_ptr<ByteStream> gzip_stream(std::unique_ptr<ByteStream> inner, std::string name);
// Decompresses zstd (any number of concatenated frames).
std::unique_ptr<ByteStream> zstd_stream(std::unique_ptr<ByteStream> inner, std::string name);

bool has_gzip_magic(std::string_view head);
bool has_zstd_magic(std::string_view head);

// Decompresses a whole in-memory gzip/zlib/deflate buffer (HTTP Content-Encoding), stopping at
// `max_bytes` of output. Fails on corrupt data.
Result<std::string> inflate_buffer(std::string_view data, std::size_t max_bytes);
// Decompresses as much of a gzip or zstd prefix as possible (for format detection on a file head).
std::string decompress_prefix(std::string_view head, std::size_t max_bytes);

// Buffered reading with lookahead, lines and exact-length blocks on top of a ByteStream.
class BufferedReader {
 public:
  explicit BufferedReader(std::unique_ptr<ByteStream> in);

  // Up to `n` bytes ahead without consuming them (fewer only at the end of the stream).
  std::string_view peek(std::size_t n);
  // Reads one line without its "\n" (a trailing "\r" is kept). Lines longer than `max_len` are
  // cut at max_len (the rest is consumed). Returns false at the end of the stream.
  bool read_line(std::string& line, std::size_t max_len = 1u << 20);
  // Consumes `n` bytes, appending at most `keep` of them to *out (out may be null).
  // Returns the number of bytes consumed (< n only at the end of the stream).
  std::size_t read_block(std::size_t n, std::string* out, std::size_t keep);
  bool at_end();
  // Total bytes consumed so far.
  std::size_t offset() const { return consumed_; }
  Status status() const { return in_->status(); }

 private:
  bool fill(std::size_t want);
  std::unique_ptr<ByteStream> in_;
  std::string buf_;
  std::size_t pos_ = 0;
  std::size_t consumed_ = 0;
  bool eof_ = false;
};

// Opens `path`, unwrapping gzip/zstd by magic bytes (never by file name).
Result<std::unique_ptr<BufferedReader>> open_reader(const std::string& path);
// Same over a stream whose compression is unknown.
std::unique_ptr<BufferedReader> make_reader(std::unique_ptr<ByteStream> raw, const std::string& name);

}  // namespace pk::ingest
