#include "params.h"

#include <gtest/gtest.h>

namespace pk::serve {
namespace {

Params P(std::initializer_list<std::pair<const std::string, std::string>> kv) { return Params(kv); }

TEST(ParamsTest, ParsesAFullQuery) {
  auto q = parse_article_query(P({{"bbox", "5.8,47.2,15.1,55.1"},
                                  {"q", " Brand "},
                                  {"since", "2025-10-01"},
                                  {"until", "2025-10-31T23:59:59Z"},
                                  {"lang", "de"},
                                  {"limit", "20"},
                                  {"near", "50.55,9.68"},
                                  {"radius", "20"}}),
                               {});
  ASSERT_TRUE(q) << q.status().to_string();
  EXPECT_DOUBLE_EQ(q->bbox->west, 5.8);
  EXPECT_DOUBLE_EQ(q->bbox->north, 55.1);
  EXPECT_EQ(q->text, "Brand");
  EXPECT_EQ(q->until, "2025-10-31");
  EXPECT_EQ(q->limit, 20u);
  EXPECT_DOUBLE_EQ(*q->near_lat, 50.55);
  EXPECT_DOUBLE_EQ(q->radius_km, 20);
}

TEST(ParamsTest, RejectsMalformedValuesWithTheParameterName) {
  const std::pair<const char*, const char*> bad[] = {
      {"bbox", "1,2,3"},          {"bbox", "a,b,c,d"},        {"bbox", "0,0,1e999,1"}, {"bbox", "-1e9,0,1,1"},
      {"bbox", "0,80,1,10"},      {"bbox", "nan,0,1,1"},      {"near", "91,0"},        {"radius", "-5"},
      {"since", "yesterday"},     {"since", "2025-13-01"},    {"limit", "0"},          {"limit", "5000"},
      {"limit", "10abc"},         {"lang", "de<script>"},     {"sort", "random"},      {"story", "x"}};
  for (const auto& [key, value] : bad) {
    auto q = parse_article_query(P({{key, value}}), {});
    ASSERT_FALSE(q) << key << "=" << value;
    EXPECT_EQ(q.status().code(), Status::Code::kInvalidArgument);
    EXPECT_NE(q.status().message().find(key), std::string::npos) << q.status().message();
  }
  auto q = parse_article_query(P({{"since", "2025-10-30"}, {"until", "2025-10-01"}}), {});
  EXPECT_FALSE(q);
}

TEST(ParamsTest, BoxesWiderThanTheWorldBecomeTheWorld) {
  auto b = parse_bbox("-300,-90,300,90");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->west, -180);
  EXPECT_EQ(b->east, 180);
  auto wrapped = parse_bbox("170,0,190,10");  // crosses the antimeridian
  ASSERT_TRUE(wrapped);
  EXPECT_DOUBLE_EQ(wrapped->west, 170);
  EXPECT_DOUBLE_EQ(wrapped->east, -170);
}

TEST(ParamsTest, DatesAndUrls) {
  EXPECT_EQ(date_number("2025-10-28T10:00:00+01:00"), 20251028u);
  EXPECT_EQ(date_number("28.10.2025"), 0u);
  EXPECT_TRUE(is_web_url("https://example.org/a"));
  EXPECT_TRUE(is_web_url("HTTP://example.org/"));
  EXPECT_FALSE(is_web_url("javascript:alert(1)"));
  EXPECT_FALSE(is_web_url(" javascript:alert(1)"));
  EXPECT_FALSE(is_web_url("data:text/html,<script>"));
  EXPECT_FALSE(is_web_url("https://x.org/\"onmouseover=alert(1)"));
}

}  // namespace
}  // namespace pk::serve
