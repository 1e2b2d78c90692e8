// The PC/SC transport against the software eUICC behind a private pcscd with the vpcd driver:
// reader choice, channels (0-19 class bytes), SELECT of the ISD-R, GetEID over STORE DATA,
// extended length from the ATR, a card pulled out mid-operation, and a time limit on waiting for
// another program's transaction.
#include <PCSC/winscard.h>
#include <PCSC/wintypes.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "apdu_backends/iso7816/apdu_channel.h"
#include "apdu_backends/pcsc/pcsc_transport.h"
#include "apdu_backends/transport_factory.h"
#include "support/private_pcscd.h"
#include "support/shared_data.h"
#include "support/veuicc_stand_in_es10.h"
#include "veuicc/card/euicc_card.h"
#include "veuicc/card/fault_injection.h"
#include "veuicc/transport/vpcd_link.h"

namespace lpad::apdu {
namespace {

using namespace std::chrono_literals;

// SGP.22 section 2.2.3: the ISD-R's AID.
const Bytes kIsdRAid = test::hex("A0000005591010FFFFFFFF8900000100");
// SGP.22 section 5.7.20 GetEuiccData for the EID: BF3E { 5C 01 5A }, as one STORE DATA block.
const Bytes kGetEid = test::hex("BF3E035C015A");
const std::string kEidResponse = "BF3E125A1089049032123451234512345678901235";
constexpr std::uint8_t kStoreDataCla = 0x80, kStoreData = 0xE2, kLastBlock = 0x91;

class PcscTransportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    pcscd_ = std::make_unique<test::PrivatePcscd>();
    skip_reason_ = pcscd_->start();
    if (skip_reason_.empty()) ::setenv("PCSCLITE_CSOCK_NAME", pcscd_->socket_path().c_str(), 1);
  }
  static void TearDownTestSuite() { pcscd_.reset(); }

  void SetUp() override {
    if (!skip_reason_.empty()) GTEST_SKIP() << "pcscd cannot start here: " << skip_reason_;
  }
  void TearDown() override { pull_card(); }

  void insert_card(veuicc::CardOptions options, veuicc::FaultPlan faults = {}) {
    card_ = std::make_unique<veuicc::EuiccCard>(es10_, options);
    faulty_ = std::make_unique<veuicc::FaultInjectingContacts>(*card_, faults);
    link_ = std::make_unique<veuicc::VpcdLink>(*faulty_, veuicc::Endpoint{"127.0.0.1", pcscd_->port()},
                                               veuicc::VpcdLinkOptions{.reconnect_interval = 50ms});
    link_thread_ = std::jthread([this](std::stop_token stop) { (void)link_->run(stop); });
    ASSERT_TRUE(wait_for_card(true)) << "see " << pcscd_->log_path();
  }
  void pull_card() {
    if (!link_) return;
    link_thread_ = {};
    link_.reset();
    faulty_.reset();
    card_.reset();
    wait_for_card(false);
  }

  static std::string reader_name() { return std::string(test::kReaderFriendlyName) + " 00 00"; }

  bool wait_for_card(bool want_present) {
    SCARDCONTEXT context = 0;
    if (SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &context) != SCARD_S_SUCCESS) return false;
    auto name = reader_name();
    SCARD_READERSTATE state{};
    state.szReader = name.c_str();
    state.dwCurrentState = SCARD_STATE_UNAWARE;
    bool reached = false;
    auto deadline = std::chrono::steady_clock::now() + 5s;
    while (!reached && std::chrono::steady_clock::now() < deadline) {
      LONG rc = SCardGetStatusChange(context, 200, &state, 1);
      if (rc == SCARD_S_SUCCESS || rc == SCARD_E_TIMEOUT) {
        reached = ((state.dwEventState & SCARD_STATE_PRESENT) != 0) == want_present;
        state.dwCurrentState = state.dwEventState;
      } else {
        std::this_thread::sleep_for(50ms);  // the reader is not announced yet
      }
    }
    SCardReleaseContext(context);
    return reached;
  }

  std::unique_ptr<Transport> open(TransportOptions options = {}) {
    options.backend = "pcsc";
    if (options.device.empty()) options.device = reader_name();
    auto transport = open_transport(options);
    EXPECT_TRUE(transport) << transport.error().describe();
    return transport ? std::move(*transport) : nullptr;
  }

  static inline std::unique_ptr<test::PrivatePcscd> pcscd_;
  static inline std::string skip_reason_;
  test::StandInEs10 es10_;
  std::unique_ptr<veuicc::EuiccCard> card_;
  std::unique_ptr<veuicc::FaultInjectingContacts> faulty_;
  std::unique_ptr<veuicc::VpcdLink> link_;
  std::jthread link_thread_;
};

TEST_F(PcscTransportTest, ChoosesTheReaderByNamePartOrIndex) {
  insert_card({});
  auto readers = pcsc::list_pcsc_readers();
  ASSERT_TRUE(readers) << readers.error().describe();
  EXPECT_NE(std::find(readers->begin(), readers->end(), reader_name()), readers->end());

  for (std::string device : {reader_name(), std::string("VEUICC 00 00"), std::string("0")}) {
    auto transport = open_transport({.backend = "pcsc", .device = device});
    ASSERT_TRUE(transport) << device << ": " << transport.error().describe();
    EXPECT_EQ((*transport)->description(), "pcsc:" + reader_name());
  }
  // vpcd announces two slots, so a part common to both names is not enough.
  auto ambiguous = open_transport({.backend = "pcsc", .device = "veuicc"});
  ASSERT_FALSE(ambiguous);
  EXPECT_EQ(ambiguous.error().code, Errc::invalid_argument);
  auto missing = open_transport({.backend = "pcsc", .device = "no such reader"});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, Errc::invalid_argument);
  EXPECT_NE(missing.error().message.find(reader_name()), std::string::npos) << missing.error().message;
}

TEST_F(PcscTransportTest, SelectsIsdRAndReadsTheEid) {
  insert_card({});
  auto transport = open();
  ASSERT_TRUE(transport);
  EXPECT_FALSE(transport->capabilities().extended_length);

  auto channel = transport->open_logical_channel(kIsdRAid);
  ASSERT_TRUE(channel) << channel.error().describe();
  EXPECT_EQ(*channel, 1);
  iso7816::ApduChannel isd_r(*transport, *channel);
  auto eid = isd_r.exchange(kStoreDataCla, kStoreData, kLastBlock, 0x00, kGetEid, 256);
  ASSERT_TRUE(eid) << eid.error().describe();
  EXPECT_EQ(to_hex(eid->data), kEidResponse);
  EXPECT_EQ(eid->status, StatusWord{0x9000});
  EXPECT_EQ(isd_r.counters().apdus, 1u);
  EXPECT_EQ(es10_.channels, (std::vector<std::uint8_t>{1}));
  EXPECT_TRUE(transport->close_logical_channel(*channel));

  // Closed for real: the card refuses commands on it now.
  auto after = transport->transmit(1, test::hex("81E2910006BF3E035C015A"));
  ASSERT_TRUE(after) << after.error().describe();
  EXPECT_EQ(after->status, StatusWord{0x6881});
}

TEST_F(PcscTransportTest, ChannelsFourToNineteenUseTheFurtherClassByte) {
  insert_card({.logical_channels = 20});
  auto transport = open();
  ASSERT_TRUE(transport);
  for (std::uint8_t expected = 1; expected <= 19; ++expected) {
    auto channel = transport->open_logical_channel(kIsdRAid);
    ASSERT_TRUE(channel) << channel.error().describe();
    ASSERT_EQ(*channel, expected);
  }
  for (std::uint8_t channel : std::initializer_list<std::uint8_t>{3, 4, 19}) {
    iso7816::ApduChannel isd_r(*transport, channel);
    auto eid = isd_r.exchange(kStoreDataCla, kStoreData, kLastBlock, 0x00, kGetEid, 256);
    ASSERT_TRUE(eid) << eid.error().describe();
    EXPECT_EQ(to_hex(eid->data), kEidResponse) << "channel " << int(channel);
  }
  EXPECT_EQ(es10_.channels, (std::vector<std::uint8_t>{3, 4, 19}));

  auto none_left = transport->open_logical_channel(kIsdRAid);
  ASSERT_FALSE(none_left);
  EXPECT_EQ(none_left.error().code, Errc::apdu_no_channel);
  EXPECT_EQ(none_left.error().status, StatusWord{0x6A81});
  EXPECT_NE(none_left.error().message.find("MANAGE CHANNEL"), std::string::npos) << none_left.error().message;
}

TEST_F(PcscTransportTest, AnUnknownApplicationLeavesNoChannelOpen) {
  insert_card({});
  auto transport = open();
  ASSERT_TRUE(transport);
  auto failed = transport->open_logical_channel(test::hex("A0000005591010FFFFFFFF8900000300"));
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, Errc::apdu_no_channel);
  EXPECT_EQ(failed.error().status, StatusWord{0x6A82});
  const auto& message = failed.error().message;
  EXPECT_NE(message.find("pcsc:" + reader_name()), std::string::npos) << message;
  EXPECT_NE(message.find("SELECT (INS A4)"), std::string::npos) << message;
  EXPECT_NE(message.find("6A82"), std::string::npos) << message;

  auto channel = transport->open_logical_channel(kIsdRAid);
  ASSERT_TRUE(channel) << channel.error().describe();
  EXPECT_EQ(*channel, 1);  // the failed attempt's channel 1 was closed again
}

TEST_F(PcscTransportTest, ExtendedLengthWhenTheAtrAnnouncesIt) {
  insert_card({.extended_length = true, .offer_t1 = true, .max_response_data = 65533});
  Bytes echo = test::hex("9F21820FFB");
  echo.resize(4096, 0x17);
  {
    auto transport = open();
    ASSERT_TRUE(transport);
    EXPECT_TRUE(transport->capabilities().extended_length);
    auto channel = transport->open_logical_channel(kIsdRAid);
    ASSERT_TRUE(channel) << channel.error().describe();
    iso7816::ApduChannel isd_r(*transport, *channel);
    auto response = isd_r.exchange(kStoreDataCla, kStoreData, kLastBlock, 0x00, echo, 65536);
    ASSERT_TRUE(response) << response.error().describe();
    EXPECT_EQ(response->data, echo);
    EXPECT_EQ(isd_r.counters().apdus, 1u);  // one APDU each way
  }
  auto forced = open({.force_short_apdus = true});
  ASSERT_TRUE(forced);
  EXPECT_FALSE(forced->capabilities().extended_length);
}

TEST_F(PcscTransportTest, ACardPulledOutMidOperationIsReportedQuickly) {
  insert_card({}, {.remove_after = 2});  // MANAGE CHANNEL and SELECT, then gone
  auto transport = open();
  ASSERT_TRUE(transport);
  auto channel = transport->open_logical_channel(kIsdRAid);
  ASSERT_TRUE(channel) << channel.error().describe();

  auto start = std::chrono::steady_clock::now();
  iso7816::ApduChannel isd_r(*transport, *channel);
  auto eid = isd_r.exchange(kStoreDataCla, kStoreData, kLastBlock, 0x00, kGetEid, 256);
  auto took = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(eid);
  EXPECT_EQ(eid.error().code, Errc::apdu_card_removed) << eid.error().describe();
  EXPECT_NE(eid.error().message.find("pcsc:" + reader_name()), std::string::npos) << eid.error().message;
  EXPECT_NE(eid.error().message.find("STORE DATA (INS E2)"), std::string::npos) << eid.error().message;
  EXPECT_LT(took, 2s);
  std::cout << "  " << eid.error().describe() << "\n";
  transport.reset();  // closing the channel on a missing card must not hang either
  EXPECT_LT(std::chrono::steady_clock::now() - start, 3s);
}

TEST_F(PcscTransportTest, AnEmptyReaderIsCardRemoved) {
  auto transport = open_transport({.backend = "pcsc", .device = reader_name()});
  ASSERT_FALSE(transport);
  EXPECT_EQ(transport.error().code, Errc::apdu_card_removed) << transport.error().describe();
}

TEST_F(PcscTransportTest, ChannelsLeftOpenAreClosedWhenTheTransportGoes) {
  insert_card({.logical_channels = 3});  // the basic channel and two more
  for (int round = 0; round < 4; ++round) {
    auto transport = open();
    ASSERT_TRUE(transport);
    for (std::uint8_t expected = 1; expected <= 2; ++expected) {
      auto channel = transport->open_logical_channel(kIsdRAid);
      ASSERT_TRUE(channel) << "round " << round << ": " << channel.error().describe();
      EXPECT_EQ(*channel, expected);
    }
  }
}

TEST_F(PcscTransportTest, ExclusiveSectionsNest) {
  insert_card({});
  auto transport = open();
  ASSERT_TRUE(transport);
  ASSERT_TRUE(transport->begin_exclusive());
  ASSERT_TRUE(transport->begin_exclusive());
  auto channel = transport->open_logical_channel(kIsdRAid);
  EXPECT_TRUE(channel);
  transport->end_exclusive();
  transport->end_exclusive();
  transport->end_exclusive();  // one too many is harmless
  // Another program gets the card now.
  auto other = open();
  ASSERT_TRUE(other);
  EXPECT_TRUE(other->begin_exclusive());
  other->end_exclusive();
}

TEST_F(PcscTransportTest, WaitingForAnotherProgramsTransactionHasATimeLimit) {
  insert_card({});
  const TransportOptions quick{.timeouts = {.command = 500ms, .apdu = 500ms}};
  auto holder = open();
  ASSERT_TRUE(holder);
  auto waiter = open(quick);
  ASSERT_TRUE(waiter);
  ASSERT_TRUE(holder->begin_exclusive());

  // pcscd lets nobody connect while another program's transaction lasts.
  auto start = std::chrono::steady_clock::now();
  auto late_comer = open_transport({.backend = "pcsc", .device = reader_name(), .timeouts = quick.timeouts});
  ASSERT_FALSE(late_comer);
  EXPECT_EQ(late_comer.error().code, Errc::apdu_timeout) << late_comer.error().describe();
  EXPECT_NE(late_comer.error().message.find("pcsc:" + reader_name()), std::string::npos) << late_comer.error().message;
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);

  // pcsc-lite itself would try to begin a transaction for as long as the other one lasts.
  start = std::chrono::steady_clock::now();
  auto locked = waiter->begin_exclusive();
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error().code, Errc::apdu_timeout) << locked.error().describe();
  EXPECT_NE(locked.error().message.find("pcsc:" + reader_name()), std::string::npos) << locked.error().message;
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  // The waiter is done for: its operations fail at once, and it goes without waiting.
  auto after = waiter->transmit(0, test::hex("80CA9F7F00"));
  ASSERT_FALSE(after);
  EXPECT_EQ(after.error().code, Errc::apdu_timeout);
  waiter.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 3s);

  // pcsc-lite goes on trying for the waiter. When it gets the card after all, that transaction is
  // ended at once instead of keeping the card from everyone for as long as this process lives.
  holder->end_exclusive();
  holder.reset();
  std::this_thread::sleep_for(500ms);  // pcsc-lite tries again every 100 ms (PCSCLITE_LOCK_POLL_RATE)
  auto next = open({.timeouts = {.command = 2s, .apdu = 2s}});
  ASSERT_TRUE(next);
  auto next_locked = next->begin_exclusive();
  EXPECT_TRUE(next_locked) << next_locked.error().describe();
  next->end_exclusive();
}

}  // namespace
}  // namespace lpad::apdu
