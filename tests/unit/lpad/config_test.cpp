// lpad.conf: defaults, every group, and refusal of anything it does not know (a typo must not
// silently drop a setting).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "lpad/config.h"

namespace lpad::daemon {
namespace {

TEST(Config, EmptyFileGivesTheDocumentedDefaults) {
  auto config = parse_config("", "test.conf");
  ASSERT_TRUE(config) << config.error().describe();
  EXPECT_TRUE(config->pcsc);
  EXPECT_EQ(config->job_linger, std::chrono::seconds(60));
  EXPECT_EQ(config->consent_timeout, std::chrono::seconds(300));
  EXPECT_EQ(config->idle_exit, std::chrono::seconds(60));
  EXPECT_EQ(config->state_directory, "/var/lib/lpad");
  EXPECT_TRUE(config->send_after_operations);
  EXPECT_FALSE(config->https.test_mode);
  EXPECT_EQ(config->isdr_aids, std::vector<Bytes>{es10::kIsdrAid});
  EXPECT_TRUE(config->modem_manager);
}

TEST(Config, ModemManagerAutoOrNo) {
  auto off = parse_config("[devices]\nmodem_manager=no\n", "t");
  ASSERT_TRUE(off) << off.error().describe();
  EXPECT_FALSE(off->modem_manager);
  auto on = parse_config("[devices]\nmodem_manager=auto\n", "t");
  ASSERT_TRUE(on) << on.error().describe();
  EXPECT_TRUE(on->modem_manager);
  EXPECT_FALSE(parse_config("[devices]\nmodem_manager=yes\n", "t"));
}

TEST(Config, TheExampleFileParses) {
  std::ifstream in(std::string(LPAD_SOURCE_DIR) + "/docs/lpad.conf.example");
  std::stringstream text;
  text << in.rdbuf();
  ASSERT_FALSE(text.str().empty());
  auto config = parse_config(text.str(), "lpad.conf.example");
  EXPECT_TRUE(config) << config.error().describe();
}

TEST(Config, DeviceGroupBecomesAStaticDeviceWithItsOwnSettings) {
  auto config = parse_config(
      "[timeouts]\napdu=7\n[device router]\nbackend=at\ndevice=/dev/ttyUSB2\nat_mode=csim\nmax_block_size=120\n"
      "isdr_aids=A0000005591010FFFFFFFF8900050500;A0000005591010FFFFFFFF8900000100\n",
      "test.conf");
  ASSERT_TRUE(config) << config.error().describe();
  ASSERT_EQ(config->devices.size(), 1u);
  const auto& device = config->devices[0];
  EXPECT_EQ(device.name, "router");
  EXPECT_EQ(device.transport.backend, "at");
  EXPECT_EQ(device.transport.device, "/dev/ttyUSB2");
  EXPECT_EQ(device.transport.at_mode, apdu::AtMode::csim);
  EXPECT_EQ(device.transport.timeouts.apdu, std::chrono::seconds(7));
  EXPECT_EQ(device.max_block_size, 120u);
  EXPECT_EQ(config->channel_options(&device).isdr_aids.size(), 2u);
}

TEST(Config, ExtraTrustAnchorImpliesTestMode) {
  auto config = parse_config("[tls]\nextra_ca=/etc/lpad/lab.pem\nresolve=a.test:443:127.0.0.1;b.test:443:127.0.0.1\n", "t");
  ASSERT_TRUE(config) << config.error().describe();
  EXPECT_TRUE(config->https.test_mode);
  EXPECT_EQ(config->https.resolve.size(), 2u);
}

TEST(Config, UnknownKeyIsRefusedWithGroupAndKeyNamed) {
  auto config = parse_config("[tls]\ntest_mod=true\n", "lpad.conf");
  ASSERT_FALSE(config);
  EXPECT_EQ(config.error().code, Errc::invalid_argument);
  EXPECT_NE(config.error().message.find("[tls] test_mod"), std::string::npos) << config.error().message;
}

TEST(Config, UnknownGroupIsRefused) {
  EXPECT_FALSE(parse_config("[tsl]\ntest_mode=true\n", "t"));
}

TEST(Config, ValueThatDoesNotParseIsRefused) {
  EXPECT_FALSE(parse_config("[tls]\ntest_mode=yes\n", "t"));
  EXPECT_FALSE(parse_config("[daemon]\njob_linger_seconds=soon\n", "t"));
  EXPECT_FALSE(parse_config("[devices]\nisdr_aids=XYZ\n", "t"));
  EXPECT_FALSE(parse_config("[device x]\nbackend=usb\ndevice=/dev/x\n", "t"));
}

TEST(Config, DeviceGroupWithoutItsDeviceIsRefused) {
  EXPECT_FALSE(parse_config("[device x]\nbackend=at\n", "t"));
}

TEST(Config, MissingFileIsTheDefaults) {
  auto config = load_config("/nonexistent/lpad.conf");
  ASSERT_TRUE(config);
  EXPECT_TRUE(config->devices.empty());
}

}  // namespace
}  // namespace lpad::daemon
