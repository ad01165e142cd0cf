#include "pressekarte/feed_watch.h"

#include <httplib.h>

#include <ctime>
#include <fstream>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "feed_parser.h"

namespace pk::ingest {

namespace {

std::int64_t now_seconds() { return static_cast<std::int64_t>(std::time(nullptr)); }

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

// "http://host:port/path?q" → {"http://host:port", "/path?q"}.
std::pair<std::string, std::string> split_url(const std::string& url) {
  std::size_t scheme = url.find("://");
  std::size_t slash = scheme == std::string::npos ? std::string::npos : url.find('/', scheme + 3);
  if (slash == std::string::npos) return {url, "/"};
  return {url.substr(0, slash), url.substr(slash)};
}

}  // namespace

Result<std::vector<WatchedFeed>> parse_feeds_toml(std::string_view text) {
  std::vector<WatchedFeed> feeds;
  std::istringstream in{std::string(text)};
  std::string line;
  int line_no = 0;
  bool in_feed = false;
  while (std::getline(in, line)) {
    ++line_no;
    std::string t = trim(line.substr(0, line.find('#')));
    if (t.empty()) continue;
    if (t == "[[feed]]" || t == "[[feeds]]" || t == "[[feeds.feed]]") {
      feeds.emplace_back();
      in_feed = true;
      continue;
    }
    if (t.front() == '[') {
      in_feed = false;
      continue;
    }
    if (!in_feed) continue;
    std::size_t eq = t.find('=');
    if (eq == std::string::npos) return Status::invalid(fmt::format("feeds line {}: expected key = value", line_no));
    std::string key = trim(t.substr(0, eq)), value = trim(t.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    if (key == "url") feeds.back().url = value;
    else if (key == "interval") feeds.back().interval_seconds = std::max(10, std::atoi(value.c_str()));
    else if (key == "fetch_pages") feeds.back().fetch_pages = value == "true";
  }
  for (const auto& f : feeds)
    if (f.url.rfind("http://", 0) != 0 && f.url.rfind("https://", 0) != 0)
      return Status::invalid(fmt::format("feed url '{}' is not http(s)", f.url));
  if (feeds.empty()) return Status::invalid("no [[feed]] with a url found");
  return feeds;
}

FeedWatcher::FeedWatcher(std::vector<WatchedFeed> feeds, FeedWatchOptions options)
    : feeds_(std::move(feeds)), options_(std::move(options)) {}

Status FeedWatcher::load_state() {
  if (options_.state_file.empty()) return Status::ok();
  std::ifstream f(options_.state_file);
  if (!f) return Status::ok();  // first run
  std::stringstream ss;
  ss << f.rdbuf();
  auto j = nlohmann::json::parse(ss.str(), nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return Status::corruption(fmt::format("{}: watch state is not a JSON object", options_.state_file));
  for (auto& [url, s] : j.items()) {
    FeedState st;
    st.etag = s.value("etag", "");
    st.last_modified = s.value("last_modified", "");
    st.failures = s.value("failures", 0);
    st.next_poll = s.value("next_poll", std::int64_t{0});
    if (s.contains("seen"))
      for (const auto& u : s["seen"]) st.seen.insert(u.get<std::string>());
    state_[url] = std::move(st);
  }
  return Status::ok();
}

Status FeedWatcher::save_state() const {
  if (options_.state_file.empty()) return Status::ok();
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [url, s] : state_)
    j[url] = {{"etag", s.etag}, {"last_modified", s.last_modified}, {"failures", s.failures},
              {"next_poll", s.next_poll}, {"seen", s.seen}};
  std::string tmp = options_.state_file + ".tmp";
  {
    std::ofstream f(tmp);
    f << j.dump(1);
    if (!f) return Status::io_error(fmt::format("{}: cannot write watch state", tmp));
  }
  if (std::rename(tmp.c_str(), options_.state_file.c_str()) != 0)
    return Status::io_error(fmt::format("{}: cannot replace watch state", options_.state_file));
  return Status::ok();
}

void FeedWatcher::wait_for_host(const std::string& host) {
  auto it = last_request_.find(host);
  auto now = std::chrono::steady_clock::now();
  if (it != last_request_.end()) {
    auto ready = it->second + std::chrono::milliseconds(options_.min_host_delay_ms);
    if (ready > now) std::this_thread::sleep_for(ready - now);
  }
  last_request_[host] = std::chrono::steady_clock::now();
}

std::size_t FeedWatcher::poll_once(const DocumentSink& sink, const WarningSink& warn, bool force) {
  std::size_t fresh = 0;
  for (const auto& feed : feeds_) {
    FeedState& st = state_[feed.url];
    const std::int64_t now = now_seconds();
    if (!force && st.next_poll > now) continue;
    auto fail = [&](const std::string& why) {
      ++st.failures;
      int backoff = std::min(options_.max_backoff_seconds, feed.interval_seconds << std::min(st.failures, 12));
      st.next_poll = now + backoff;
      warn(Status::io_error(fmt::format("{}: {}; next try in {} s", feed.url, why, backoff)));
    };
    // Redirects are followed by hand: httplib 0.11 treats a 304 as a redirect when
    // follow_location is on and then fails for want of a Location header.
    std::string url = feed.url;
    std::string body;
    bool too_big = false;
    httplib::Result res{nullptr, httplib::Error::Unknown};
    for (int hop = 0; hop < 5; ++hop) {
      auto [host, path] = split_url(url);
      wait_for_host(host);
      httplib::Client client(host);
      client.set_connection_timeout(options_.timeout_seconds, 0);
      client.set_read_timeout(options_.timeout_seconds, 0);
      httplib::Headers headers = {{"User-Agent", "Pressekarte/0.1 (feed watcher)"}};
      if (!st.etag.empty()) headers.emplace("If-None-Match", st.etag);
      if (!st.last_modified.empty()) headers.emplace("If-Modified-Since", st.last_modified);
      body.clear();
      res = client.Get(path, headers, [&](const char* data, std::size_t len) {
        if (body.size() + len > options_.max_feed_bytes) {
          too_big = true;
          return false;
        }
        body.append(data, len);
        return true;
      });
      if (!res || too_big) break;
      const int code = res->status;
      const std::string location = res->get_header_value("Location");
      if (!(code == 301 || code == 302 || code == 303 || code == 307 || code == 308) || location.empty()) break;
      if (location.rfind("http://", 0) == 0 || location.rfind("https://", 0) == 0) {
        url = location;
      } else if (!location.empty() && location[0] == '/') {
        url = host + location;
      } else {
        break;  // a relative Location without a path: treat as the final answer
      }
    }
    if (too_big) {
      fail(fmt::format("response larger than {} bytes", options_.max_feed_bytes));
      continue;
    }
    if (!res) {
      fail(fmt::format("request failed ({})", httplib::to_string(res.error())));
      continue;
    }
    if (res->status == 304) {
      st.failures = 0;
      st.next_poll = now + feed.interval_seconds;
      continue;
    }
    if (res->status < 200 || res->status >= 300) {
      fail(fmt::format("HTTP {}", res->status));
      continue;
    }
    auto parsed = parse_feed(body, res->get_header_value("Content-Type"), url);
    if (!parsed) {
      fail(parsed.status().message());
      continue;
    }
    st.failures = 0;
    st.next_poll = now + feed.interval_seconds;
    st.etag = res->get_header_value("ETag");
    st.last_modified = res->get_header_value("Last-Modified");
    if (parsed->bozo) warn(Status::invalid(fmt::format("{}: {}", feed.url, parsed->bozo_message)));
    feed_to_documents(*parsed, feed.url, ReadOptions{},
                      [&](RawDocument&& d) {
                        std::string key = !d.url.empty() ? d.url : d.title_hint;
                        if (!st.seen.insert(key).second) return;
                        ++fresh;
                        sink(std::move(d));
                      },
                      warn);
  }
  return fresh;
}

}  // namespace pk::ingest
