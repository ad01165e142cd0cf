#include "snapshot.h"

#include <string>

#include <gtest/gtest.h>

namespace pk::serve {
namespace {

std::shared_ptr<const std::string> body(const std::string& s) { return std::make_shared<const std::string>(s); }

TEST(ResponseCacheTest, AnswersWhatWasPutAndNothingElse) {
  ResponseCache cache;
  EXPECT_EQ(cache.find("6|1,2,3,4"), nullptr);
  cache.put("6|1,2,3,4", body("a"));
  ASSERT_NE(cache.find("6|1,2,3,4"), nullptr);
  EXPECT_EQ(*cache.find("6|1,2,3,4"), "a");
  EXPECT_EQ(cache.find("7|1,2,3,4"), nullptr);
  cache.put("6|1,2,3,4", body("b"));  // a newer answer for the same key wins
  EXPECT_EQ(*cache.find("6|1,2,3,4"), "b");
}

TEST(ResponseCacheTest, KeepsTheLastTwoGenerationsOfAnswers) {
  constexpr std::size_t n = ResponseCache::kGenerationEntries;
  ResponseCache cache;
  for (std::size_t i = 0; i < n; ++i) cache.put("old" + std::to_string(i), body("o"));
  // The next n answers fill a new generation; the first n stay findable beside them.
  for (std::size_t i = 0; i < n; ++i) cache.put("new" + std::to_string(i), body("n"));
  for (std::size_t i = 0; i < n; ++i) {
    EXPECT_NE(cache.find("old" + std::to_string(i)), nullptr) << i;
    EXPECT_NE(cache.find("new" + std::to_string(i)), nullptr) << i;
  }
  // One more turns the generations over: the oldest answers go, the rest stay.
  cache.put("next", body("x"));
  EXPECT_EQ(cache.find("old0"), nullptr);
  EXPECT_EQ(cache.find("old" + std::to_string(n - 1)), nullptr);
  EXPECT_NE(cache.find("new0"), nullptr);
  EXPECT_NE(cache.find("next"), nullptr);
}

TEST(ResponseCacheTest, AnAnswerHeldByARequestOutlivesItsEviction) {
  ResponseCache cache;
  cache.put("k", body("held"));
  auto held = cache.find("k");
  for (std::size_t i = 0; i < 2 * ResponseCache::kGenerationEntries + 1; ++i) cache.put(std::to_string(i), body("x"));
  EXPECT_EQ(cache.find("k"), nullptr);
  EXPECT_EQ(*held, "held");
}

}  // namespace
}  // namespace pk::serve
