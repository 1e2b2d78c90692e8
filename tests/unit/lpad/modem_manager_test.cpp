// Which port of a ModemManager modem lpad talks to the SIM through.
#include <gtest/gtest.h>

#include "lpad/modem_manager.h"

namespace lpad::daemon {
namespace {

constexpr std::uint32_t kAt = 3, kQmi = 6, kMbim = 7, kNet = 2;

// The device node lpad would use, "backend device", or "" for none.
std::string chosen(std::vector<ModemPort> ports, std::string primary) {
  auto transport = modem_transport(MmModem{"/org/freedesktop/ModemManager1/Modem/0", "uid", std::move(ports), std::move(primary)});
  return transport ? transport->backend + " " + transport->device : "";
}

TEST(ModemTransport, QmiPortIsPreferredOverAt) {
  EXPECT_EQ(chosen({{"ttyUSB2", kAt}, {"cdc-wdm0", kQmi}, {"wwan0", kNet}}, "ttyUSB2"), "qmi /dev/cdc-wdm0");
}

TEST(ModemTransport, PrimaryAtPortIsChosenAmongAtPorts) {
  EXPECT_EQ(chosen({{"ttyUSB1", kAt}, {"ttyUSB2", kAt}, {"ttyUSB3", kAt}}, "ttyUSB2"), "at /dev/ttyUSB2");
}

TEST(ModemTransport, AnAtPortWhenThePrimaryIsAnother) {
  EXPECT_EQ(chosen({{"wwan0", kNet}, {"pts/3", kAt}}, "wwan0"), "at /dev/pts/3");
}

TEST(ModemTransport, MbimOnlyModemHasNoPortForLpad) {
  EXPECT_EQ(chosen({{"cdc-wdm0", kMbim}, {"wwan0", kNet}}, "cdc-wdm0"), "");
}

}  // namespace
}  // namespace lpad::daemon
