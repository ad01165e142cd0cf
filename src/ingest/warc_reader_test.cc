#include <gtest/gtest.h>
#include <zlib.h>
#include <zstd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include <fmt/format.h>

#include "pressekarte/ingest.h"
#include "ingest_test_util.h"

namespace pk {
namespace {

ReadOutcome read(const std::string& path, const ReadOptions& o = {}) { return read_all(path, o); }

std::string shared(const std::string& rel) { return std::string(PK_SHARED_DIR) + "/" + rel; }

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / fmt::format("pk_warc_test_{}_{}", ::getpid(), name)).string();
}

void write_file(const std::string& path, std::string_view data) {
  std::ofstream f(path, std::ios::binary);
  f.write(data.data(), static_cast<std::streamsize>(data.size()));
}

using warc_test::gzip_member;
using warc_test::http_response;
using warc_test::warc_record;
using warc_test::zstd_frame;

// Every fixture in ../shared/eval/warc is either read or rejected with a clear message.
// Expected counts: response/resource records with a 2xx text payload, as warcio iterates them.
TEST(WarcFixtures, EveryFileReadOrRejected) {
  struct Expect {
    std::size_t docs;
    bool warnings;  // at least one warning expected
  };
  const std::map<std::string, Expect> expected = {
      {"example.warc", {1, false}},
      {"example.warc.gz", {1, false}},
      {"example-trunc.warc", {1, true}},            // the record after the response is cut off
      {"example-iana.org-chunked.warc", {1, false}},
      {"example-digest.warc", {0, false}},          // request records only
      {"example-resource.warc.gz", {1, false}},
      {"example-space-in-target-uri.warc.gz", {0, false}},  // an image resource
      {"example-wget-bad-target-uri.warc.gz", {1, false}},  // + wget log resources, skipped
      {"example-wrong-chunks.warc.gz", {1, false}},
      {"example-bad-non-chunked.warc.gz", {1, false}},
      {"example-bad.warc.gz.bad", {1, false}},  // second response is a 302
      {"post-test.warc.gz", {0, false}},  // 3 responses, all application/json
      {"example.arc", {1, false}},
      {"example.arc.gz", {1, false}},
      {"example-space-in-url.arc", {1, true}},  // last record 12 bytes short
      {"bad.arc", {0, true}},
  };
  std::size_t seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(shared("eval/warc"))) {
    const std::string name = entry.path().filename().string();
    if (name.find("arc") == std::string::npos) continue;  // LICENSE, README, SOURCE_COMMIT
    ++seen;
    SCOPED_TRACE(name);
    ReadOutcome o = read(entry.path().string());
    for (auto& w : o.warnings) std::fprintf(stderr, "  %s warning: %s\n", name.c_str(), w.c_str());
    auto it = expected.find(name);
    ASSERT_NE(it, expected.end()) << "new fixture without an expectation";
    EXPECT_TRUE(o.status.is_ok()) << o.status.to_string();
    EXPECT_EQ(o.docs.size(), it->second.docs);
    EXPECT_EQ(!o.warnings.empty(), it->second.warnings);
    for (const auto& d : o.docs) {
      EXPECT_FALSE(d.body.empty());
      EXPECT_NE(d.source.find("#record-"), std::string::npos);
      EXPECT_TRUE(d.format == "html" || d.format == "text") << d.format;
    }
  }
  EXPECT_EQ(seen, expected.size());
}

TEST(WarcFixtures, ResponseHeadersStrippedAndGzipDecoded) {
  ReadOutcome o = read(shared("eval/warc/example.warc.gz"));
  ASSERT_EQ(o.docs.size(), 1u);
  const RawDocument& d = o.docs[0];
  EXPECT_EQ(d.url, "http://example.com/");
  EXPECT_EQ(d.format, "html");
  EXPECT_NE(d.content_type.find("text/html"), std::string::npos);
  EXPECT_EQ(d.body.rfind("HTTP/", 0), std::string::npos);
  EXPECT_NE(d.body.find("<title>Example Domain</title>"), std::string::npos);
}

TEST(WarcFixtures, ChunkedPayloadIsDechunked) {
  ReadOutcome o = read(shared("eval/warc/example-iana.org-chunked.warc"));
  ASSERT_EQ(o.docs.size(), 1u);
  EXPECT_NE(o.docs[0].body.find("<html"), std::string::npos);
  EXPECT_EQ(o.docs[0].body.find("\r\n0\r\n"), std::string::npos);
}

TEST(WarcGenerated, GzipPerRecordAndWholeFileAndZstd) {
  std::string r1 = warc_record("warcinfo", "", "software: test\r\n", "application/warc-fields");
  std::string r2 = warc_record("response", "http://a.example/1", http_response("<html><body><p>Eins</p></body></html>"));
  std::string r3 = warc_record("request", "http://a.example/1", "GET /1 HTTP/1.1\r\n\r\n", "application/http; msgtype=request");
  std::string r4 = warc_record("resource", "http://a.example/2.txt", "Zwei Text", "text/plain");
  std::string plain = r1 + r2 + r3 + r4;
  std::string per_record = gzip_member(r1) + gzip_member(r2) + gzip_member(r3) + gzip_member(r4);
  std::string zst = zstd_frame(plain);
  for (auto& [name, data] : std::vector<std::pair<std::string, std::string>>{
           {"plain", plain}, {"per-record.gz", per_record}, {"whole.gz", gzip_member(plain)}, {"zst", zst}}) {
    SCOPED_TRACE(name);
    std::string p = temp_path(name);
    write_file(p, data);
    ReadOutcome o = read(p);
    EXPECT_TRUE(o.status.is_ok()) << o.status.to_string();
    ASSERT_EQ(o.docs.size(), 2u);
    EXPECT_EQ(o.docs[0].url, "http://a.example/1");
    EXPECT_EQ(o.docs[0].body, "<html><body><p>Eins</p></body></html>");
    EXPECT_EQ(o.docs[1].format, "text");
    EXPECT_EQ(o.docs[1].body, "Zwei Text");
    EXPECT_TRUE(o.warnings.empty());
    std::filesystem::remove(p);
  }
}

TEST(WarcGenerated, TruncatedGzipKeepsRecordsBeforeTheDamage) {
  std::string data;
  for (int i = 0; i < 5; ++i)
    data += gzip_member(warc_record("response", fmt::format("http://a.example/{}", i),
                                    http_response(fmt::format("<html><p>Artikel {}</p></html>", i))));
  data.resize(data.size() - 30);  // cut into the last member
  std::string p = temp_path("trunc.gz");
  write_file(p, data);
  ReadOutcome o = read(p);
  EXPECT_TRUE(o.status.is_ok());
  EXPECT_EQ(o.docs.size(), 4u);
  ASSERT_FALSE(o.warnings.empty());
  bool mentions_gzip = false;
  for (auto& w : o.warnings) mentions_gzip |= w.find("truncated") != std::string::npos;
  EXPECT_TRUE(mentions_gzip);
  std::filesystem::remove(p);
}

TEST(WarcGenerated, LyingContentLengthSkipsOnlyThatRecord) {
  std::string good1 = warc_record("response", "http://a.example/1", http_response("<html><p>Eins</p></html>"));
  std::string bad = warc_record("response", "http://a.example/2", http_response("<html><p>Zwei</p></html>"));
  const std::size_t at = bad.find("Content-Length: ") + std::string("Content-Length: ").size();
  bad.replace(at, bad.find('\r', at) - at, "40");  // the real block is longer
  std::string good3 = warc_record("response", "http://a.example/3", http_response("<html><p>Drei</p></html>"));
  std::string p = temp_path("lying.warc");
  write_file(p, good1 + bad + good3);
  ReadOutcome o = read(p);
  EXPECT_TRUE(o.status.is_ok());
  ASSERT_EQ(o.docs.size(), 2u);
  EXPECT_EQ(o.docs[0].url, "http://a.example/1");
  EXPECT_EQ(o.docs[1].url, "http://a.example/3");
  ASSERT_FALSE(o.warnings.empty());
  EXPECT_NE(o.warnings[0].find("Content-Length"), std::string::npos);
  std::filesystem::remove(p);
}

TEST(WarcGenerated, OversizedRecordSkippedWithWarning) {
  std::string big(5000, 'x');
  std::string p = temp_path("big.warc");
  write_file(p, warc_record("response", "http://a.example/big", http_response("<html>" + big + "</html>")) +
                    warc_record("response", "http://a.example/small", http_response("<html>klein</html>")));
  ReadOptions opt;
  opt.max_document_bytes = 1000;
  ReadOutcome o = read(p, opt);
  ASSERT_EQ(o.docs.size(), 1u);
  EXPECT_EQ(o.docs[0].url, "http://a.example/small");
  EXPECT_EQ(o.warnings.size(), 1u);
  std::filesystem::remove(p);
}

TEST(WarcGenerated, ContentEncodingGzipInsideHttp) {
  std::string html = "<html><body><p>Komprimiert</p></body></html>";
  std::string gz = gzip_member(html);
  std::string resp = fmt::format("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n{}", gz);
  std::string p = temp_path("ce.warc");
  write_file(p, warc_record("response", "http://a.example/gz", resp));
  ReadOutcome o = read(p);
  ASSERT_EQ(o.docs.size(), 1u);
  EXPECT_EQ(o.docs[0].body, html);
  std::filesystem::remove(p);
}

}  // namespace
}  // namespace pk
