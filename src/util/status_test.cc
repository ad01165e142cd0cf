#include "pressekarte/status.h"

#include <gtest/gtest.h>

namespace pk {
namespace {

Result<int> parse_positive(int v) {
  if (v <= 0) return Status::invalid("value must be positive, got " + std::to_string(v));
  return v;
}

TEST(StatusTest, OkByDefault) {
  Status s;
  EXPECT_TRUE(s.is_ok());
  EXPECT_EQ(s.exit_code(), 0);
}

TEST(StatusTest, CarriesCodeMessageAndContext) {
  Status s = Status::not_found("no such file").with_context("input.txt");
  EXPECT_FALSE(s.is_ok());
  EXPECT_EQ(s.message(), "input.txt: no such file");
  EXPECT_EQ(s.to_string(), "not found: input.txt: no such file");
  EXPECT_EQ(s.exit_code(), 3);
  EXPECT_EQ(s.http_status(), 404);
}

TEST(StatusTest, ResultHoldsValueOrStatus) {
  auto good = parse_positive(4);
  ASSERT_TRUE(good.is_ok());
  EXPECT_EQ(*good, 4);
  auto bad = parse_positive(-1);
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(bad.status().http_status(), 400);
}

}  // namespace
}  // namespace pk
