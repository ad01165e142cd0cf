#include "worker_pool.h"

#include <atomic>
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

namespace pk::serve {
namespace {

using namespace std::chrono_literals;

// A task that holds its worker like a kept-alive connection until released.
struct Gate {
  std::mutex mu;
  std::condition_variable cv;
  bool open = false;
  void wait() {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [this] { return open; });
  }
  void release() {
    {
      std::lock_guard<std::mutex> lock(mu);
      open = true;
    }
    cv.notify_all();
  }
};

bool eventually(const std::function<bool()>& f) {
  for (int i = 0; i < 500; ++i) {
    if (f()) return true;
    std::this_thread::sleep_for(5ms);
  }
  return f();
}

// The regression behind p99 ≈ 1 s under `wrk -c64`: with a fixed pool of 2, the third held
// connection waited for one of the first two to close.
TEST(ElasticPoolTest, EveryHeldConnectionGetsAWorkerUpToTheMaximum) {
  ElasticPool pool(2, 8);
  Gate gate;
  std::atomic<int> running{0};
  for (int i = 0; i < 6; ++i)
    pool.enqueue([&] {
      ++running;
      gate.wait();
    });
  EXPECT_TRUE(eventually([&] { return running == 6; })) << running;
  EXPECT_EQ(pool.threads(), 6u);
  gate.release();
  pool.shutdown();
  EXPECT_EQ(pool.threads(), 0u);
  EXPECT_EQ(pool.peak_threads(), 6u);
}

TEST(ElasticPoolTest, BeyondTheMaximumTasksQueueAndStillRun) {
  ElasticPool pool(1, 3);
  Gate gate;
  std::atomic<int> started{0}, done{0};
  for (int i = 0; i < 5; ++i)
    pool.enqueue([&] {
      ++started;
      gate.wait();
      ++done;
    });
  EXPECT_TRUE(eventually([&] { return started == 3; }));
  std::this_thread::sleep_for(20ms);
  EXPECT_EQ(started, 3);  // the pool stops at max_threads
  gate.release();
  EXPECT_TRUE(eventually([&] { return done == 5; }));
  EXPECT_LE(pool.peak_threads(), 3u);
  pool.shutdown();
}

TEST(ElasticPoolTest, ExtraWorkersExitWhenIdle) {
  ElasticPool pool(1, 4, 50ms);
  Gate gate;
  for (int i = 0; i < 4; ++i) pool.enqueue([&] { gate.wait(); });
  EXPECT_TRUE(eventually([&] { return pool.threads() == 4; }));
  gate.release();
  EXPECT_TRUE(eventually([&] { return pool.threads() == 1; })) << pool.threads();
  pool.shutdown();
}

}  // namespace
}  // namespace pk::serve
