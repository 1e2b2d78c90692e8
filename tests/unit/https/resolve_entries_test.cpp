#include "https/resolve_entries.h"

#include <gtest/gtest.h>

#include "https/https_client.h"

namespace lpad::https {
namespace {

TEST(ResolveEntries, AcceptsCurlsForm) {
  for (const char* good : {"smdp.test.lpad:443:127.0.0.1", "smdp.test.lpad:8443:[::1]", "a-b.example.com:1:10.0.0.1,10.0.0.2",
                           "smdp.test.lpad:443:::1"})
    EXPECT_TRUE(check_resolve_entry(good)) << good;
}

TEST(ResolveEntries, RefusesAnythingElse) {
  for (const char* bad : {"", "smdp.test.lpad", "smdp.test.lpad:443", "smdp.test.lpad:443:", ":443:127.0.0.1",
                          "smdp.test.lpad:https:127.0.0.1", "smdp.test.lpad:0:127.0.0.1", "smdp.test.lpad:70000:127.0.0.1",
                          "smdp test:443:127.0.0.1", "smdp.test.lpad:443:localhost"}) {
    auto r = check_resolve_entry(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, Errc::https_bad_option);
  }
}

TEST(ResolveEntries, ClientCreationChecksThem) {
  HttpsOptions options;
  options.resolve = {"smdp.test.lpad:443"};
  auto client = HttpsClient::create(options);
  ASSERT_FALSE(client);
  EXPECT_EQ(client.error().code, Errc::https_bad_option);
}

TEST(HttpsClientUrls, OnlyHttpsIsPosted) {
  auto client = HttpsClient::create(HttpsOptions{});
  ASSERT_TRUE(client) << client.error().describe();
  auto r = client->post("http://smdp.test.lpad/gsma/rsp2/es9plus/initiateAuthentication", "{}", {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::https_bad_option);
}

}  // namespace
}  // namespace lpad::https
