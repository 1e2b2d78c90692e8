#include "apdu_backends/at/serial_port.h"

#include <pty.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <gtest/gtest.h>

namespace lpad::apdu::at {
namespace {

struct Pty {
  int leader = -1, follower = -1;
  std::string name;
  Pty() {
    char path[64] = {};
    if (::openpty(&leader, &follower, path, nullptr, nullptr) == 0) name = path;
  }
  ~Pty() {
    if (leader >= 0) ::close(leader);
    if (follower >= 0) ::close(follower);
  }
};

TEST(SerialPort, HoldsThePortExclusivelyWhileOpen) {
  Pty pty;
  ASSERT_FALSE(pty.name.empty());
  auto port = SerialPort::open(pty.name, 115200);
  ASSERT_TRUE(port) << port.error().describe();
  int exclusive = 0;
  ASSERT_EQ(::ioctl(pty.follower, TIOCGEXCL, &exclusive), 0);
  EXPECT_EQ(exclusive, 1);
}

TEST(SerialPort, AMissingPortIsACardRemovedError) {
  auto port = SerialPort::open("/dev/lpad-no-such-port", 115200);
  ASSERT_FALSE(port);
  EXPECT_EQ(port.error().code, Errc::apdu_card_removed);
}

}  // namespace
}  // namespace lpad::apdu::at
