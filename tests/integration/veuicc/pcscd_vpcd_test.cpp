// The software eUICC behind the real PC/SC stack: a private pcscd with the vpcd driver, the card
// connected through VpcdLink, and libpcsclite as the host.
#include <PCSC/winscard.h>
#include <PCSC/wintypes.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>

#include "support/private_pcscd.h"
#include "support/shared_data.h"
#include "support/veuicc_stand_in_es10.h"
#include "veuicc/card/atr.h"
#include "veuicc/card/euicc_card.h"
#include "veuicc/card/fault_injection.h"
#include "veuicc/transport/vpcd_link.h"

namespace lpad::veuicc {
namespace {

using namespace std::chrono_literals;

constexpr DWORD kPresenceTimeoutMs = 5000;
const std::string kSelectIsdR = "A4040010A0000005591010FFFFFFFF8900000100";

class PcscContext {
 public:
  PcscContext() { rc_ = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &handle_); }
  ~PcscContext() {
    if (rc_ == SCARD_S_SUCCESS) SCardReleaseContext(handle_);
  }
  PcscContext(const PcscContext&) = delete;
  PcscContext& operator=(const PcscContext&) = delete;
  LONG rc() const { return rc_; }
  SCARDCONTEXT get() const { return handle_; }

 private:
  SCARDCONTEXT handle_ = 0;
  LONG rc_;
};

class PcscCard {
 public:
  PcscCard(SCARDCONTEXT context, const std::string& reader) {
    rc_ = SCardConnect(context, reader.c_str(), SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1,
                       &handle_, &protocol_);
  }
  ~PcscCard() {
    if (rc_ == SCARD_S_SUCCESS) SCardDisconnect(handle_, SCARD_LEAVE_CARD);
  }
  PcscCard(const PcscCard&) = delete;
  PcscCard& operator=(const PcscCard&) = delete;
  LONG rc() const { return rc_; }
  SCARDHANDLE get() const { return handle_; }
  const SCARD_IO_REQUEST* pci() const { return protocol_ == SCARD_PROTOCOL_T1 ? SCARD_PCI_T1 : SCARD_PCI_T0; }

  // The response in hex; "ERR:<rc>" when PC/SC fails.
  std::string tx(const Bytes& apdu) {
    Bytes response(65536 + 2);
    DWORD length = static_cast<DWORD>(response.size());
    LONG rc = SCardTransmit(handle_, pci(), apdu.data(), static_cast<DWORD>(apdu.size()), nullptr,
                            response.data(), &length);
    if (rc != SCARD_S_SUCCESS) return "ERR:" + std::to_string(rc);
    response.resize(length);
    return to_hex(response);
  }
  std::string tx(std::string_view hex) { return tx(test::hex(hex)); }

 private:
  SCARDHANDLE handle_ = 0;
  DWORD protocol_ = 0;
  LONG rc_;
};

// One pcscd for the whole program; each test puts its own card into the reader.
class PcscdVpcdTest : public ::testing::Test {
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

  void insert_card(CardOptions options, FaultPlan faults = {}) {
    card_ = std::make_unique<EuiccCard>(es10_, options);
    faulty_ = std::make_unique<FaultInjectingContacts>(*card_, faults);
    link_ = std::make_unique<VpcdLink>(*faulty_, Endpoint{"127.0.0.1", pcscd_->port()},
                                       VpcdLinkOptions{.reconnect_interval = 50ms});
    link_thread_ = std::jthread([this](std::stop_token stop) { (void)link_->run(stop); });
  }
  // Takes the card out and waits until pcscd has seen it go, so the next test starts clean.
  void pull_card() {
    if (!link_) return;
    link_thread_ = {};  // requests stop and joins
    link_.reset();
    faulty_.reset();
    card_.reset();
    PcscContext context;
    if (context.rc() == SCARD_S_SUCCESS) wait_for_card(context, false);
  }

  std::string reader_name() const {
    return std::string(test::kReaderFriendlyName) + " 00 00";
  }

  // Waits until pcscd reports the card in the reader (or its absence, with want_present false).
  bool wait_for_card(const PcscContext& context, bool want_present) {
    auto name = reader_name();
    SCARD_READERSTATE state{};
    state.szReader = name.c_str();
    state.dwCurrentState = SCARD_STATE_UNAWARE;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kPresenceTimeoutMs);
    while (std::chrono::steady_clock::now() < deadline) {
      LONG rc = SCardGetStatusChange(context.get(), 200, &state, 1);
      if (rc == SCARD_S_SUCCESS || rc == SCARD_E_TIMEOUT) {
        bool present = (state.dwEventState & SCARD_STATE_PRESENT) != 0;
        if (present == want_present) return true;
        state.dwCurrentState = state.dwEventState;
      } else {
        std::this_thread::sleep_for(50ms);  // readers not announced yet
      }
    }
    return false;
  }

  static inline std::unique_ptr<test::PrivatePcscd> pcscd_;
  static inline std::string skip_reason_;
  test::StandInEs10 es10_;
  std::unique_ptr<EuiccCard> card_;
  std::unique_ptr<FaultInjectingContacts> faulty_;
  std::unique_ptr<VpcdLink> link_;
  std::jthread link_thread_;
};

TEST_F(PcscdVpcdTest, AtrChannelsAndSelect) {
  insert_card({});
  PcscContext context;
  ASSERT_EQ(context.rc(), SCARD_S_SUCCESS);
  ASSERT_TRUE(wait_for_card(context, true)) << "see " << pcscd_->log_path();
  PcscCard card(context.get(), reader_name());
  ASSERT_EQ(card.rc(), SCARD_S_SUCCESS);

  Bytes atr(MAX_ATR_SIZE);
  DWORD atr_length = static_cast<DWORD>(atr.size());
  DWORD state = 0, protocol = 0;
  ASSERT_EQ(SCardStatus(card.get(), nullptr, nullptr, &state, &protocol, atr.data(), &atr_length), SCARD_S_SUCCESS);
  atr.resize(atr_length);
  EXPECT_EQ(atr, build_atr({}));

  EXPECT_EQ(card.tx("0070000001"), "019000");
  EXPECT_EQ(card.tx("01" + kSelectIsdR + "00"), "6F188410A0000005591010FFFFFFFF8900000100A5049F6501FF9000");
  EXPECT_EQ(card.tx("00A4040010A0000005591010FFFFFFFF8900000300"), "6A82");
  EXPECT_EQ(card.tx("0070800100"), "9000");
  EXPECT_EQ(card.tx("01" + kSelectIsdR), "6881");
}

TEST_F(PcscdVpcdTest, StoreDataChainingAndGetResponse) {
  insert_card({});
  PcscContext context;
  ASSERT_TRUE(wait_for_card(context, true)) << "see " << pcscd_->log_path();
  PcscCard card(context.get(), reader_name());
  ASSERT_EQ(card.rc(), SCARD_S_SUCCESS);

  EXPECT_EQ(card.tx("00" + kSelectIsdR), "611A");
  EXPECT_EQ(card.tx("00C000001A").substr(0, 4), "6F18");
  // GetEuiccData for the EID in two blocks.
  EXPECT_EQ(card.tx("80E2110003BF3E03"), "9000");
  EXPECT_EQ(card.tx("80E29101035C015A"), "6115");
  EXPECT_EQ(card.tx("80C0000015"), "BF3E125A1089049032123451234512345678901235" "9000");
  // Out of order.
  EXPECT_EQ(card.tx("80E2110103BF3E03"), "6A86");
  // A 600-byte echo comes back in pieces.
  Bytes command = test::hex("9F21820253");
  command.resize(600, 0x42);
  for (int block = 0; block < 3; ++block) {
    Bytes apdu{0x80, 0xE2, static_cast<std::uint8_t>(block == 2 ? 0x91 : 0x11), static_cast<std::uint8_t>(block), 200};
    apdu.insert(apdu.end(), command.begin() + block * 200, command.begin() + (block + 1) * 200);
    EXPECT_EQ(card.tx(apdu), block == 2 ? "6100" : "9000");
  }
  std::string echoed;
  std::string sw = "6100";
  while (sw != "9000") {
    auto r = card.tx("00C0000000");
    ASSERT_GE(r.size(), 4u) << r;
    sw = r.substr(r.size() - 4);
    ASSERT_TRUE(sw == "9000" || sw.starts_with("61")) << r;
    echoed += r.substr(0, r.size() - 4);
  }
  EXPECT_EQ(echoed, to_hex(command));
}

TEST_F(PcscdVpcdTest, ExtendedLengthThroughPcscd) {
  insert_card({.extended_length = true, .offer_t1 = true, .max_response_data = 65533});
  PcscContext context;
  ASSERT_TRUE(wait_for_card(context, true)) << "see " << pcscd_->log_path();
  PcscCard card(context.get(), reader_name());
  ASSERT_EQ(card.rc(), SCARD_S_SUCCESS);
  EXPECT_EQ(card.tx("00" + kSelectIsdR + "00").substr(0, 4), "6F18");

  Bytes command = test::hex("9F21820FFB");
  command.resize(4096, 0x17);
  Bytes apdu = test::hex("80E29100001000");
  apdu.insert(apdu.end(), command.begin(), command.end());
  apdu.push_back(0x00);
  apdu.push_back(0x00);
  EXPECT_EQ(card.tx(apdu), to_hex(command) + "9000");
}

TEST_F(PcscdVpcdTest, ResetClosesChannels) {
  insert_card({});
  PcscContext context;
  ASSERT_TRUE(wait_for_card(context, true)) << "see " << pcscd_->log_path();
  PcscCard card(context.get(), reader_name());
  ASSERT_EQ(card.rc(), SCARD_S_SUCCESS);
  EXPECT_EQ(card.tx("0070000001"), "019000");
  DWORD protocol = 0;
  ASSERT_EQ(SCardReconnect(card.get(), SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, SCARD_RESET_CARD,
                           &protocol),
            SCARD_S_SUCCESS);
  EXPECT_EQ(card.tx("01" + kSelectIsdR), "6881");
  EXPECT_EQ(card.tx("0070000001"), "019000");
}

TEST_F(PcscdVpcdTest, LatencyAndFailedApdu) {
  insert_card({}, {.apdu_latency = 100ms, .fail_apdu = 2});
  PcscContext context;
  ASSERT_TRUE(wait_for_card(context, true)) << "see " << pcscd_->log_path();
  PcscCard card(context.get(), reader_name());
  ASSERT_EQ(card.rc(), SCARD_S_SUCCESS);
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(card.tx("0070000001"), "019000");
  EXPECT_GE(std::chrono::steady_clock::now() - start, 100ms);
  EXPECT_EQ(card.tx("0070000001"), "6F00");
}

TEST_F(PcscdVpcdTest, CardRemovedAfterNApdus) {
  insert_card({}, {.remove_after = 2});
  PcscContext context;
  ASSERT_TRUE(wait_for_card(context, true)) << "see " << pcscd_->log_path();
  {
    PcscCard card(context.get(), reader_name());
    ASSERT_EQ(card.rc(), SCARD_S_SUCCESS);
    EXPECT_EQ(card.tx("0070000001"), "019000");
    EXPECT_EQ(card.tx("0070000001"), "029000");
    // vpcd turns the lost card into an empty response (no status word) or a PC/SC error.
    auto third = card.tx("0070000001");
    EXPECT_TRUE(third.empty() || third.starts_with("ERR:")) << third;
  }
  EXPECT_TRUE(wait_for_card(context, false));
}

TEST_F(PcscdVpcdTest, LinkReconnectsWhenPcscdRestarts) {
  insert_card({});
  {
    PcscContext context;
    ASSERT_TRUE(wait_for_card(context, true)) << "see " << pcscd_->log_path();
  }
  auto before = link_->connections();
  pcscd_->stop();
  ASSERT_EQ(pcscd_->launch(), "");
  PcscContext context;
  ASSERT_EQ(context.rc(), SCARD_S_SUCCESS);
  ASSERT_TRUE(wait_for_card(context, true)) << "see " << pcscd_->log_path();
  EXPECT_GT(link_->connections(), before);
  PcscCard card(context.get(), reader_name());
  ASSERT_EQ(card.rc(), SCARD_S_SUCCESS);
  EXPECT_EQ(card.tx("0070000001"), "019000");
}

}  // namespace
}  // namespace lpad::veuicc
