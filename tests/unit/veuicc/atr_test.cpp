#include "veuicc/card/atr.h"

#include <gtest/gtest.h>

namespace lpad::veuicc {
namespace {

std::uint8_t xor_from_t0(const Bytes& atr) {
  std::uint8_t x = 0;
  for (std::size_t i = 1; i < atr.size(); ++i) x ^= atr[i];
  return x;
}

TEST(Atr, DirectConventionT0WithValidCheckByte) {
  auto atr = build_atr({});
  ASSERT_GE(atr.size(), 4u);
  EXPECT_LE(atr.size(), 33u);  // ISO/IEC 7816-3: at most 32 bytes after TS
  EXPECT_EQ(atr[0], 0x3B);
  EXPECT_EQ(atr[2], 0x96);               // TA1
  EXPECT_EQ(atr[3], 0x80);               // TD1: T=0, TD2 follows
  EXPECT_EQ(atr[4], 0x1F);               // TD2: T=15, TA3 follows
  EXPECT_EQ(xor_from_t0(atr), 0);        // TCK makes the XOR from T0 zero
  EXPECT_EQ(atr[1] & 0x0F, 7);           // seven historical bytes
}

TEST(Atr, OffersT1AndAnnouncesExtendedLengthOnRequest) {
  auto plain = build_atr({});
  auto rich = build_atr({.offer_t1 = true, .extended_length = true});
  EXPECT_EQ(rich.size(), plain.size() + 1);
  EXPECT_EQ(rich[4], 0x81);  // TD2: T=1, TD3 follows
  EXPECT_EQ(xor_from_t0(rich), 0);
  // Third software function table, the last historical byte before TCK: b7 = extended Lc/Le.
  EXPECT_EQ(plain[plain.size() - 2] & 0x40, 0);
  EXPECT_EQ(rich[rich.size() - 2] & 0x40, 0x40);
}

}  // namespace
}  // namespace lpad::veuicc
