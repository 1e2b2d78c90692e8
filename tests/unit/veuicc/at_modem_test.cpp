#include "veuicc/transport/at_modem.h"

#include <gtest/gtest.h>

#include <memory>

#include "support/shared_data.h"
#include "support/veuicc_stand_in_es10.h"
#include "veuicc/card/euicc_card.h"
#include "veuicc/card/fault_injection.h"

namespace lpad::veuicc {
namespace {

const std::string kIsdR = "A0000005591010FFFFFFFF8900000100";

class AtModemTest : public ::testing::Test {
 protected:
  void start(AtModemOptions options, FaultPlan faults = {}) {
    faulty_ = std::make_unique<FaultInjectingContacts>(card_, faults);
    modem_ = std::make_unique<AtModem>(*faulty_, options, [this](std::string_view s) { out_ += s; });
  }
  // Everything the modem said in answer to one line.
  std::string say(std::string_view line) {
    out_.clear();
    modem_->feed(std::string(line) + "\r");
    return out_;
  }

  test::StandInEs10 es10_;
  EuiccCard card_{es10_, {}};
  std::unique_ptr<FaultInjectingContacts> faulty_;
  std::unique_ptr<AtModem> modem_;
  std::string out_;
};

TEST_F(AtModemTest, BasicsAndEcho) {
  start({});
  EXPECT_EQ(say("AT"), "\r\nOK\r\n");
  EXPECT_EQ(say("at"), "\r\nOK\r\n");
  EXPECT_EQ(say("AT+CGSN"), "\r\n356938035643809\r\n\r\nOK\r\n");
  EXPECT_EQ(say("AT+CPIN?"), "\r\n+CPIN: READY\r\n\r\nOK\r\n");
  EXPECT_EQ(say("AT+FOO"), "\r\nERROR\r\n");
  EXPECT_EQ(say("ATE1"), "\r\nOK\r\n");
  EXPECT_EQ(say("AT"), "AT\r\r\nOK\r\n");
  EXPECT_EQ(say("ATE0"), "ATE0\r\r\nOK\r\n");
  EXPECT_EQ(say("AT"), "\r\nOK\r\n");
  EXPECT_EQ(say(""), "");
}

TEST_F(AtModemTest, EchoQuirkStartsWithEchoOn) {
  start({.echo = true});
  EXPECT_EQ(say("AT"), "AT\r\r\nOK\r\n");
}

TEST_F(AtModemTest, CsimPassesRawApdusThrough) {
  start({});
  EXPECT_EQ(say("AT+CSIM=10,\"0070000001\""), "\r\n+CSIM: 6,\"019000\"\r\n\r\nOK\r\n");
  EXPECT_EQ(say("AT+CSIM=42,\"01A4040010" + kIsdR + "\""), "\r\n+CSIM: 4,\"611A\"\r\n\r\nOK\r\n");
  auto fci = say("AT+CSIM=10,\"01C000001A\"");
  EXPECT_NE(fci.find("+CSIM: 56,\"6F18"), std::string::npos) << fci;
  EXPECT_EQ(say("AT+CSIM=12,\"0070000001\""), "\r\n+CME ERROR: 50\r\n");  // length mismatch
  EXPECT_EQ(say("AT+CMEE=0"), "\r\nOK\r\n");
  EXPECT_EQ(say("AT+CSIM=4,\"0070\""), "\r\nERROR\r\n");
}

TEST_F(AtModemTest, CsimCanFetchGetResponseItself) {
  start({.get_response_for_csim = true});
  auto r = say("AT+CSIM=42,\"00A4040010" + kIsdR + "\"");
  EXPECT_NE(r.find("+CSIM: 56,\"6F18"), std::string::npos) << r;
  EXPECT_NE(r.find("9000\""), std::string::npos) << r;
}

TEST_F(AtModemTest, LogicalChannelSessions) {
  start({});
  EXPECT_EQ(say("AT+CCHO=\"" + kIsdR + "\""), "\r\n+CCHO: 1\r\n\r\nOK\r\n");
  EXPECT_EQ(modem_->sessions().count(1), 1u);
  // The host's CLA says channel 0; the modem puts its session's channel there.
  EXPECT_EQ(say("AT+CGLA=1,22,\"80E2910006BF3E035C015A\""),
            "\r\n+CGLA: 46,\"BF3E125A10890490321234512345123456789012359000\"\r\n\r\nOK\r\n");
  EXPECT_EQ(es10_.channels.back(), 1);
  EXPECT_EQ(say("AT+CGLA=2,22,\"80E2910006BF3E035C015A\""), "\r\n+CME ERROR: 50\r\n");
  EXPECT_EQ(say("AT+CCHC=1"), "\r\nOK\r\n");
  EXPECT_EQ(say("AT+CCHC=1"), "\r\n+CME ERROR: 50\r\n");
  EXPECT_EQ(say("AT+CCHO=\"A000000559101000\""), "\r\n+CME ERROR: 4\r\n");  // unknown AID
  EXPECT_EQ(say("AT+CCHO=\"XYZ\""), "\r\n+CME ERROR: 50\r\n");
}

TEST_F(AtModemTest, CglaWithoutModemGetResponseLeaves61xx) {
  start({.get_response_for_cgla = false});
  say("AT+CCHO=\"" + kIsdR + "\"");
  EXPECT_EQ(say("AT+CGLA=1,22,\"81E2910006BF3E035C015A\""), "\r\n+CGLA: 4,\"6115\"\r\n\r\nOK\r\n");
  auto r = say("AT+CGLA=1,10,\"81C0000015\"");
  EXPECT_NE(r.find("+CGLA: 46,\"BF3E"), std::string::npos) << r;
}

TEST_F(AtModemTest, BareNumberCchoQuirk) {
  start({.ccho_bare_number = true});
  EXPECT_EQ(say("AT+CCHO=\"" + kIsdR + "\""), "\r\n1\r\n\r\nOK\r\n");
}

TEST_F(AtModemTest, ChannelsRunOut) {
  start({});
  for (int i = 1; i <= 3; ++i) say("AT+CCHO=\"" + kIsdR + "\"");
  EXPECT_EQ(say("AT+CCHO=\"" + kIsdR + "\""), "\r\n+CME ERROR: 4\r\n");
}

TEST_F(AtModemTest, UnsolicitedResultCodesBetweenResponses) {
  start({.urc_every = 2});
  EXPECT_EQ(say("AT"), "\r\nOK\r\n");
  EXPECT_EQ(say("AT"), "\r\nOK\r\n\r\n+CREG: 1\r\n");
  EXPECT_EQ(say("AT"), "\r\nOK\r\n");
  EXPECT_EQ(say("AT"), "\r\nOK\r\n\r\nRING\r\n");
}

TEST_F(AtModemTest, ErrorInTheMiddleOfALongLine) {
  start({.max_line_length = 16});
  out_.clear();
  modem_->feed("AT+CSIM=10,\"0070");
  EXPECT_EQ(out_, "");
  modem_->feed("000001\"");
  EXPECT_EQ(out_, "\r\nERROR\r\n");  // said before the line ended
  modem_->feed("\r");
  EXPECT_EQ(out_, "\r\nERROR\r\n");  // and nothing more for that line
  EXPECT_EQ(say("AT"), "\r\nOK\r\n");
}

TEST_F(AtModemTest, RemovedCardIsSimNotInserted) {
  start({}, {.remove_after = 1});
  EXPECT_EQ(say("AT+CSIM=10,\"0070000001\""), "\r\n+CSIM: 6,\"019000\"\r\n\r\nOK\r\n");
  EXPECT_EQ(say("AT+CSIM=10,\"0070000001\""), "\r\n+CME ERROR: 10\r\n");
  EXPECT_EQ(say("AT+CPIN?"), "\r\n+CME ERROR: 10\r\n");
}

}  // namespace
}  // namespace lpad::veuicc
