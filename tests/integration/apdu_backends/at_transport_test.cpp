// The AT transport against the software modem on a pseudo-terminal, in both ways of reaching
// the card (AT+CCHO/CGLA and AT+CSIM) and with each quirk the modem can switch on; plus a modem
// that never answers, one that answers late, and a card pulled out mid-operation.
#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <iostream>
#include <memory>
#include <ostream>
#include <string>
#include <thread>

#include "apdu_backends/at/at_command_runner.h"
#include "apdu_backends/at/at_transport.h"
#include "apdu_backends/iso7816/apdu_channel.h"
#include "apdu_backends/transport_factory.h"
#include "support/shared_data.h"
#include "support/veuicc_stand_in_es10.h"
#include "veuicc/card/euicc_card.h"
#include "veuicc/card/fault_injection.h"
#include "veuicc/transport/pty_modem.h"
#include "veuicc/transport/pty_port.h"

namespace lpad::apdu {
namespace {

using namespace std::chrono_literals;

// SGP.22 section 2.2.3: the ISD-R's AID.
const Bytes kIsdRAid = test::hex("A0000005591010FFFFFFFF8900000100");
// SGP.22 section 5.7.20 GetEuiccData for the EID: BF3E { 5C 01 5A }, as one STORE DATA block.
const Bytes kGetEid = test::hex("BF3E035C015A");
const std::string kEidResponse = "BF3E125A1089049032123451234512345678901235";
constexpr std::uint8_t kStoreDataCla = 0x80, kStoreData = 0xE2, kLastBlock = 0x91;

struct Quirk;
const char* mode_name(AtMode mode);

}  // namespace

// Readable parameter names in test listings.
void PrintTo(AtMode mode, std::ostream* out);

namespace {

const char* mode_name(AtMode mode) {
  switch (mode) {
    case AtMode::automatic: return "auto";
    case AtMode::ccho: return "ccho";
    case AtMode::csim: return "csim";
  }
  return "?";
}

}  // namespace

void PrintTo(AtMode mode, std::ostream* out) { *out << mode_name(mode); }

namespace {

class PtyModemFixture {
 protected:
  void start_modem(veuicc::AtModemOptions options, veuicc::FaultPlan faults = {}) {
    card_ = std::make_unique<veuicc::EuiccCard>(es10_, veuicc::CardOptions{});
    faulty_ = std::make_unique<veuicc::FaultInjectingContacts>(*card_, faults);
    auto port = veuicc::PtyPort::open();
    ASSERT_TRUE(port) << port.error().describe();
    modem_ = std::make_unique<veuicc::PtyModem>(*faulty_, std::move(*port), options);
    thread_ = std::jthread([this](std::stop_token stop) { (void)modem_->run(stop); });
  }
  void stop_modem() { thread_ = {}; }

  TransportOptions options_for(AtMode mode) const {
    return TransportOptions{.backend = "at",
                            .device = modem_->slave_path(),
                            .timeouts = {.command = 2000ms, .apdu = 2000ms},
                            .at_mode = mode};
  }

  std::unique_ptr<Transport> open(AtMode mode) {
    auto transport = open_transport(options_for(mode));
    EXPECT_TRUE(transport) << transport.error().describe();
    return transport ? std::move(*transport) : nullptr;
  }

  // SELECT ISD-R, GetEID, close: the round trip every test makes.
  static void read_eid(Transport& transport) {
    auto channel = transport.open_logical_channel(kIsdRAid);
    ASSERT_TRUE(channel) << channel.error().describe();
    EXPECT_EQ(*channel, 1);
    iso7816::ApduChannel isd_r(transport, *channel);
    auto eid = isd_r.exchange(kStoreDataCla, kStoreData, kLastBlock, 0x00, kGetEid, 256);
    ASSERT_TRUE(eid) << eid.error().describe();
    EXPECT_EQ(to_hex(eid->data), kEidResponse);
    EXPECT_EQ(eid->status, StatusWord{0x9000});
    auto closed = transport.close_logical_channel(*channel);
    EXPECT_TRUE(closed) << closed.error().describe();
  }

  test::StandInEs10 es10_;
  std::unique_ptr<veuicc::EuiccCard> card_;
  std::unique_ptr<veuicc::FaultInjectingContacts> faulty_;
  std::unique_ptr<veuicc::PtyModem> modem_;
  std::jthread thread_;
};

// --- Each quirk, in each mode -------------------------------------------------------------

struct Quirk {
  const char* name;
  veuicc::AtModemOptions options;
};

const Quirk kQuirks[] = {
    {"plain", {}},
    {"echo", {.echo = true}},
    {"urc_after_every_answer", {.urc_every = 1}},
    {"urc_after_every_second_answer", {.urc_every = 2}},
    {"bare_ccho_number", {.ccho_bare_number = true}},
    {"slow_answers", {.answer_delay = 150ms}},
    {"cgla_without_get_response", {.get_response_for_cgla = false}},
    {"csim_with_get_response", {.get_response_for_csim = true}},
    {"echo_and_urcs_and_no_get_response",
     {.echo = true, .ccho_bare_number = true, .urc_every = 1, .get_response_for_cgla = false}},
};

void PrintTo(const Quirk& quirk, std::ostream* out) { *out << quirk.name; }

class AtQuirkTest : public PtyModemFixture, public ::testing::TestWithParam<std::tuple<AtMode, Quirk>> {};

TEST_P(AtQuirkTest, ReadsTheEid) {
  auto [mode, quirk] = GetParam();
  start_modem(quirk.options);
  auto transport = open(mode);
  ASSERT_TRUE(transport);
  EXPECT_EQ(transport->description(), "at:" + modem_->slave_path());
  read_eid(*transport);
  read_eid(*transport);  // again: nothing left over from the first round
  EXPECT_EQ(es10_.channels, (std::vector<std::uint8_t>{1, 1}));
}

INSTANTIATE_TEST_SUITE_P(BothModes, AtQuirkTest,
                         ::testing::Combine(::testing::Values(AtMode::ccho, AtMode::csim), ::testing::ValuesIn(kQuirks)),
                         [](const auto& test) {
                           return std::string(mode_name(std::get<0>(test.param))) + "_" + std::get<1>(test.param).name;
                         });

// --- Mode-specific behaviour ----------------------------------------------------------------

class AtModeTest : public PtyModemFixture, public ::testing::TestWithParam<AtMode> {};

TEST_P(AtModeTest, ALongCommandTheModemCutsShortIsAnErrorAndTheNextWorks) {
  start_modem({.max_line_length = 64});
  auto transport = open(GetParam());
  ASSERT_TRUE(transport);
  auto channel = transport->open_logical_channel(kIsdRAid);
  ASSERT_TRUE(channel) << channel.error().describe();
  iso7816::ApduChannel isd_r(*transport, *channel);
  Bytes long_command = test::hex("BF3E035C015A");
  long_command.resize(100, 0x00);
  auto start = std::chrono::steady_clock::now();
  auto refused = isd_r.exchange(kStoreDataCla, kStoreData, kLastBlock, 0x00, long_command, 256);
  ASSERT_FALSE(refused);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1s);
  EXPECT_EQ(refused.error().code, Errc::apdu_transport_failure);
  EXPECT_NE(refused.error().message.find("STORE DATA (INS E2)"), std::string::npos) << refused.error().message;
  EXPECT_NE(refused.error().message.find("ERROR"), std::string::npos) << refused.error().message;
  EXPECT_NE(refused.error().message.find("at:" + modem_->slave_path()), std::string::npos) << refused.error().message;
  std::cout << "  " << refused.error().describe() << "\n";

  auto eid = isd_r.exchange(kStoreDataCla, kStoreData, kLastBlock, 0x00, kGetEid, 256);
  ASSERT_TRUE(eid) << eid.error().describe();
  EXPECT_EQ(to_hex(eid->data), kEidResponse);
}

TEST_P(AtModeTest, ACardPulledOutIsCardRemoved) {
  // The modem's own SELECT (ccho) is answered 61xx and fetched: one APDU more than ours.
  start_modem({}, {.remove_after = GetParam() == AtMode::ccho ? 3u : 2u});
  auto transport = open(GetParam());
  ASSERT_TRUE(transport);
  auto channel = transport->open_logical_channel(kIsdRAid);
  ASSERT_TRUE(channel) << channel.error().describe();
  auto start = std::chrono::steady_clock::now();
  iso7816::ApduChannel isd_r(*transport, *channel);
  auto eid = isd_r.exchange(kStoreDataCla, kStoreData, kLastBlock, 0x00, kGetEid, 256);
  ASSERT_FALSE(eid);
  EXPECT_EQ(eid.error().code, Errc::apdu_card_removed) << eid.error().describe();
  EXPECT_NE(eid.error().message.find("SIM not inserted"), std::string::npos) << eid.error().message;
  transport.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1s);
}

TEST_P(AtModeTest, ChannelsLeftOpenAreClosedWhenTheTransportGoes) {
  start_modem({});  // four channels: the basic one and three more
  for (int round = 0; round < 3; ++round) {
    auto transport = open(GetParam());
    ASSERT_TRUE(transport);
    for (std::uint8_t expected = 1; expected <= 3; ++expected) {
      auto channel = transport->open_logical_channel(kIsdRAid);
      ASSERT_TRUE(channel) << "round " << round << ": " << channel.error().describe();
      EXPECT_EQ(*channel, expected);
    }
    auto fourth = transport->open_logical_channel(kIsdRAid);
    ASSERT_FALSE(fourth);
    EXPECT_EQ(fourth.error().code, Errc::apdu_no_channel) << fourth.error().describe();
  }
}

TEST_P(AtModeTest, AnUnknownApplicationIsNoChannel) {
  start_modem({});
  auto transport = open(GetParam());
  ASSERT_TRUE(transport);
  auto failed = transport->open_logical_channel(test::hex("A0000005591010FFFFFFFF8900000300"));
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, Errc::apdu_no_channel) << failed.error().describe();
  read_eid(*transport);  // and channel 1 is free again
}

INSTANTIATE_TEST_SUITE_P(BothModes, AtModeTest, ::testing::Values(AtMode::ccho, AtMode::csim),
                         [](const auto& test) { return std::string(mode_name(test.param)); });

// --- Probing and time limits ----------------------------------------------------------------

class AtProbeTest : public PtyModemFixture, public ::testing::Test {};

TEST_F(AtProbeTest, AutomaticModePrefersCcho) {
  start_modem({.echo = true, .urc_every = 1});
  auto transport = at::AtTransport::open({.device = modem_->slave_path(), .timeouts = {2000ms, 2000ms}});
  ASSERT_TRUE(transport) << transport.error().describe();
  EXPECT_EQ((*transport)->mode(), AtMode::ccho);
  read_eid(**transport);
}

TEST_F(AtProbeTest, AModemThatNeverAnswersTimesOutWithinTheLimit) {
  auto silent = veuicc::PtyPort::open();  // a terminal nobody reads
  ASSERT_TRUE(silent) << silent.error().describe();
  auto options = TransportOptions{.backend = "at",
                                  .device = silent->slave_path(),
                                  .timeouts = {.command = 300ms, .apdu = 300ms},
                                  .at_mode = AtMode::automatic};
  auto start = std::chrono::steady_clock::now();
  auto transport = open_transport(options);
  auto took = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(transport);
  EXPECT_EQ(transport.error().code, Errc::apdu_timeout) << transport.error().describe();
  EXPECT_NE(transport.error().message.find("ATE0"), std::string::npos) << transport.error().message;
  EXPECT_GE(took, 300ms);
  EXPECT_LT(took, 800ms);
}

TEST_F(AtProbeTest, AnApduTimesOutAndTheLateAnswerIsNotTakenForTheNext) {
  start_modem({.answer_delay = 400ms});
  auto port = at::SerialPort::open(modem_->slave_path(), 115200);
  ASSERT_TRUE(port) << port.error().describe();
  at::AtCommandRunner runner(std::move(*port));
  auto start = std::chrono::steady_clock::now();
  auto late = runner.run("AT+CPIN?", "+CPIN:", "AT+CPIN?", 100ms);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, Errc::apdu_timeout);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 300ms);
  // The "+CPIN: READY / OK" that arrives now belongs to the command that timed out.
  auto imei = runner.run("AT+CGSN", {}, "AT+CGSN", 2000ms);
  ASSERT_TRUE(imei) << imei.error().describe();
  EXPECT_EQ(imei->information, (std::vector<std::string>{"356938035643809"}));
}

TEST_F(AtProbeTest, ASlowModemWithinTheLimitWorksInBothModes) {
  start_modem({.answer_delay = 150ms});
  for (auto mode : {AtMode::ccho, AtMode::csim}) {
    auto transport = open(mode);
    ASSERT_TRUE(transport);
    read_eid(*transport);
  }
}

TEST_F(AtProbeTest, AModemThatGoesAwayIsCardRemoved) {
  start_modem({});
  auto transport = open(AtMode::csim);
  ASSERT_TRUE(transport);
  auto channel = transport->open_logical_channel(kIsdRAid);
  ASSERT_TRUE(channel) << channel.error().describe();
  stop_modem();
  modem_.reset();  // closes the pty master: the port hangs up
  auto start = std::chrono::steady_clock::now();
  auto sent = transport->transmit(*channel, test::hex("81E2910006BF3E035C015A00"));
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, Errc::apdu_card_removed) << sent.error().describe();
  transport.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
}

TEST_F(AtProbeTest, BadOptionsAreRefusedUpFront) {
  EXPECT_EQ(open_transport({.backend = "at"}).error().code, Errc::invalid_argument);
  EXPECT_EQ(open_transport({.backend = "serial"}).error().code, Errc::invalid_argument);
  EXPECT_EQ(open_transport({.backend = "at", .device = "/dev/null", .baud_rate = 12345}).error().code,
            Errc::invalid_argument);
  auto missing = open_transport({.backend = "at", .device = "/dev/ttyNoSuchModem"});
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("/dev/ttyNoSuchModem"), std::string::npos);
  // Not built yet, or built and no such device here: either way a message that names QMI.
  auto qmi = open_transport({.backend = "qmi", .device = "/dev/cdc-wdm-none"});
  ASSERT_FALSE(qmi);
  auto message = qmi.error().message;
  for (auto& c : message) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_TRUE(message.find("qmi") != std::string::npos || message.find("cdc-wdm-none") != std::string::npos)
      << qmi.error().message;
}

}  // namespace
}  // namespace lpad::apdu
