#include "worker_pool.h"

#include <algorithm>
#include <cstdio>
#include <thread>

namespace pk::serve {

ElasticPool::ElasticPool(std::size_t min_threads, std::size_t max_threads, std::chrono::milliseconds idle_timeout)
    : min_threads_(std::max<std::size_t>(1, min_threads)),
      max_threads_(std::max(std::max<std::size_t>(1, min_threads), max_threads)),
      idle_timeout_(idle_timeout) {
  std::lock_guard<std::mutex> lock(mu_);
  for (std::size_t i = 0; i < min_threads_; ++i) start_worker_locked();
}

ElasticPool::~ElasticPool() { shutdown(); }

void ElasticPool::start_worker_locked() {
  try {
    std::thread([this] { work(); }).detach();
  } catch (const std::system_error& e) {
    // Out of threads: the task waits for a running worker instead.
    std::fprintf(stderr, "pressekarte serve: cannot start worker %zu: %s\n", threads_ + 1, e.what());
    return;
  }
  ++threads_;
  ++idle_;  // counted idle until it takes a job, so enqueue() does not start a second one for it
  peak_ = std::max(peak_, threads_);
}

void ElasticPool::enqueue(std::function<void()> fn) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (shutdown_) return;
    jobs_.push_back(std::move(fn));
    // Every queued job needs its own idle worker: a connection keeps its worker until it closes.
    if (jobs_.size() > idle_ && threads_ < max_threads_) start_worker_locked();
  }
  work_cv_.notify_one();
}

void ElasticPool::shutdown() {
  std::unique_lock<std::mutex> lock(mu_);
  shutdown_ = true;
  work_cv_.notify_all();
  exit_cv_.wait(lock, [this] { return threads_ == 0; });
}

std::size_t ElasticPool::threads() const {
  std::lock_guard<std::mutex> lock(mu_);
  return threads_;
}

std::size_t ElasticPool::peak_threads() const {
  std::lock_guard<std::mutex> lock(mu_);
  return peak_;
}

void ElasticPool::work() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    const bool woke = work_cv_.wait_for(lock, idle_timeout_, [this] { return !jobs_.empty() || shutdown_; });
    if (!woke && threads_ > min_threads_) break;  // idle too long and not needed for the minimum
    if (jobs_.empty()) {
      if (shutdown_) break;
      continue;
    }
    std::function<void()> fn = std::move(jobs_.front());
    jobs_.pop_front();
    --idle_;
    lock.unlock();
    fn();
    fn = nullptr;  // release what the task captured before counting ourselves idle
    lock.lock();
    ++idle_;
  }
  --idle_;
  --threads_;
  // Notify while holding the lock: shutdown() may destroy the pool as soon as it sees 0.
  exit_cv_.notify_all();
}

}  // namespace pk::serve
