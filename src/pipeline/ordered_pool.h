// A worker pool that runs a function on many inputs in parallel and hands the results back in
// the order the inputs were submitted, on the submitting thread.
//
// Why this shape: ingest must store articles (and assign stories) in input order so that a run is
// reproducible, and the store and the warning/progress callbacks are single-threaded. So only
// `work` runs on the workers; `sink` always runs on the caller's thread, inside submit()/drain().
// At most `capacity` inputs are in flight (queued, running or waiting for their turn), which keeps
// memory constant however large the input and however slow one document is.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace pk {

template <class In, class Out>
class OrderedPool {
 public:
  using Work = std::function<Out(In&)>;
  using Sink = std::function<void(Out&&)>;

  OrderedPool(std::size_t threads, std::size_t capacity, Work work)
      : capacity_(capacity == 0 ? 1 : capacity), work_(std::move(work)) {
    if (threads == 0) threads = 1;
    workers_.reserve(threads);
    for (std::size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { worker_loop(); });
  }

  ~OrderedPool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    work_cv_.notify_all();
    for (auto& t : workers_) t.join();
  }

  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  // Queues `in`. While `capacity` inputs are in flight, waits and hands finished results to
  // `sink` in submission order; afterwards hands over whatever is ready without waiting.
  void submit(In in, const Sink& sink) {
    std::unique_lock<std::mutex> lock(mu_);
    while (next_submit_ - next_sink_ >= capacity_) sink_next(lock, sink, /*wait=*/true);
    queue_.emplace_back(next_submit_++, std::move(in));
    work_cv_.notify_one();
    while (sink_next(lock, sink, /*wait=*/false)) {
    }
  }

  // Hands every outstanding result to `sink` in submission order, waiting for the workers.
  void drain(const Sink& sink) {
    std::unique_lock<std::mutex> lock(mu_);
    while (next_sink_ < next_submit_) sink_next(lock, sink, /*wait=*/true);
  }

  std::size_t threads() const { return workers_.size(); }

 private:
  // Sinks the next result in order if it is done (waiting for it when `wait`). Returns whether
  // one was sunk. `sink` runs with the lock released so workers keep going.
  bool sink_next(std::unique_lock<std::mutex>& lock, const Sink& sink, bool wait) {
    auto it = done_.find(next_sink_);
    if (it == done_.end()) {
      if (!wait) return false;
      done_cv_.wait(lock, [&] { return (it = done_.find(next_sink_)) != done_.end(); });
    }
    Out out = std::move(it->second);
    done_.erase(it);
    ++next_sink_;
    lock.unlock();
    sink(std::move(out));
    lock.lock();
    return true;
  }

  void worker_loop() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      work_cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and nothing left
      auto [seq, in] = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      Out out = work_(in);
      lock.lock();
      done_.emplace(seq, std::move(out));
      done_cv_.notify_one();
    }
  }

  const std::size_t capacity_;
  const Work work_;
  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::deque<std::pair<std::uint64_t, In>> queue_;
  std::map<std::uint64_t, Out> done_;
  std::uint64_t next_submit_ = 0, next_sink_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace pk
