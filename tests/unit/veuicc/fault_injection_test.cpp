#include "veuicc/card/fault_injection.h"

#include <gtest/gtest.h>

#include <chrono>

#include "card_fixture.h"

namespace lpad::veuicc {
namespace {

class FaultTest : public CardTest {
 protected:
  std::string ftx(FaultInjectingContacts& faulty, std::string_view command_hex) {
    auto r = faulty.transmit(test::hex(command_hex));
    return r ? to_hex(*r) : std::string();
  }
};

TEST_F(FaultTest, NoFaultsIsTransparent) {
  FaultInjectingContacts faulty(*card_, {});
  EXPECT_TRUE(faulty.present());
  EXPECT_EQ(faulty.atr(), card_->atr());
  EXPECT_EQ(ftx(faulty, "0070000001"), "019000");
  EXPECT_EQ(faulty.apdu_count(), 1u);
}

TEST_F(FaultTest, LatencyDelaysEveryApdu) {
  FaultInjectingContacts faulty(*card_, {.apdu_latency = std::chrono::milliseconds(30)});
  auto start = std::chrono::steady_clock::now();
  ftx(faulty, "0070000001");
  ftx(faulty, "0070000001");
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(60));
}

TEST_F(FaultTest, GarblesTheNthResponse) {
  FaultInjectingContacts faulty(*card_, {.garble_apdu = 2});
  EXPECT_EQ(ftx(faulty, "0070000001"), "019000");
  EXPECT_EQ(ftx(faulty, "0070000001"), "FD6FFF");  // 02 90 00 with every bit flipped
  EXPECT_EQ(ftx(faulty, "0070000001"), "039000");  // the card did process the second one
}

TEST_F(FaultTest, FailsTheNthApduWithoutProcessingIt) {
  FaultInjectingContacts faulty(*card_, {.fail_apdu = 1});
  EXPECT_EQ(ftx(faulty, "0070000001"), "6F00");
  EXPECT_EQ(ftx(faulty, "0070000001"), "019000");  // channel 1 was never opened before
}

TEST_F(FaultTest, CardRemovedAfterNApdus) {
  FaultInjectingContacts faulty(*card_, {.remove_after = 2});
  EXPECT_EQ(ftx(faulty, "0070000001"), "019000");
  EXPECT_EQ(ftx(faulty, "0070000001"), "029000");  // the second is still answered
  EXPECT_FALSE(faulty.present());
  EXPECT_FALSE(faulty.atr());
  EXPECT_EQ(ftx(faulty, "0070000001"), "");
  faulty.reset();
  faulty.power_on();
  EXPECT_FALSE(faulty.present());  // gone for good
}

TEST_F(FaultTest, RemovedFromTheStart) {
  FaultInjectingContacts faulty(*card_, {.remove_after = 0});
  EXPECT_FALSE(faulty.present());
  EXPECT_EQ(ftx(faulty, "0070000001"), "");
}

TEST_F(FaultTest, ExtendedLengthSwitch) {
  make_card({.extended_length = false});
  EXPECT_EQ(tx("00C00000000000"), "6700");
  make_card({.extended_length = true});
  EXPECT_EQ(tx("00C00000000000"), "6985");  // parsed; nothing pending
}

}  // namespace
}  // namespace lpad::veuicc
