#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ingest_test_util.h"
#include "pressekarte/ingest.h"
#include "pressekarte/model_json.h"

namespace pk {
namespace {

namespace fs = std::filesystem;

ReadOutcome read(const std::string& path, const ReadOptions& o = {}) { return read_all(path, o); }

class TempDir {
 public:
  TempDir() : dir_(fs::temp_directory_path() / fmt::format("pk_ingest_test_{}_{}", ::getpid(), counter_++)) {
    fs::create_directories(dir_);
  }
  ~TempDir() { fs::remove_all(dir_); }
  std::string write(const std::string& name, std::string_view data) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream f(p, std::ios::binary);
    f.write(data.data(), static_cast<std::streamsize>(data.size()));
    return p.string();
  }
  std::string path() const { return dir_.string(); }

 private:
  static inline int counter_ = 0;
  fs::path dir_;
};

const std::string kSeed = std::string(PK_SHARED_DIR) + "/fixtures/crawl/2025-10-28-tokio-allianz.txt";

TEST(DetectFormat, ByContent) {
  EXPECT_EQ(detect_format(" date 2025-10-28 Regionale Nachrichten\nText"), "crawl-text");
  EXPECT_EQ(detect_format(" date 2025-10-28\nText"), "crawl-text");
  EXPECT_EQ(detect_format(" date 2025-10-2 x\n"), "text");
  EXPECT_EQ(detect_format("WARC/1.1\r\nWARC-Type: warcinfo\r\n"), "warc");
  EXPECT_EQ(detect_format("filedesc://x.arc 0.0.0.0 20140216050221 text/plain 75\n"), "warc");
  EXPECT_EQ(detect_format("<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\"><channel/></rss>"), "rss");
  EXPECT_EQ(detect_format("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), "rss");
  EXPECT_EQ(detect_format("<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">"), "rss");
  EXPECT_EQ(detect_format("\xEF\xBB\xBF<!DOCTYPE html><html><body>x</body></html>"), "html");
  EXPECT_EQ(detect_format("<html lang=de><p>Hallo</p>"), "html");
  EXPECT_EQ(detect_format("  <div><p>Fragment</p></div>"), "html");
  EXPECT_EQ(detect_format("{\"url\": \"http://x\", \"text\": \"t\"}\n{\"a\":1}\n"), "jsonl");
  EXPECT_EQ(detect_format("Ein ganz normaler Text.\nZweite Zeile."), "text");
  EXPECT_EQ(detect_format("Stra\xDF" "e in K\xF6ln"), "text");  // Latin-1 is still text
  EXPECT_EQ(detect_format(std::string_view("\x7f" "ELF\x02\x01\x01\0\0\0", 10)), "");
  EXPECT_EQ(detect_format(""), "");
}

TEST(DetectFormat, LooksInsideGzip) {
  // gzip of "WARC/1.0\r\n" made with Python's gzip.compress (mtime 0).
  const unsigned char gz[] = {0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x0b, 0x77, 0x0c, 0x72, 0xd6, 0x37, 0xd4, 0x33, 0xe0, 0xe5, 0x02, 0x00, 0x47, 0xf5, 0x0d, 0x48, 0x0a, 0x00, 0x00, 0x00};
  EXPECT_EQ(detect_format(std::string_view(reinterpret_cast<const char*>(gz), sizeof gz)), "warc");
}

TEST(ReadInput, SeedCrawlText) {
  ReadOutcome o = read(kSeed);
  ASSERT_TRUE(o.status.is_ok()) << o.status.to_string();
  ASSERT_EQ(o.docs.size(), 1u);
  EXPECT_EQ(o.docs[0].format, "crawl-text");
  EXPECT_EQ(o.docs[0].date_hint, "2025-10-28");
  EXPECT_EQ(o.docs[0].source, kSeed);
  EXPECT_EQ(o.docs[0].body.rfind(" date 2025-10-28 Regionale Nachrichten", 0), 0u);
  EXPECT_TRUE(o.warnings.empty());
}

TEST(ReadInput, ConcatenatedCrawlTextIsSplit) {
  TempDir dir;
  std::string p = dir.write("dump", " date 2025-10-28 Seite A\nErster Artikel.\n"
                                    " date 2025-10-29\nZweiter Artikel.\n  date 2025-10-30 nicht am Zeilenanfang\n"
                                    " date 2025-10-31 Seite C\nDritter.\n");
  ReadOutcome o = read(p);
  ASSERT_EQ(o.docs.size(), 3u);
  EXPECT_EQ(o.docs[0].body, " date 2025-10-28 Seite A\nErster Artikel.\n");
  EXPECT_EQ(o.docs[1].date_hint, "2025-10-29");
  EXPECT_NE(o.docs[1].body.find("nicht am Zeilenanfang"), std::string::npos);
  EXPECT_EQ(o.docs[2].date_hint, "2025-10-31");
  EXPECT_EQ(o.docs[0].source, p + "#doc-1");
  EXPECT_EQ(o.docs[2].source, p + "#doc-3");
}

TEST(ReadInput, JsonLinesWithBadLine) {
  TempDir dir;
  nlohmann::json a = {{"url", "https://a.example/1"}, {"title", "Eins"}, {"text", "Text eins"},
                      {"date", "Tue, 28 Oct 2025 10:00:00 +0100"}, {"author", "A. Autor"}, {"lat", 50.5}, {"lon", 9.7}};
  nlohmann::json b = {{"url", "https://a.example/2"}, {"html", "<p>Zwei</p>"}};
  Article art;
  art.url = "https://a.example/3";
  art.title = "Drei";
  art.paragraphs = {"Absatz"};
  std::string p = dir.write("x.jsonl", a.dump() + "\n{not json\n\n" + b.dump() + "\n" + to_json(art).dump() +
                                           "\n{\"url\": \"https://a.example/4\"}\n");
  ReadOutcome o = read(p);
  ASSERT_TRUE(o.status.is_ok());
  ASSERT_EQ(o.docs.size(), 3u);
  EXPECT_EQ(o.docs[0].format, "text");
  EXPECT_EQ(o.docs[0].body, "Text eins");
  EXPECT_EQ(o.docs[0].title_hint, "Eins");
  EXPECT_EQ(o.docs[0].date_hint, "2025-10-28T10:00:00+01:00");
  EXPECT_EQ(o.docs[0].author_hint, "A. Autor");
  EXPECT_DOUBLE_EQ(*o.docs[0].lat_hint, 50.5);
  EXPECT_EQ(o.docs[1].format, "html");
  EXPECT_EQ(o.docs[2].format, "article");
  EXPECT_EQ(article_from_json(nlohmann::json::parse(o.docs[2].body)).title, "Drei");
  ASSERT_EQ(o.warnings.size(), 2u);
  EXPECT_NE(o.warnings[0].find("line 2"), std::string::npos);
  EXPECT_NE(o.warnings[1].find("line 6"), std::string::npos);
}

TEST(ReadInput, Errors) {
  TempDir dir;
  ReadOutcome missing = read(dir.path() + "/nope.txt");
  EXPECT_EQ(missing.status.code(), Status::Code::kNotFound);
  EXPECT_NE(missing.status.message().find("nope.txt"), std::string::npos);
  ReadOutcome empty = read(dir.write("empty.txt", ""));
  EXPECT_FALSE(empty.status.is_ok());
  EXPECT_NE(empty.status.message().find("empty input"), std::string::npos);
  ReadOutcome binary = read(dir.write("x.bin", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)));
  EXPECT_FALSE(binary.status.is_ok());
  EXPECT_NE(binary.status.message().find("looks binary"), std::string::npos);
  ReadOptions bad;
  bad.format = "docx";
  EXPECT_FALSE(read(kSeed, bad).status.is_ok());
}

TEST(ReadInput, FormatNotDecidedByFileName) {
  TempDir dir;
  std::string p = dir.write("feed.html", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
                                         "<item><title>Hallo</title><link>http://x/1</link></item></channel></rss>");
  ReadOutcome o = read(p);
  ASSERT_EQ(o.docs.size(), 1u);
  EXPECT_EQ(o.docs[0].title_hint, "Hallo");
  std::string h = dir.write("page.txt", "<!DOCTYPE html><html><body><p>x</p></body></html>");
  ReadOutcome oh = read(h);
  ASSERT_EQ(oh.docs.size(), 1u);
  EXPECT_EQ(oh.docs[0].format, "html");
}

TEST(ReadInput, OversizedDocumentSkipped) {
  TempDir dir;
  std::string p = dir.write("big.html", "<html>" + std::string(5000, 'x') + "</html>");
  ReadOptions o;
  o.max_document_bytes = 1000;
  ReadOutcome r = read(p, o);
  EXPECT_TRUE(r.status.is_ok());
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("limit"), std::string::npos);
}

TEST(ExpandInputs, RecursiveSortedHiddenSkipped) {
  TempDir dir;
  dir.write("b/2.txt", "x");
  dir.write("a/1.txt", "x");
  dir.write("a/.hidden.txt", "x");
  dir.write(".git/config", "x");
  dir.write("c.txt", "x");
  auto r = expand_inputs({dir.path(), "-"});
  ASSERT_TRUE(r.is_ok());
  std::vector<std::string> want = {dir.path() + "/a/1.txt", dir.path() + "/b/2.txt", dir.path() + "/c.txt", "-"};
  EXPECT_EQ(*r, want);
  auto bad = expand_inputs({dir.path() + "/missing"});
  EXPECT_EQ(bad.status().code(), Status::Code::kNotFound);
}

TEST(ExpandInputs, TenThousandFiles) {
  TempDir dir;
  for (int i = 0; i < 10000; ++i) dir.write(fmt::format("d{}/f{:05}.txt", i % 10, i), "");
  auto r = expand_inputs({dir.path()});
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->size(), 10000u);
  EXPECT_TRUE(std::is_sorted(r->begin(), r->end()));
}

}  // namespace
}  // namespace pk
