// A cpp-httplib task queue that grows with the open connections.
//
// cpp-httplib runs each accepted connection, with all its keep-alive requests, as ONE task. A
// fixed pool of N workers therefore serves at most N connections at a time; connection N+1 waits
// in the queue until a kept-alive connection closes (seconds later), which is what made
// /api/clusters p99 0.6–1.5 s under `wrk -c64` with 8 workers. This pool keeps `min_threads`
// workers ready and starts another whenever a connection arrives while none is idle, up to
// `max_threads`; beyond that connections queue as before. Extra workers exit after
// `idle_timeout` without work.
//
// Thread safety: enqueue() and shutdown() may be called from any thread. shutdown() runs the
// queued tasks, then waits for every worker to exit; call it once before destruction (cpp-httplib
// does at the end of listen()).
#pragma once

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>

namespace pk::serve {

class ElasticPool : public httplib::TaskQueue {
 public:
  ElasticPool(std::size_t min_threads, std::size_t max_threads,
              std::chrono::milliseconds idle_timeout = std::chrono::seconds(30));
  ~ElasticPool() override;
  ElasticPool(const ElasticPool&) = delete;
  ElasticPool& operator=(const ElasticPool&) = delete;

  void enqueue(std::function<void()> fn) override;
  void shutdown() override;

  std::size_t threads() const;       // workers alive now
  std::size_t peak_threads() const;  // most workers alive at once

 private:
  void start_worker_locked();
  void work();

  const std::size_t min_threads_, max_threads_;
  const std::chrono::milliseconds idle_timeout_;
  mutable std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable exit_cv_;
  std::deque<std::function<void()>> jobs_;
  std::size_t threads_ = 0, idle_ = 0, peak_ = 0;
  bool shutdown_ = false;
};

}  // namespace pk::serve
