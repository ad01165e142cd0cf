#include "ordered_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <string>
#include <thread>

namespace pk {
namespace {

using namespace std::chrono_literals;

// Later inputs finish first (they sleep less), yet the sink sees them in submission order.
TEST(OrderedPoolTest, ResultsComeBackInSubmissionOrder) {
  std::set<std::thread::id> worker_ids;
  std::mutex ids_mu;
  OrderedPool<int, int> pool(4, 8, [&](int& x) {
    std::this_thread::sleep_for(std::chrono::microseconds((50 - x % 50) * 20));
    std::lock_guard<std::mutex> lock(ids_mu);
    worker_ids.insert(std::this_thread::get_id());
    return x * 10;
  });
  std::vector<int> seen;
  const auto caller = std::this_thread::get_id();
  bool sink_on_caller = true;
  auto sink = [&](int&& r) {
    sink_on_caller = sink_on_caller && std::this_thread::get_id() == caller;
    seen.push_back(r);
  };
  for (int i = 0; i < 200; ++i) pool.submit(i, sink);
  pool.drain(sink);
  ASSERT_EQ(seen.size(), 200u);
  for (int i = 0; i < 200; ++i) EXPECT_EQ(seen[i], i * 10);
  EXPECT_TRUE(sink_on_caller);
  EXPECT_GT(worker_ids.size(), 1u);  // the work really ran in parallel threads
}

// A slow first input must not let the others pile up without bound.
TEST(OrderedPoolTest, NoMoreThanCapacityInputsAreInFlight) {
  std::atomic<int> started{0};
  std::atomic<bool> release{false};
  OrderedPool<int, int> pool(3, 5, [&](int& x) {
    ++started;
    if (x == 0)
      while (!release) std::this_thread::sleep_for(1ms);
    return x;
  });
  std::vector<int> seen;
  auto sink = [&](int&& r) { seen.push_back(r); };
  std::thread releaser([&] {
    // Give the submitter time to run into the capacity bound, then let the first input finish.
    while (started < 5) std::this_thread::sleep_for(1ms);
    std::this_thread::sleep_for(20ms);
    EXPECT_EQ(started.load(), 5);  // 0 is stuck, 1–4 done and held: the sixth was never queued
    release = true;
  });
  for (int i = 0; i < 20; ++i) pool.submit(i, sink);
  pool.drain(sink);
  releaser.join();
  ASSERT_EQ(seen.size(), 20u);
  for (int i = 0; i < 20; ++i) EXPECT_EQ(seen[i], i);
}

TEST(OrderedPoolTest, DestroyingWithoutDrainStopsCleanly) {
  std::atomic<int> ran{0};
  {
    OrderedPool<std::string, std::size_t> pool(2, 4, [&](std::string& s) {
      ++ran;
      return s.size();
    });
    for (int i = 0; i < 3; ++i) pool.submit(std::string(i, 'x'), [](std::size_t&&) {});
  }
  EXPECT_EQ(ran.load(), 3);
}

}  // namespace
}  // namespace pk
