#include <gtest/gtest.h>

#include "rsp_binding/function_call.h"

namespace lpad::rsp_binding {
namespace {

Bytes bytes_of(std::string_view text) { return Bytes(text.begin(), text.end()); }

TEST(Base64, EncodesRfc4648Vectors) {
  EXPECT_EQ(base64_encode(bytes_of("")), "");
  EXPECT_EQ(base64_encode(bytes_of("f")), "Zg==");
  EXPECT_EQ(base64_encode(bytes_of("fo")), "Zm8=");
  EXPECT_EQ(base64_encode(bytes_of("foo")), "Zm9v");
  EXPECT_EQ(base64_encode(bytes_of("foobar")), "Zm9vYmFy");
  EXPECT_EQ(base64_encode(Bytes{0xFB, 0xFF}), "+/8=");  // the standard alphabet, not URL-safe
}

TEST(Base64, DecodesWhatItEncodes) {
  Bytes all(256);
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<std::uint8_t>(i);
  for (std::size_t n = 0; n <= all.size(); n += 17) {
    Bytes part(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n));
    auto back = base64_decode(base64_encode(part));
    ASSERT_TRUE(back) << n;
    EXPECT_EQ(*back, part);
  }
}

TEST(Base64, RefusesGarbage) {
  for (std::string_view bad : {"Zg", "Zg=", "Zm9v!", "Zm 9v", "Zm9v\n", "Z===", "=Zm9", "Zg==Zm9v", "Zh==", "Zm9=",
                               "Zm8=Zg==", "-_8="}) {
    auto r = base64_decode(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, Errc::server_bad_response) << bad;
  }
}

}  // namespace
}  // namespace lpad::rsp_binding
