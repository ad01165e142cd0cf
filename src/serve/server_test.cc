#include "pressekarte/serve.h"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fake_store_testing.h"

namespace pk {
namespace {

using nlohmann::json;

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = std::make_shared<serve::testing::FakeStore>();
    ASSERT_TRUE(store->put_batch({serve::testing::record("Brand in Fulda", "2025-10-28",
                                                         serve::testing::place("Fulda", 50.55, 9.68))}));
    web = std::filesystem::temp_directory_path() / ("pk_serve_web_" + std::to_string(::getpid()));
    std::filesystem::create_directories(web / "www");
    std::filesystem::create_directories(web / "node_modules" / "leaflet" / "dist");
    std::ofstream(web / "www" / "index.html") << "<!doctype html><title>Pressekarte</title>";
    std::ofstream(web / "www" / "region.html") << "<!doctype html><title>Region</title>";
    std::ofstream(web / "node_modules" / "leaflet" / "dist" / "leaflet.js") << "/* leaflet */";
    std::ofstream(web / "secret.txt") << "do not serve";
    ServerOptions o;
    o.port = 0;
    o.web_root = (web / "www").string();
    o.payload_max_bytes = 1024;
    o.cors_origins = {"https://newsroom.example"};
    ServerDeps deps;
    deps.store = store;
    server = std::make_unique<Server>(o, deps);
    ASSERT_TRUE(server->start());
    ASSERT_GT(server->port(), 0);
    client = std::make_unique<httplib::Client>("127.0.0.1", server->port());
  }
  void TearDown() override {
    server->stop();
    std::filesystem::remove_all(web);
  }
  std::filesystem::path web;
  std::unique_ptr<Server> server;
  std::unique_ptr<httplib::Client> client;
};

TEST_F(ServerTest, ServesApiAndPageWithSecurityHeaders) {
  auto r = client->Get("/api/articles?bbox=5.8,47.2,15.1,55.1");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(json::parse(r->body)["features"].size(), 1u);
  EXPECT_NE(r->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
  auto page = client->Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Pressekarte"), std::string::npos);
  auto region = client->Get("/region/2896817");
  ASSERT_TRUE(region);
  EXPECT_NE(region->body.find("Region"), std::string::npos);
  auto leaflet = client->Get("/vendor/leaflet/leaflet.js");
  ASSERT_TRUE(leaflet);
  EXPECT_EQ(leaflet->status, 200);
}

// Debian's httplib would brotli-compress every text file per request (0.22 s for leaflet.js):
// static files go out as they are, with one Content-Type.
TEST_F(ServerTest, StaticFilesAreSentUncompressedEvenIfTheBrowserAsksForBrotli) {
  std::string script;
  for (int i = 0; i < 2000; ++i) script += "var x" + std::to_string(i) + " = 'pressekarte';\n";
  std::ofstream(web / "www" / "big.js") << script;
  client->set_decompress(false);
  auto r = client->Get("/big.js", {{"Accept-Encoding", "gzip, deflate, br, zstd"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Encoding"), "");
  EXPECT_EQ(r->get_header_value_count("Content-Type"), 1u);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(r->get_header_value("Content-Length"), std::to_string(script.size()));
  EXPECT_EQ(r->body, script);
  auto vendor = client->Get("/vendor/leaflet/leaflet.js", {{"Accept-Encoding", "br"}});
  ASSERT_TRUE(vendor);
  EXPECT_EQ(vendor->body, "/* leaflet */");
  EXPECT_NE(vendor->get_header_value("Cache-Control").find("max-age="), std::string::npos);
}

TEST_F(ServerTest, DirectoryTraversalIsImpossible) {
  for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/vendor/leaflet/../../../secret.txt",
                           "/vendor/leaflet/%2e%2e/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt",
                           "/region/..%2f..%2fsecret.txt"}) {
    auto r = client->Get(path);
    if (!r) continue;  // refusing the request outright is fine too
    EXPECT_NE(r->status, 200) << path;
    EXPECT_EQ(r->body.find("do not serve"), std::string::npos) << path;
  }
}

TEST_F(ServerTest, ErrorsAreJson) {
  auto r = client->Get("/api/clusters?zoom=99");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_TRUE(json::parse(r->body)["error"].is_string());
  auto missing = client->Get("/no/such/file.js");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_TRUE(json::parse(missing->body)["error"].is_string());
  std::string big(64 * 1024, 'x');
  auto post = client->Post("/api/geoparse", big, "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 413);
  EXPECT_TRUE(json::parse(post->body)["error"].is_string()) << post->body;
  auto bad = client->Get("/api/articles?bbox=%ZZ,1,2,3");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
}

TEST_F(ServerTest, CorsOnlyForConfiguredOrigins) {
  auto ok = client->Get("/api/articles", {{"Origin", "https://newsroom.example"}});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->get_header_value("Access-Control-Allow-Origin"), "https://newsroom.example");
  auto other = client->Get("/api/articles", {{"Origin", "https://evil.example"}});
  ASSERT_TRUE(other);
  EXPECT_FALSE(other->has_header("Access-Control-Allow-Origin"));
}

TEST_F(ServerTest, MetricsCountRequests) {
  // Asked right after the other requests: they must already be counted (a CI run once read
  // /metrics before the counter of the previous request was written).
  ASSERT_TRUE(client->Get("/healthz"));
  ASSERT_TRUE(client->Get("/no-such-file.js"));
  auto m = client->Get("/metrics");
  ASSERT_TRUE(m);
  EXPECT_NE(m->body.find("pk_http_requests_total{route=\"/healthz\",status=\"200\"} 1"), std::string::npos) << m->body;
  EXPECT_NE(m->body.find("status=\"404\"} 1"), std::string::npos) << m->body;
}

// Regression: with a fixed pool, kept-alive connections beyond the worker count waited for an
// earlier connection to close (p99 ≈ 1 s under `wrk -c64`). Every client holds its connection
// open between two requests here; all of them must be answered without waiting for the
// keep-alive timeout.
TEST(ServerPoolTest, KeptAliveConnectionsBeyondTheReadyWorkersAreServed) {
  auto store = std::make_shared<serve::testing::FakeStore>();
  ServerOptions o;
  o.port = 0;
  o.threads = 2;
  o.max_threads = 64;
  o.keep_alive_seconds = 5;
  ServerDeps deps;
  deps.store = store;
  Server server(o, deps);
  ASSERT_TRUE(server.start());
  constexpr int kClients = 16;
  std::vector<std::unique_ptr<httplib::Client>> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.push_back(std::make_unique<httplib::Client>("127.0.0.1", server.port()));
    clients.back()->set_keep_alive(true);
  }
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (auto& c : clients)
    threads.emplace_back([&c, &ok] {
      for (int k = 0; k < 2; ++k) {
        auto r = c->Get("/healthz");
        if (r && r->status == 200) ++ok;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));  // connection stays open
      }
    });
  for (auto& t : threads) t.join();
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(ok, 2 * kClients);
  EXPECT_LT(secs, 3.0) << "connections queued behind kept-alive ones (5 s keep-alive)";
  clients.clear();  // closes the connections, so stop() need not wait for their keep-alive
  server.stop();
}

}  // namespace
}  // namespace pk
