#include "feeds.h"

#include <gtest/gtest.h>

#include "fake_store_testing.h"

namespace pk::serve {
namespace {

TEST(FeedsTest, XmlEscapeDropsForbiddenCharacters) {
  EXPECT_EQ(xml_escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
  EXPECT_EQ(xml_escape(std::string("x\x01y\x1Fz\tq", 8)), "xyz\tq");
  EXPECT_EQ(xml_escape("\xC3\xBC"), "\xC3\xBC");  // ü stays
  EXPECT_EQ(xml_escape("bad\xFF"), "bad\xEF\xBF\xBD");
}

TEST(FeedsTest, AtomHasEntriesWithGeoRssPoints) {
  StoredArticle a;
  a.id = 7;
  a.article.title = "Brand in <Fulda> & Umgebung";
  a.article.date = "2025-10-28";
  a.article.url = "javascript:alert(1)";
  a.geo.places.push_back(testing::place("Fulda", 50.55, 9.68));
  a.geo.focus = 0;
  FeedInfo info{"Nachrichten aus Fulda", "http://h/feeds/region/2896817.atom", "http://h/region/2896817", "http://h"};
  const std::string x = atom_feed(info, {a});
  EXPECT_NE(x.find("<feed xmlns=\"http://www.w3.org/2005/Atom\""), std::string::npos);
  EXPECT_NE(x.find("<title>Brand in &lt;Fulda&gt; &amp; Umgebung</title>"), std::string::npos);
  EXPECT_NE(x.find("<georss:point>50.55000 9.68000</georss:point>"), std::string::npos);
  EXPECT_NE(x.find("<updated>2025-10-28T00:00:00Z</updated>"), std::string::npos);
  EXPECT_EQ(x.find("javascript:"), std::string::npos) << "non-web URLs are replaced by our own link";
  EXPECT_NE(x.find("href=\"http://h/#article=7\""), std::string::npos);

  auto j = json_feed(info, {a});
  EXPECT_EQ(j["version"], "https://jsonfeed.org/version/1.1");
  ASSERT_EQ(j["items"].size(), 1u);
  EXPECT_EQ(j["items"][0]["url"], "http://h/#article=7");
  EXPECT_DOUBLE_EQ(j["items"][0]["_geo"]["lat"].get<double>(), 50.55);
}

}  // namespace
}  // namespace pk::serve
