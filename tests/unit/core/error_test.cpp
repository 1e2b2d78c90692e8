#include "core/error.h"

#include <gtest/gtest.h>

namespace lpad {
namespace {

TEST(Error, DescribeNamesTheCodeTheOffsetAndTheMessage) {
  Error e{Errc::tlv_truncated, "value of tag 5A needs 10 bytes, 3 remain", 12};
  EXPECT_EQ(e.describe(), "tlv.truncated at offset 12: value of tag 5A needs 10 bytes, 3 remain");
}

TEST(Error, DescribeWithoutOffset) {
  Error e{Errc::ac_empty, "the activation code is empty", std::nullopt};
  EXPECT_EQ(e.describe(), "activation-code.empty: the activation code is empty");
}

TEST(Error, FailBuildsAnUnexpectedResult) {
  Result<int> r = fail(Errc::invalid_argument, "no");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::invalid_argument);
}

}  // namespace
}  // namespace lpad
