#include <gtest/gtest.h>

#include "es11/es11_messages.h"

namespace lpad::es11 {
namespace {

using nlohmann::json;

TEST(Es11Messages, InitiateAuthenticationNamesTheSmds) {
  EXPECT_EQ(initiate_authentication_request(Bytes{0x01, 0x02}, Bytes{0xBF, 0x20, 0x00}, "smds.test.lpad"),
            (json{{"euiccChallenge", "AQI="}, {"euiccInfo1", "vyAA"}, {"smdsAddress", "smds.test.lpad"}}));
}

TEST(Es11Messages, ReadsEventEntries) {
  auto events = parse_authenticate_client(json::parse(R"({"header":{},"eventEntries":[
      {"eventId":"EVENT-1","rspServerAddress":"smdp.test.lpad"},
      {"eventId":"EVENT-2","rspServerAddress":"other.example.com:8443"}]})"));
  ASSERT_TRUE(events) << events.error().describe();
  EXPECT_EQ(*events, (std::vector<EventEntry>{{"EVENT-1", "smdp.test.lpad"}, {"EVENT-2", "other.example.com:8443"}}));
}

TEST(Es11Messages, MissingEventEntriesMeansNone) {
  auto events = parse_authenticate_client(json::parse(R"({"header":{}})"));
  ASSERT_TRUE(events);
  EXPECT_TRUE(events->empty());
  auto empty = parse_authenticate_client(json::parse(R"({"eventEntries":[]})"));
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
}

TEST(Es11Messages, RefusesMalformedEntries) {
  for (const char* bad : {R"({"eventEntries":{}})", R"({"eventEntries":[{"eventId":"E"}]})",
                          R"({"eventEntries":[{"eventId":1,"rspServerAddress":"a"}]})", R"({"eventEntries":["E"]})"}) {
    auto r = parse_authenticate_client(json::parse(bad));
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, Errc::server_bad_response);
  }
  EXPECT_FALSE(parse_authenticate_client(json::array()));
}

}  // namespace
}  // namespace lpad::es11
