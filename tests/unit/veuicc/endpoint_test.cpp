#include "veuicc/transport/endpoint.h"

#include <gtest/gtest.h>

namespace lpad::veuicc {
namespace {

TEST(Endpoint, ParsesHostAndPort) {
  auto e = parse_endpoint("localhost:35963");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->host, "localhost");
  EXPECT_EQ(e->port, 35963);
  auto v6 = parse_endpoint("[::1]:40000");
  ASSERT_TRUE(v6);
  EXPECT_EQ(v6->host, "::1");
}

TEST(Endpoint, RejectsMalformed) {
  for (auto text : {"localhost", ":1", "host:", "host:0", "host:70000", "host:12a"}) {
    auto e = parse_endpoint(text);
    ASSERT_FALSE(e) << text;
    EXPECT_EQ(e.error().code, Errc::veuicc_bad_endpoint);
  }
}

}  // namespace
}  // namespace lpad::veuicc
