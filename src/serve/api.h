// The HTTP API without the HTTP: requests in, responses out, so every endpoint is testable
// without sockets. server.cc adapts cpp-httplib to this.
//
// Errors: every failure is a JSON body {"error": "..."} with a 4xx status naming the parameter
// and what was wrong; store/internal failures become a generic 500/503 message (the details go
// to the server log, never to the client: no SQL, no paths).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "metrics.h"
#include "params.h"
#include "pressekarte/serve.h"
#include "snapshot.h"

namespace pk::serve {

struct ApiRequest {
  std::string method = "GET";
  std::string path;          // decoded path, no query string
  Params params;             // decoded query parameters
  std::string body;
  std::string content_type;
  std::string base_url = "http://localhost";  // scheme://host[:port] for absolute feed links
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
};

ApiResponse json_error(int http_status, const std::string& message);
// Maps a Status to a response; 5xx messages are replaced by a generic text (and logged).
ApiResponse status_error(const Status& status, std::string_view what);

class Api {
 public:
  Api(ServerOptions options, ServerDeps deps);

  // Routes GET/POST requests under /api/, /feeds/, /healthz and /metrics. Unknown paths: 404
  // JSON; wrong method: 405 JSON.
  ApiResponse handle(const ApiRequest& request);
  // True if `path` is one handle() answers (the server sends everything else to static files).
  static bool owns(std::string_view path);

  // Loads the cluster index in the background from now on (see ClusterCache); the server calls
  // this at start. Without it (tests) the cache loads synchronously in the requests.
  void start_background();

  Metrics& metrics() { return metrics_; }
  ClusterCache& cache() { return *cache_; }

 private:
  ApiResponse articles(const ApiRequest& r);
  ApiResponse article(std::string_view id);
  ApiResponse clusters(const ApiRequest& r);
  ApiResponse places(const ApiRequest& r);
  ApiResponse region(std::string_view id);
  ApiResponse story(std::string_view id);
  ApiResponse geoparse(const ApiRequest& r);
  ApiResponse feed(const ApiRequest& r, std::string_view rest);
  ApiResponse healthz();
  ApiResponse metrics_text();
  ApiResponse config();

  ServerOptions options_;
  ServerDeps deps_;
  std::shared_ptr<LockedStore> store_;
  std::unique_ptr<ClusterCache> cache_;
  Metrics metrics_;
};

// The OpenAPI 3 document (web/openapi.json, compiled in).
const std::string& openapi_json();

}  // namespace pk::serve
