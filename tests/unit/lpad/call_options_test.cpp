// Options dictionaries: an old daemon refuses what it cannot honour instead of ignoring it.
#include <gtest/gtest.h>

#include "lpad/call_options.h"

namespace lpad::daemon {
namespace {

TEST(CallOptions, KnownKeysOfTheRightTypeAreRead) {
  VariantMap options{{"accept", sdbus::Variant(true)}, {"imei", sdbus::Variant(std::string("356938035643809"))},
                     {"seq_number", sdbus::Variant(std::uint64_t{7})}};
  auto parsed = CallOptions::parse(options, {{"accept", "b"}, {"imei", "s"}, {"seq_number", "t"}});
  ASSERT_TRUE(parsed) << parsed.error().describe();
  EXPECT_EQ(parsed->flag("accept"), true);
  EXPECT_EQ(parsed->text("imei"), "356938035643809");
  EXPECT_EQ(parsed->number("seq_number"), 7u);
  EXPECT_EQ(parsed->text("absent"), std::nullopt);
}

TEST(CallOptions, UnknownKeyIsAnInvalidArgumentNamingIt) {
  VariantMap options{{"acept", sdbus::Variant(true)}};
  auto parsed = CallOptions::parse(options, {{"accept", "b"}});
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().code, Errc::invalid_argument);
  EXPECT_NE(parsed.error().message.find("acept"), std::string::npos);
}

TEST(CallOptions, WrongTypeIsAnInvalidArgument) {
  VariantMap options{{"accept", sdbus::Variant(std::string("yes"))}};
  auto parsed = CallOptions::parse(options, {{"accept", "b"}});
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().code, Errc::invalid_argument);
}

}  // namespace
}  // namespace lpad::daemon
