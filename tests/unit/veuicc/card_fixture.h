// A powered software eUICC with the stand-in ES10 application, and hex helpers.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "support/shared_data.h"
#include "support/veuicc_stand_in_es10.h"
#include "veuicc/card/euicc_card.h"

namespace lpad::veuicc {

inline const std::string kSelectIsdR = "00A4040010A0000005591010FFFFFFFF8900000100";

class CardTest : public ::testing::Test {
 protected:
  void make_card(CardOptions options) {
    card_ = std::make_unique<EuiccCard>(es10_, options);
    card_->power_on();
  }
  void SetUp() override { make_card({}); }

  // The response APDU in upper-case hex ("" when the card stays mute).
  std::string tx(std::string_view command_hex) { return tx_bytes(test::hex(command_hex)); }
  std::string tx_bytes(const Bytes& command) {
    auto r = card_->transmit(command);
    return r ? to_hex(*r) : std::string();
  }
  static std::string sw_of(const std::string& response) { return response.substr(response.size() - 4); }

  test::StandInEs10 es10_;
  std::unique_ptr<EuiccCard> card_;
};

}  // namespace lpad::veuicc
