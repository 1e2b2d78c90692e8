#include "veuicc/transport/pty_port.h"

#include <fcntl.h>
#include <stdlib.h>
#include <termios.h>

#include <cerrno>
#include <cstring>

namespace lpad::veuicc {
namespace {

unexpected<Error> pty_error(const char* step) {
  return fail(Errc::veuicc_pty_failed, std::string(step) + ": " + std::strerror(errno));
}

}  // namespace

Result<PtyPort> PtyPort::open() {
  PtyPort port;
  port.master_.reset(::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC));
  if (!port.master_) return pty_error("posix_openpt");
  if (::grantpt(port.master_.get()) != 0) return pty_error("grantpt");
  if (::unlockpt(port.master_.get()) != 0) return pty_error("unlockpt");
  char name[128];
  if (::ptsname_r(port.master_.get(), name, sizeof name) != 0) return pty_error("ptsname_r");
  port.slave_path_ = name;

  port.slave_keepalive_.reset(::open(name, O_RDWR | O_NOCTTY | O_CLOEXEC));
  if (!port.slave_keepalive_) return pty_error("open slave");
  // Raw: no echo by the line discipline (the modem echoes itself), no CR/LF translation.
  termios tio{};
  if (::tcgetattr(port.slave_keepalive_.get(), &tio) != 0) return pty_error("tcgetattr");
  ::cfmakeraw(&tio);
  if (::tcsetattr(port.slave_keepalive_.get(), TCSANOW, &tio) != 0) return pty_error("tcsetattr");

  int flags = ::fcntl(port.master_.get(), F_GETFL);
  if (flags < 0 || ::fcntl(port.master_.get(), F_SETFL, flags | O_NONBLOCK) != 0) return pty_error("fcntl");
  return port;
}

}  // namespace lpad::veuicc
