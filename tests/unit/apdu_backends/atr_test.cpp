// Reading extended-length support out of an ATR (ISO/IEC 7816-3 8.2, 7816-4 12.1.1.10):
// hand-built ATRs, and the software eUICC's ATR builder as an independent implementation.
#include "apdu_backends/iso7816/atr.h"

#include <gtest/gtest.h>

#include "support/shared_data.h"
#include "veuicc/card/atr.h"

namespace lpad::apdu::iso7816 {
namespace {

AtrCapabilities read(std::string_view hex) {
  auto caps = read_atr_capabilities(lpad::test::hex(hex));
  EXPECT_TRUE(caps) << hex << ": " << caps.error().describe();
  return caps.value_or(AtrCapabilities{});
}

TEST(Atr, CardCapabilitiesAfterInterfaceBytes) {
  // T0 87: TD1, 7 historical bytes; TD1 80: TD2, T=0; TD2 01: T=1; then 80 | 31 E0 | 73 FE 21 47, TCK.
  auto caps = read("3B878001" "8031E073FE2147" "00");
  EXPECT_TRUE(caps.extended_length);
  EXPECT_TRUE(caps.offers_t1);
  caps = read("3B878001" "8031E073FE2107" "00");
  EXPECT_FALSE(caps.extended_length);
}

TEST(Atr, CategoryZeroEndsWithStatusBytes) {
  auto caps = read("3B08" "00" "73000040" "009000");
  EXPECT_TRUE(caps.extended_length);
  EXPECT_FALSE(caps.offers_t1);
}

TEST(Atr, NoCapabilitiesMeansShort) {
  EXPECT_FALSE(read("3B021450").extended_length);           // proprietary historical bytes
  EXPECT_FALSE(read("3B00").extended_length);               // none at all
  EXPECT_FALSE(read("3B048072FE21").extended_length);       // capabilities of two bytes only
  EXPECT_FALSE(read("3B0380" "7540").extended_length);      // a TLV that runs past the end
}

TEST(Atr, ShortAtrsAreErrors) {
  EXPECT_FALSE(read_atr_capabilities(lpad::test::hex("3B")));
  EXPECT_FALSE(read_atr_capabilities(lpad::test::hex("3B8F8001")));  // 15 historical bytes announced
}

TEST(Atr, TheSoftwareEuiccsAtr) {
  for (bool t1 : {false, true}) {
    for (bool extended : {false, true}) {
      auto atr = veuicc::build_atr({.offer_t1 = t1, .extended_length = extended});
      auto caps = read_atr_capabilities(atr);
      ASSERT_TRUE(caps) << to_hex(atr);
      EXPECT_EQ(caps->extended_length, extended) << to_hex(atr);
      EXPECT_EQ(caps->offers_t1, t1) << to_hex(atr);
    }
  }
}

}  // namespace
}  // namespace lpad::apdu::iso7816
