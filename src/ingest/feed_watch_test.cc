// The watcher against a cpp-httplib server on 127.0.0.1 started here (never the internet).
#include "pressekarte/feed_watch.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <thread>

namespace pk::ingest {
namespace {

const char* kFeed = R"(<rss version="2.0"><channel><title>Lokal</title>
<item><title>Eins</title><link>http://local/1</link><description>Text eins</description></item>
<item><title>Zwei</title><link>http://local/2</link><description>Text zwei</description></item>
</channel></rss>)";

class LocalServer {
 public:
  LocalServer() {
    svr_.Get("/feed.xml", [this](const httplib::Request& req, httplib::Response& res) {
      ++hits_;
      if (req.get_header_value("If-None-Match") == "\"v1\"") {
        ++conditional_;
        res.status = 304;
        return;
      }
      res.set_header("ETag", "\"v1\"");
      res.set_content(kFeed, "application/rss+xml");
    });
    // Like python's http.server: Last-Modified, then a bare 304 for If-Modified-Since.
    svr_.Get("/modified.xml", [this](const httplib::Request& req, httplib::Response& res) {
      ++hits_;
      if (!req.get_header_value("If-Modified-Since").empty()) {
        ++conditional_;
        res.status = 304;
        return;
      }
      res.set_header("Last-Modified", "Fri, 27 Nov 2026 10:00:00 GMT");
      res.set_content(kFeed, "application/rss+xml");
    });
    svr_.Get("/moved.xml", [](const httplib::Request&, httplib::Response& res) {
      res.status = 301;
      res.set_header("Location", "/modified.xml");
    });
    svr_.Get("/broken.xml", [this](const httplib::Request&, httplib::Response& res) {
      ++hits_;
      res.status = 500;
    });
    port_ = svr_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { svr_.listen_after_bind(); });
    while (!svr_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~LocalServer() {
    svr_.stop();
    thread_.join();
  }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  std::atomic<int> hits_{0}, conditional_{0};

 private:
  httplib::Server svr_;
  int port_ = 0;
  std::thread thread_;
};

TEST(FeedWatch, ConditionalGetAndBackoff) {
  LocalServer server;
  FeedWatchOptions opt;
  opt.min_host_delay_ms = 10;
  WatchedFeed good{server.url("/feed.xml"), 60, false};
  WatchedFeed bad{server.url("/broken.xml"), 60, false};
  FeedWatcher watcher({good, bad}, opt);
  std::vector<RawDocument> docs;
  std::vector<std::string> warnings;
  auto sink = [&](RawDocument&& d) { docs.push_back(std::move(d)); };
  auto warn = [&](const Status& s) { warnings.push_back(s.message()); };

  EXPECT_EQ(watcher.poll_once(sink, warn, /*force=*/true), 2u);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].url, "http://local/1");
  EXPECT_EQ(docs[0].outlet_hint, "Lokal");
  EXPECT_EQ(watcher.state(good.url).etag, "\"v1\"");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("HTTP 500"), std::string::npos);
  const FeedState& b = watcher.state(bad.url);
  EXPECT_EQ(b.failures, 1);
  EXPECT_GE(b.next_poll - std::time(nullptr), 100);  // backed off beyond the 60 s interval

  EXPECT_EQ(watcher.poll_once(sink, warn, /*force=*/true), 0u);
  EXPECT_EQ(server.conditional_.load(), 1);  // second poll sent If-None-Match and got 304
  EXPECT_EQ(watcher.state(bad.url).failures, 2);
  EXPECT_GT(watcher.state(bad.url).next_poll, b.next_poll - 1);

  // Not forced: nothing is due yet, so no request at all.
  int before = server.hits_.load();
  EXPECT_EQ(watcher.poll_once(sink, warn), 0u);
  EXPECT_EQ(server.hits_.load(), before);
}

// Regression: with httplib's follow_location a bare 304 failed as "request failed (Unknown)".
TEST(FeedWatch, NotModifiedAfterRedirectIsNoError) {
  LocalServer server;
  FeedWatchOptions opt;
  opt.min_host_delay_ms = 1;
  WatchedFeed moved{server.url("/moved.xml"), 60, false};
  FeedWatcher watcher({moved}, opt);
  std::vector<RawDocument> docs;
  std::vector<std::string> warnings;
  auto sink = [&](RawDocument&& d) { docs.push_back(std::move(d)); };
  auto warn = [&](const Status& s) { warnings.push_back(s.message()); };
  EXPECT_EQ(watcher.poll_once(sink, warn, /*force=*/true), 2u);
  EXPECT_EQ(watcher.poll_once(sink, warn, /*force=*/true), 0u);
  EXPECT_EQ(server.conditional_.load(), 1);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  EXPECT_EQ(watcher.state(moved.url).failures, 0);
}

TEST(FeedWatch, ParsesFeedsToml) {
  auto f = parse_feeds_toml("# feeds\n[[feed]]\nurl = \"http://a.example/rss\"\ninterval = 120\n\n[[feed]]\n"
                            "url = \"https://b.example/atom\"\nfetch_pages = true\n");
  ASSERT_TRUE(f.is_ok()) << f.status().to_string();
  ASSERT_EQ(f->size(), 2u);
  EXPECT_EQ((*f)[0].interval_seconds, 120);
  EXPECT_TRUE((*f)[1].fetch_pages);
  EXPECT_FALSE(parse_feeds_toml("[[feed]]\nurl = \"ftp://x\"\n").is_ok());
  EXPECT_FALSE(parse_feeds_toml("").is_ok());
}

}  // namespace
}  // namespace pk::ingest
