#include <gtest/gtest.h>

#include "crypto/padding.h"
#include "support/shared_data.h"

namespace lpad::crypto {
namespace {

using test::hex;

TEST(Padding, AppendsEightyThenZerosToAWholeBlock) {
  EXPECT_EQ(to_hex(pad_80(hex("BF2400"))), "BF240080000000000000000000000000");
}

TEST(Padding, BlockAlignedDataGainsAWholeBlock) {
  EXPECT_EQ(pad_80(Bytes(16, 0xAA)).size(), 32u);
}

TEST(Padding, UnpadReturnsTheDataBeforeEighty) {
  auto data = unpad_80(hex("BF240080000000000000000000000000"));
  ASSERT_TRUE(data);
  EXPECT_EQ(to_hex(*data), "BF2400");
}

TEST(Padding, UnpadRejectsDataWithoutEighty) {
  auto data = unpad_80(hex("BF240000000000000000000000000000"));
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error().code, Errc::crypto_bad_padding);
}

TEST(Padding, UnpadRejectsMoreThanFifteenZeroBytes) {
  Bytes padded(32, 0);
  padded[0] = 0x80;
  EXPECT_FALSE(unpad_80(padded));
}

}  // namespace
}  // namespace lpad::crypto
