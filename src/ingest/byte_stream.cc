#include "byte_stream.h"

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include <fmt/format.h>

namespace pk::ingest {

namespace {

constexpr std::size_t kChunk = 64 * 1024;

class FileStream : public ByteStream {
 public:
  FileStream(std::FILE* f, std::string name, bool owned) : f_(f), name_(std::move(name)), owned_(owned) {}
  ~FileStream() override {
    if (owned_) std::fclose(f_);
  }
  std::size_t read(char* buf, std::size_t n) override {
    std::size_t got = std::fread(buf, 1, n, f_);
    if (got == 0 && std::ferror(f_) && status_.is_ok())
      status_ = Status::io_error(fmt::format("{}: read failed: {}", name_, std::strerror(errno)));
    return got;
  }
  Status status() const override { return status_; }

 private:
  std::FILE* f_;
  std::string name_;
  bool owned_;
  Status status_;
};

class MemoryStream : public ByteStream {
 public:
  explicit MemoryStream(std::string_view d) : data_(d) {}
  std::size_t read(char* buf, std::size_t n) override {
    n = std::min(n, data_.size() - pos_);
    std::memcpy(buf, data_.data() + pos_, n);
    pos_ += n;
    return n;
  }

 protected:
  std::string_view data_;
  std::size_t pos_ = 0;
};

class OwnedMemoryStream : public MemoryStream {
 public:
  explicit OwnedMemoryStream(std::string d) : MemoryStream({}), owned_(std::move(d)) { data_ = owned_; }

 private:
  std::string owned_;
};

class GzipStream : public ByteStream {
 public:
  GzipStream(std::unique_ptr<ByteStream> inner, std::string name)
      : inner_(std::move(inner)), name_(std::move(name)), in_(kChunk) {
    std::memset(&z_, 0, sizeof z_);
    inflateInit2(&z_, 16 + MAX_WBITS);
  }
  ~GzipStream() override { inflateEnd(&z_); }

  std::size_t read(char* buf, std::size_t n) override {
    if (done_) return 0;
    z_.next_out = reinterpret_cast<Bytef*>(buf);
    z_.avail_out = static_cast<uInt>(std::min<std::size_t>(n, 1u << 30));
    while (z_.next_out == reinterpret_cast<Bytef*>(buf)) {
      if (z_.avail_in == 0 && !refill()) {
        if (in_member_) fail(Status::corruption(fmt::format("{}: truncated gzip data", name_)));
        done_ = true;
        break;
      }
      if (!in_member_) {
        // Between members: only another gzip member may follow (or NUL padding).
        while (z_.avail_in > 0 && *z_.next_in == 0) { ++z_.next_in; --z_.avail_in; }
        if (z_.avail_in == 0) continue;
        if (*z_.next_in != 0x1f) {
          fail(Status::corruption(fmt::format("{}: garbage after gzip member", name_)));
          done_ = true;
          break;
        }
        inflateReset(&z_);
        in_member_ = true;
      }
      int rc = inflate(&z_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        in_member_ = false;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        fail(Status::corruption(fmt::format("{}: bad gzip data ({})", name_, z_.msg ? z_.msg : "inflate error")));
        done_ = true;
        break;
      }
    }
    return static_cast<std::size_t>(reinterpret_cast<char*>(z_.next_out) - buf);
  }
  Status status() const override { return status_.is_ok() ? inner_->status() : status_; }

 private:
  bool refill() {
    std::size_t got = inner_->read(in_.data(), in_.size());
    z_.next_in = reinterpret_cast<Bytef*>(in_.data());
    z_.avail_in = static_cast<uInt>(got);
    return got > 0;
  }
  void fail(Status s) {
    if (status_.is_ok()) status_ = std::move(s);
  }
  std::unique_ptr<ByteStream> inner_;
  std::string name_;
  std::vector<char> in_;
  z_stream z_;
  bool in_member_ = true;
  bool done_ = false;
  Status status_;
};

class ZstdStream : public ByteStream {
 public:
  ZstdStream(std::unique_ptr<ByteStream> inner, std::string name)
      : inner_(std::move(inner)), name_(std::move(name)), in_(kChunk), ctx_(ZSTD_createDStream()) {
    ZSTD_initDStream(ctx_);
  }
  ~ZstdStream() override { ZSTD_freeDStream(ctx_); }

  std::size_t read(char* buf, std::size_t n) override {
    if (done_) return 0;
    ZSTD_outBuffer out{buf, n, 0};
    while (out.pos == 0) {
      if (inb_.pos == inb_.size) {
        std::size_t got = inner_->read(in_.data(), in_.size());
        if (got == 0) {
          if (pending_) status_ = Status::corruption(fmt::format("{}: truncated zstd data", name_));
          done_ = true;
          break;
        }
        inb_ = ZSTD_inBuffer{in_.data(), got, 0};
      }
      std::size_t rc = ZSTD_decompressStream(ctx_, &out, &inb_);
      if (ZSTD_isError(rc)) {
        status_ = Status::corruption(fmt::format("{}: bad zstd data ({})", name_, ZSTD_getErrorName(rc)));
        done_ = true;
        break;
      }
      pending_ = rc != 0;
    }
    return out.pos;
  }
  Status status() const override { return status_.is_ok() ? inner_->status() : status_; }

 private:
  std::unique_ptr<ByteStream> inner_;
  std::string name_;
  std::vector<char> in_;
  ZSTD_DStream* ctx_;
  ZSTD_inBuffer inb_{nullptr, 0, 0};
  bool pending_ = false;
  bool done_ = false;
  Status status_;
};

// Lets a BufferedReader that already peeked at the magic bytes feed a decompressor.
class ReaderStream : public ByteStream {
 public:
  explicit ReaderStream(std::unique_ptr<BufferedReader> r) : r_(std::move(r)) {}
  std::size_t read(char* buf, std::size_t n) override {
    std::string_view v = r_->peek(std::min(n, kChunk));
    std::memcpy(buf, v.data(), v.size());
    r_->read_block(v.size(), nullptr, 0);
    return v.size();
  }
  Status status() const override { return r_->status(); }

 private:
  std::unique_ptr<BufferedReader> r_;
};

}  // namespace

Result<std::unique_ptr<ByteStream>> open_file_stream(const std::string& path) {
  if (path == "-") return std::unique_ptr<ByteStream>(new FileStream(stdin, "stdin", false));
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    if (errno == ENOENT) return Status::not_found(fmt::format("{}: no such file", path));
    return Status::io_error(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  }
  return std::unique_ptr<ByteStream>(new FileStream(f, path, true));
}

std::unique_ptr<ByteStream> memory_stream(std::string_view data) {
  return std::make_unique<MemoryStream>(data);
}
std::unique_ptr<ByteStream> owned_memory_stream(std::string data) {
  return std::make_unique<OwnedMemoryStream>(std::move(data));
}
std::unique_ptr<ByteStream> gzip_stream(std::unique_ptr<ByteStream> inner, std::string name) {
  return std::make_unique<GzipStream>(std::move(inner), std::move(name));
}
std::unique_ptr<ByteStream> zstd_stream(std::unique_ptr<ByteStream> inner, std::string name) {
  return std::make_unique<ZstdStream>(std::move(inner), std::move(name));
}

bool has_gzip_magic(std::string_view h) {
  return h.size() >= 2 && static_cast<unsigned char>(h[0]) == 0x1f && static_cast<unsigned char>(h[1]) == 0x8b;
}
bool has_zstd_magic(std::string_view h) {
  return h.size() >= 4 && static_cast<unsigned char>(h[0]) == 0x28 && static_cast<unsigned char>(h[1]) == 0xb5 &&
         static_cast<unsigned char>(h[2]) == 0x2f && static_cast<unsigned char>(h[3]) == 0xfd;
}

Result<std::string> inflate_buffer(std::string_view data, std::size_t max_bytes) {
  z_stream z;
  std::memset(&z, 0, sizeof z);
  // 32+: auto-detect gzip or zlib; raw deflate is retried below.
  for (int wbits : {32 + MAX_WBITS, -MAX_WBITS}) {
    std::string out;
    inflateInit2(&z, wbits);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    char buf[kChunk];
    int rc = Z_OK;
    while (rc == Z_OK && out.size() < max_bytes) {
      z.next_out = reinterpret_cast<Bytef*>(buf);
      z.avail_out = sizeof buf;
      rc = inflate(&z, Z_NO_FLUSH);
      out.append(buf, sizeof buf - z.avail_out);
      if (rc == Z_BUF_ERROR && z.avail_in == 0) break;
      if (rc == Z_BUF_ERROR) rc = Z_OK;
    }
    inflateEnd(&z);
    if (rc == Z_STREAM_END || out.size() >= max_bytes) return out.substr(0, max_bytes);
    if (rc == Z_BUF_ERROR && !out.empty()) return out;  // truncated but usable
  }
  return Status::corruption("bad gzip/deflate content encoding");
}

std::string decompress_prefix(std::string_view head, std::size_t max_bytes) {
  auto s = has_zstd_magic(head) ? zstd_stream(memory_stream(head), "") : gzip_stream(memory_stream(head), "");
  std::string out;
  char buf[4096];
  while (out.size() < max_bytes) {
    std::size_t got = s->read(buf, sizeof buf);
    if (got == 0) break;
    out.append(buf, got);
  }
  if (out.size() > max_bytes) out.resize(max_bytes);
  return out;
}

BufferedReader::BufferedReader(std::unique_ptr<ByteStream> in) : in_(std::move(in)) {}

bool BufferedReader::fill(std::size_t want) {
  if (buf_.size() - pos_ >= want) return true;
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  while (!eof_ && buf_.size() < want) {
    std::size_t old = buf_.size();
    std::size_t chunk = std::max(kChunk, want - old);
    buf_.resize(old + chunk);
    std::size_t got = in_->read(buf_.data() + old, chunk);
    buf_.resize(old + got);
    if (got == 0) eof_ = true;
  }
  return buf_.size() >= want;
}

std::string_view BufferedReader::peek(std::size_t n) {
  fill(n);
  return std::string_view(buf_).substr(pos_, n);
}

bool BufferedReader::at_end() { return !fill(1); }

bool BufferedReader::read_line(std::string& line, std::size_t max_len) {
  line.clear();
  bool any = false;
  for (;;) {
    if (pos_ >= buf_.size() && !fill(1)) return any;
    any = true;
    std::string_view avail = std::string_view(buf_).substr(pos_);
    std::size_t nl = avail.find('\n');
    std::size_t take = nl == std::string_view::npos ? avail.size() : nl;
    if (line.size() < max_len) line.append(avail.substr(0, std::min(take, max_len - line.size())));
    std::size_t used = nl == std::string_view::npos ? take : take + 1;
    pos_ += used;
    consumed_ += used;
    if (nl != std::string_view::npos) return true;
  }
}

std::size_t BufferedReader::read_block(std::size_t n, std::string* out, std::size_t keep) {
  std::size_t done = 0;
  while (done < n) {
    if (pos_ >= buf_.size() && !fill(1)) break;
    std::size_t take = std::min(n - done, buf_.size() - pos_);
    if (out && done < keep) out->append(buf_, pos_, std::min(take, keep - done));
    pos_ += take;
    consumed_ += take;
    done += take;
  }
  return done;
}

std::unique_ptr<BufferedReader> make_reader(std::unique_ptr<ByteStream> raw, const std::string& name) {
  auto r = std::make_unique<BufferedReader>(std::move(raw));
  std::string_view head = r->peek(4);
  if (has_gzip_magic(head))
    return std::make_unique<BufferedReader>(gzip_stream(std::make_unique<ReaderStream>(std::move(r)), name));
  if (has_zstd_magic(head))
    return std::make_unique<BufferedReader>(zstd_stream(std::make_unique<ReaderStream>(std::move(r)), name));
  return r;
}

Result<std::unique_ptr<BufferedReader>> open_reader(const std::string& path) {
  auto raw = open_file_stream(path);
  if (!raw) return raw.status();
  return make_reader(std::move(raw.value()), path == "-" ? "stdin" : path);
}

}  // namespace pk::ingest
