// cpp-httplib adapter: worker pool, limits, security headers, static files, CORS, metrics.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <sys/socket.h>

#include <fmt/format.h>

#include "api.h"
#include "worker_pool.h"
#include "pressekarte/serve.h"

namespace pk {

using serve::Api;
using serve::ApiRequest;
using serve::ApiResponse;

namespace {

thread_local std::chrono::steady_clock::time_point t_request_start;

// The Content-Security-Policy of every response: scripts, styles and data only from us; an
// optional tile server for images.
std::string content_security_policy(const std::string& tile_url) {
  std::string img = "'self' data:";
  if (tile_url.rfind("https://", 0) == 0 || tile_url.rfind("http://", 0) == 0) {
    const auto host_end = tile_url.find('/', tile_url.find("//") + 2);
    std::string origin = tile_url.substr(0, host_end);
    // Template placeholders in the host ({s}.tile…) become a wildcard subdomain.
    const auto brace = origin.find('{');
    if (brace != std::string::npos) {
      const auto close = origin.find('}', brace);
      origin = origin.substr(0, brace) + "*" + (close == std::string::npos ? "" : origin.substr(close + 1));
    }
    bool clean = origin.find_first_of(" ;,'\"") == std::string::npos;
    if (clean) img += " " + origin;
  }
  return "default-src 'self'; script-src 'self'; style-src 'self'; img-src " + img +
         "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
         "frame-ancestors 'self'";
}

bool safe_host(const std::string& host) {
  if (host.empty() || host.size() > 255) return false;
  for (char c : host)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']'))
      return false;
  return true;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Debian's cpp-httplib is built with brotli and zlib and compresses every text/* body per
// request, brotli first: at brotli's default quality 11 that took 0.22 s of server CPU for
// leaflet.js (147 KB) on an idle core, and chromium asks for br even on http://localhost, so
// it sat on the critical path of every fresh page load (docs/perf/serve.md, session 4). A body
// handed over as a sized content provider is sent as it is (httplib compresses only bodies and
// chunked providers). Range requests keep httplib's own path.
void send_file_uncompressed(const httplib::Request& req, httplib::Response& res) {
  if (res.body.empty() || !req.ranges.empty()) return;
  auto bytes = std::make_shared<const std::string>(std::move(res.body));
  res.body.clear();
  const std::string type = res.get_header_value("Content-Type");
  res.headers.erase("Content-Type");  // set_content_provider adds it again
  res.set_content_provider(bytes->size(), type.c_str(),
                           [bytes](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                             return sink.write(bytes->data() + offset, length);
                           });
}

}  // namespace

// cpp-httplib (Debian's compiled 0.11) listens with a backlog of 5. When dozens of keep-alive
// clients reconnect at once the kernel drops their SYNs and they retry after 1 s, which showed
// up as p99 ≈ 1.3 s under `wrk -c64` (nstat TcpExtListenOverflows grew with it). The listening
// socket is re-listened with this backlog after bind (Linux updates it; capped by somaxconn).
constexpr int kListenBacklog = 1024;

struct Server::Impl {
  ServerOptions options;
  std::atomic<int> listen_socket{-1};
  std::unique_ptr<Api> api;
  httplib::Server http;
  std::thread thread;
  std::atomic<int> port{0};
  std::atomic<bool> started{false};

  void setup();
  void apply_cors(const httplib::Request& req, httplib::Response& res) const;
};

void Server::Impl::apply_cors(const httplib::Request& req, httplib::Response& res) const {
  if (options.cors_origins.empty()) return;
  const std::string origin = req.get_header_value("Origin");
  if (origin.empty()) return;
  for (const auto& allowed : options.cors_origins) {
    if (allowed == "*" || allowed == origin) {
      res.set_header("Access-Control-Allow-Origin", allowed == "*" ? "*" : origin);
      res.set_header("Vary", "Origin");
      return;
    }
  }
}

void Server::Impl::setup() {
  const auto threads = static_cast<std::size_t>(std::clamp(options.threads, 1, 1024));
  const auto max_threads = static_cast<std::size_t>(std::clamp(options.max_threads, options.threads, 4096));
  http.new_task_queue = [threads, max_threads] { return new serve::ElasticPool(threads, max_threads); };
  http.set_payload_max_length(options.payload_max_bytes);
  // Headers and body go out in separate writes; without TCP_NODELAY, Nagle + delayed ACK add
  // ~40 ms to every keep-alive response.
  http.set_tcp_nodelay(true);
  http.set_socket_options([this](socket_t sock) {
    httplib::default_socket_options(sock);
    listen_socket = static_cast<int>(sock);  // only the server socket passes through here
  });
  http.set_keep_alive_timeout(std::max(0, options.keep_alive_seconds));
  http.set_keep_alive_max_count(std::max<std::size_t>(1, options.keep_alive_max_requests));
  http.set_read_timeout(std::max(1, options.read_timeout_seconds), 0);
  http.set_write_timeout(std::max(1, options.write_timeout_seconds), 0);
  http.set_default_headers({{"Content-Security-Policy", content_security_policy(options.tile_url)},
                            {"X-Content-Type-Options", "nosniff"},
                            {"Referrer-Policy", "no-referrer"},
                            {"X-Frame-Options", "SAMEORIGIN"},
                            {"Cross-Origin-Opener-Policy", "same-origin"},
                            {"Permissions-Policy", "geolocation=(), camera=(), microphone=()"}});

  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    t_request_start = std::chrono::steady_clock::now();
    apply_cors(req, res);
    if (req.method == "OPTIONS") {
      res.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      res.set_header("Access-Control-Allow-Headers", "Content-Type");
      res.status = 204;
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  // Static files: the page, Leaflet and the Natural Earth data from node_modules. cpp-httplib
  // rejects paths that climb out of a mount point ("..", encoded or not).
  if (!options.web_root.empty()) {
    std::filesystem::path root(options.web_root);
    std::filesystem::path nm = options.node_modules.empty() ? root / ".." / "node_modules"
                                                            : std::filesystem::path(options.node_modules);
    const std::pair<std::string, std::filesystem::path> mounts[] = {
        {"/vendor/leaflet", nm / "leaflet" / "dist"},
        {"/vendor/world-atlas", nm / "world-atlas"},
        {"/vendor/pk", nm / ".pressekarte"},  // files derived at set-up (src/serve/make_laender.mjs)
        {"/", root}};
    for (const auto& [at, dir] : mounts)
      if (!http.set_mount_point(at, dir.string()))
        std::fprintf(stderr, "pressekarte serve: warning: %s is not a directory; %s will answer 404\n",
                     dir.string().c_str(), at.c_str());
    // Vendored packages change only with package.json: let browsers keep them for a day
    // (a warm reload then skips re-downloading and re-compiling Leaflet).
    http.set_file_request_handler([](const httplib::Request& req, httplib::Response& res) {
      if (req.path.rfind("/vendor/", 0) == 0) res.set_header("Cache-Control", "public, max-age=86400");
      send_file_uncompressed(req, res);
    });
    const std::string region_page = (root / "region.html").string();
    http.Get("/region/([^/]+)", [region_page](const httplib::Request&, httplib::Response& res) {
      const std::string html = read_file(region_page);
      if (html.empty()) {
        res.status = 404;
        return;
      }
      res.set_content(html, "text/html; charset=utf-8");
    });
  }
  http.set_file_extension_and_mimetype_mapping("json", "application/json; charset=utf-8");
  http.set_file_extension_and_mimetype_mapping("js", "text/javascript; charset=utf-8");
  http.set_file_extension_and_mimetype_mapping("html", "text/html; charset=utf-8");

  auto handler = [this](const httplib::Request& req, httplib::Response& res) {
    ApiRequest r;
    r.method = req.method;
    r.path = req.path;
    for (const auto& [k, v] : req.params) r.params.emplace(k, v);
    r.body = req.body;
    r.content_type = req.get_header_value("Content-Type");
    const std::string host = req.get_header_value("Host");
    r.base_url = "http://" + (safe_host(host) ? host : std::string("localhost"));
    ApiResponse out = api->handle(r);
    res.status = out.status;
    res.set_content(std::move(out.body), out.content_type.c_str());
  };
  for (const char* pattern : {"/api/.*", "/feeds/.*", "/healthz", "/metrics"}) {
    http.Get(pattern, handler);
    http.Post(pattern, handler);
  }

  // Anything that ends in an error without a body gets a JSON one (404 for unknown files, 413
  // for oversized bodies, 400 for malformed requests).
  http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    std::string msg;
    switch (res.status) {
      case 404: msg = "not found"; break;
      case 413: msg = "request body too large"; break;
      case 414: msg = "request URI too long"; break;
      case 405: msg = "method not allowed"; break;
      case 408: msg = "request timeout"; break;
      default: msg = fmt::format("bad request ({})", res.status);
    }
    (void)req;
    res.set_content(fmt::format("{{\"error\":\"{}\",\"status\":{}}}", msg, res.status),
                    "application/json; charset=utf-8");
    return httplib::Server::HandlerResponse::Handled;
  }));
  http.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "unknown exception";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    std::fprintf(stderr, "pressekarte serve: %s %s failed: %s\n", req.method.c_str(), req.path.c_str(), what.c_str());
    res.status = 500;
    res.set_content("{\"error\":\"internal error; the details are in the server log\",\"status\":500}",
                    "application/json; charset=utf-8");
  });
  // Counted before the response is written (the logger runs after it), so a client that reads
  // /metrics right after another request always sees that request counted.
  http.set_post_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t_request_start).count();
    api->metrics().observe(serve::route_of(req.method, req.path), res.status, secs);
  });
  if (options.access_log)
    http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      const double secs =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t_request_start).count();
      std::fprintf(stderr, "%s %s %d %.1f ms\n", req.method.c_str(), req.path.c_str(), res.status, secs * 1e3);
    });
}

Server::Server(ServerOptions options, ServerDeps deps) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->api = std::make_unique<Api>(impl_->options, std::move(deps));
  impl_->setup();
}

Server::~Server() { stop(); }

Status Server::start() {
  if (impl_->started) return Status::invalid("server already started");
  const auto& o = impl_->options;
  if (o.port < 0 || o.port > 65535) return Status::invalid(fmt::format("port {} is outside 0..65535", o.port));
  int port = o.port;
  if (port == 0) {
    port = impl_->http.bind_to_any_port(o.host);
    if (port <= 0) return Status::io_error(fmt::format("cannot bind {}:0 (any port)", o.host));
  } else if (!impl_->http.bind_to_port(o.host, port)) {
    return Status::io_error(fmt::format("cannot bind {}:{} (in use, or not an address of this machine?)", o.host, port));
  }
  if (impl_->listen_socket >= 0) ::listen(impl_->listen_socket, kListenBacklog);
  impl_->port = port;
  impl_->started = true;
  // Load the cluster table and the unfiltered index now, not on the first map request.
  impl_->api->start_background();
  impl_->thread = std::thread([this] { impl_->http.listen_after_bind(); });
  return Status::ok();
}

int Server::port() const { return impl_->port; }

void Server::wait() {
  while (impl_->started) std::this_thread::sleep_for(std::chrono::milliseconds(100));
}

void Server::stop() {
  if (!impl_ || !impl_->started) return;
  impl_->http.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
  impl_->started = false;
}

}  // namespace pk
