// The QMI transport with real libqmi on the host side, against the fake qmi-proxy and the software
// eUICC behind it: libqmi connects to the abstract socket "qmi-proxy" of a private network
// namespace, where the fake listens instead of the real qmi-proxy.
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "apdu_backends/iso7816/apdu_channel.h"
#include "apdu_backends/qmi/qmi_transport.h"
#include "es10/es10c.h"
#include "es10/isdr_channel.h"
#include "fake_qmi_proxy.h"
#include "private_network.h"
#include "support/veuicc_stand_in_es10.h"
#include "veuicc/card/euicc_card.h"

namespace lpad::test {
namespace {

using namespace std::chrono_literals;

const Bytes kIsdrAid{0xA0, 0x00, 0x00, 0x05, 0x59, 0x10, 0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0x89, 0x00, 0x00, 0x01, 0x00};
constexpr std::string_view kEid = "89049032123451234512345678901235";

constexpr std::uint16_t kCtlGetVersionInfo = 0x0021;
constexpr std::uint16_t kCtlAllocateCid = 0x0022;
constexpr std::uint16_t kCtlReleaseCid = 0x0023;
constexpr std::uint16_t kCtlInternalProxyOpen = 0xFF00;
constexpr std::uint16_t kUimSendApdu = 0x003B;
constexpr std::uint16_t kUimLogicalChannel = 0x003F;
constexpr std::uint16_t kUimOpenLogicalChannel = 0x0042;

class QmiTransportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!enter_private_network_namespace())
      GTEST_SKIP() << "no private network namespace (needs root or user namespaces): the fake qmi-proxy could meet a real one";
    // libqmi wants the port to be a special file even when the proxy opens it: a FIFO does.
    dir_ = std::filesystem::temp_directory_path() / ("lpad-qmi-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    device_ = (dir_ / "cdc-wdm0").string();
    ASSERT_EQ(::mkfifo(device_.c_str(), 0600), 0);
    card_.power_on();
  }

  void TearDown() override {
    transport_.reset();
    proxy_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  void start_modem(FakeModemBehaviour behaviour = {}) {
    auto proxy = FakeQmiProxy::start(card_, behaviour);
    ASSERT_TRUE(proxy) << proxy.error().describe();
    proxy_ = std::move(*proxy);
  }

  static apdu::QmiOptions quick(std::chrono::milliseconds request_timeout = 2s) {
    apdu::QmiOptions options;
    options.open_timeout = 3s;
    options.request_timeout = request_timeout;
    return options;
  }

  void open(apdu::QmiOptions options = quick()) {
    auto transport = apdu::open_qmi_transport(device_, options);
    ASSERT_TRUE(transport) << transport.error().describe();
    transport_ = std::move(*transport);
  }

  StandInEs10 es10_;
  veuicc::EuiccCard card_{es10_, veuicc::CardOptions{}};
  std::filesystem::path dir_;
  std::string device_;
  std::unique_ptr<FakeQmiProxy> proxy_;
  std::unique_ptr<apdu::Transport> transport_;
};

std::vector<std::uint16_t> ctl_messages(const FakeQmiProxy& proxy) {
  std::vector<std::uint16_t> ids;
  for (const auto& m : proxy.received())
    if (m.service == qmux::kServiceCtl) ids.push_back(m.message_id);
  return ids;
}

TEST_F(QmiTransportTest, OpensThePortThroughTheProxyAndReleasesItsClient) {
  start_modem();
  open();
  EXPECT_EQ(transport_->description(), "qmi:" + device_);
  // libqmi's proxy handshake, then its version check, then our UIM client.
  EXPECT_EQ(ctl_messages(*proxy_), (std::vector<std::uint16_t>{kCtlInternalProxyOpen, kCtlGetVersionInfo, kCtlAllocateCid}));
  EXPECT_EQ(proxy_->opened_device(), device_);
  EXPECT_EQ(proxy_->received().back().find(0x01)->value, Bytes{qmux::kServiceUim});
  EXPECT_EQ(proxy_->clients_in_use(), 1u);

  transport_.reset();
  EXPECT_EQ(ctl_messages(*proxy_).back(), kCtlReleaseCid);
  EXPECT_EQ(proxy_->clients_in_use(), 0u);
}

TEST_F(QmiTransportTest, StoreDataGetEidOnTheIsdrChannel) {
  start_modem();
  open();

  auto channel = transport_->open_logical_channel(kIsdrAid);
  ASSERT_TRUE(channel) << channel.error().describe();
  EXPECT_GE(*channel, 1);

  // GetEuiccData for the EID (SGP.22 5.7.20): STORE DATA, one block, P1 91.
  apdu::iso7816::ApduChannel isdr(*transport_, *channel);
  const Bytes get_eid{0xBF, 0x3E, 0x03, 0x5C, 0x01, 0x5A};
  auto response = isdr.exchange(0x80, 0xE2, 0x91, 0x00, get_eid, 256);
  ASSERT_TRUE(response) << response.error().describe();
  EXPECT_TRUE(response->status.ok());
  EXPECT_EQ(to_hex(response->data), "BF3E125A10" + std::string(kEid));

  auto closed = transport_->close_logical_channel(*channel);
  ASSERT_TRUE(closed) << closed.error().describe();

  // What crossed QMI: open, the STORE DATA (and GET RESPONSE if the card chained), close; each
  // for slot 1, the APDUs on the channel the modem gave.
  auto uim = proxy_->uim_requests();
  ASSERT_GE(uim.size(), 3u);
  EXPECT_EQ(uim.front().message_id, kUimOpenLogicalChannel);
  EXPECT_EQ(uim.front().find(0x10)->value, qmux::u8_prefixed(kIsdrAid));
  EXPECT_EQ(uim[1].message_id, kUimSendApdu);
  EXPECT_EQ(uim[1].find(0x10)->value, Bytes{*channel});
  EXPECT_EQ(uim.back().message_id, kUimLogicalChannel);
  EXPECT_EQ(uim.back().find(0x11)->value, Bytes{*channel});
  for (const auto& request : uim) EXPECT_EQ(request.find(0x01)->value, Bytes{0x01});
  ASSERT_EQ(es10_.channels.size(), 1u);
  EXPECT_EQ(es10_.channels[0], *channel);
}

TEST_F(QmiTransportTest, Es10GetEidThroughTheIsdrChannel) {
  start_modem();
  open();
  auto isdr = es10::IsdrChannel::open(*transport_);
  ASSERT_TRUE(isdr) << isdr.error().describe();
  auto eid = es10::get_eid(*isdr);
  ASSERT_TRUE(eid) << eid.error().describe();
  EXPECT_EQ(*eid, kEid);
  ASSERT_TRUE(isdr->close());
}

TEST_F(QmiTransportTest, UsesTheConfiguredSlot) {
  start_modem(FakeModemBehaviour{.card_slot = 2});
  auto options = quick();
  options.slot = 2;
  open(options);
  auto channel = transport_->open_logical_channel(kIsdrAid);
  ASSERT_TRUE(channel) << channel.error().describe();
  EXPECT_EQ(proxy_->uim_requests().back().find(0x01)->value, Bytes{0x02});
}

TEST_F(QmiTransportTest, AnApplicationThatDoesNotSelectIsNoChannel) {
  start_modem();
  open();
  const Bytes unknown{0xA0, 0x00, 0x00, 0x00, 0x01, 0x02, 0x03};
  auto channel = transport_->open_logical_channel(unknown);
  ASSERT_FALSE(channel);
  EXPECT_EQ(channel.error().code, Errc::apdu_no_channel);
  ASSERT_TRUE(channel.error().status.has_value());
  EXPECT_EQ(channel.error().status->value, 0x6A82);
  EXPECT_NE(channel.error().message.find("Open Logical Channel"), std::string::npos) << channel.error().message;
}

TEST_F(QmiTransportTest, AUimErrorNamesTheQmiErrorAndTheCommand) {
  start_modem(FakeModemBehaviour{.failing_message = kUimSendApdu, .qmi_error = 48});  // InvalidArgument
  open();
  auto channel = transport_->open_logical_channel(kIsdrAid);
  ASSERT_TRUE(channel) << channel.error().describe();

  const Bytes command{0x81, 0xE2, 0x91, 0x00, 0x03, 0xBF, 0x3E, 0x00};
  auto response = transport_->transmit(*channel, command);
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().code, Errc::apdu_transport_failure);
  const auto& message = response.error().message;
  EXPECT_NE(message.find("qmi:" + device_), std::string::npos) << message;
  EXPECT_NE(message.find("UIM Send APDU (0x003B)"), std::string::npos) << message;
  EXPECT_NE(message.find("InvalidArgument (48)"), std::string::npos) << message;
}

TEST_F(QmiTransportTest, AModemThatDoesNotAnswerTimesOutWithinTheLimit) {
  start_modem(FakeModemBehaviour{.answer_uim = false});
  open(quick(400ms));

  auto started = std::chrono::steady_clock::now();
  auto channel = transport_->open_logical_channel(kIsdrAid);
  auto took = std::chrono::steady_clock::now() - started;

  ASSERT_FALSE(channel);
  EXPECT_EQ(channel.error().code, Errc::apdu_timeout) << channel.error().describe();
  EXPECT_NE(channel.error().message.find("Open Logical Channel"), std::string::npos) << channel.error().message;
  EXPECT_GE(took, 400ms);
  EXPECT_LT(took, 1500ms);
  EXPECT_EQ(proxy_->uim_requests().size(), 1u);  // it did reach the modem

  // The transport stays usable for what the modem does answer: releasing the client.
  transport_.reset();
  EXPECT_EQ(proxy_->clients_in_use(), 0u);
}

TEST_F(QmiTransportTest, AMissingPortFailsBeforeAnyProxy) {
  auto transport = apdu::open_qmi_transport((dir_ / "no-such-port").string(), quick());
  ASSERT_FALSE(transport);
  EXPECT_EQ(transport.error().code, Errc::apdu_transport_failure);
  EXPECT_NE(transport.error().message.find("no-such-port"), std::string::npos) << transport.error().message;
}

TEST(QmiTransportOptions, RefusesSlotsAndLimitsOutsideTheirRange) {
  apdu::QmiOptions options;
  options.slot = 0;
  auto no_slot = apdu::open_qmi_transport("/dev/cdc-wdm0", options);
  ASSERT_FALSE(no_slot);
  EXPECT_EQ(no_slot.error().code, Errc::invalid_argument);

  options.slot = 6;
  EXPECT_FALSE(apdu::open_qmi_transport("/dev/cdc-wdm0", options));

  options.slot = 1;
  options.request_timeout = 0ms;
  EXPECT_FALSE(apdu::open_qmi_transport("/dev/cdc-wdm0", options));

  EXPECT_FALSE(apdu::open_qmi_transport("", apdu::QmiOptions{}));
}

}  // namespace
}  // namespace lpad::test
