#include "apdu_backends/at/serial_port.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

namespace lpad::apdu::at {

namespace {

std::optional<speed_t> termios_speed(unsigned baud_rate) {
  switch (baud_rate) {
    case 9600: return B9600;
    case 19200: return B19200;
    case 38400: return B38400;
    case 57600: return B57600;
    case 115200: return B115200;
    case 230400: return B230400;
    case 460800: return B460800;
    case 921600: return B921600;
    case 1000000: return B1000000;
    case 2000000: return B2000000;
    case 3000000: return B3000000;
    case 4000000: return B4000000;
    default: return std::nullopt;
  }
}

int milliseconds_until(Deadline deadline) {
  auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
  return left.count() <= 0 ? 0 : static_cast<int>(left.count());
}

bool port_gone(int error) { return error == EIO || error == ENXIO || error == ENODEV || error == EBADF; }

}  // namespace

Result<SerialPort> SerialPort::open(const std::string& path, unsigned baud_rate) {
  auto speed = termios_speed(baud_rate);
  if (!speed) return fail(Errc::invalid_argument, fmt::format("at:{}: {} is not a serial speed termios knows", path, baud_rate));
  // O_NONBLOCK: open must not wait for carrier detect, and reads are driven by poll.
  UniqueFd fd(::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC));
  if (!fd) {
    int error = errno;
    if (error == EBUSY)
      return fail(Errc::apdu_transport_failure,
                  fmt::format("at:{}: another program holds the port exclusively (ModemManager? inhibit the modem first)", path));
    return fail(error == ENOENT ? Errc::apdu_card_removed : Errc::apdu_transport_failure,
                fmt::format("at:{}: cannot open: {}", path, std::strerror(error)));
  }
  termios tio{};
  if (::tcgetattr(fd.get(), &tio) != 0)
    return fail(Errc::apdu_transport_failure, fmt::format("at:{}: not a serial port: {}", path, std::strerror(errno)));
  // Exclusive while open: another program writing AT commands in the middle of an APDU exchange
  // would corrupt both (only root can still open the port; the mode ends with the last close).
  if (::ioctl(fd.get(), TIOCEXCL) != 0)
    return fail(Errc::apdu_transport_failure, fmt::format("at:{}: cannot take the port exclusively: {}", path, std::strerror(errno)));
  ::cfmakeraw(&tio);
  tio.c_cflag |= CLOCAL | CREAD;  // ignore modem control lines; enable the receiver
  tio.c_cflag &= ~static_cast<tcflag_t>(CRTSCTS);
  tio.c_cc[VMIN] = 0;
  tio.c_cc[VTIME] = 0;
  ::cfsetispeed(&tio, *speed);
  ::cfsetospeed(&tio, *speed);
  if (::tcsetattr(fd.get(), TCSANOW, &tio) != 0)
    return fail(Errc::apdu_transport_failure,
                fmt::format("at:{}: cannot set raw mode at {} baud: {}", path, baud_rate, std::strerror(errno)));
  ::tcflush(fd.get(), TCIOFLUSH);
  return SerialPort(std::move(fd), path);
}

Result<void> SerialPort::write_all(std::string_view bytes, Deadline deadline) {
  std::size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd_.get(), bytes.data() + written, bytes.size() - written);
    if (n > 0) {
      written += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno != EAGAIN && errno != EINTR) {
      int error = errno;
      return fail(port_gone(error) ? Errc::apdu_card_removed : Errc::apdu_transport_failure,
                  fmt::format("write failed: {}", std::strerror(error)));
    }
    pollfd p{fd_.get(), POLLOUT, 0};
    int ready = ::poll(&p, 1, milliseconds_until(deadline));
    if (ready == 0)
      return fail(Errc::apdu_timeout, "the modem takes no more input (flow control stuck?)");
  }
  return {};
}

Result<std::string> SerialPort::read_some(Deadline deadline) {
  while (true) {
    pollfd p{fd_.get(), POLLIN, 0};
    int ready = ::poll(&p, 1, milliseconds_until(deadline));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) return std::string{};
    if (ready < 0) return fail(Errc::apdu_transport_failure, fmt::format("poll failed: {}", std::strerror(errno)));
    char buffer[1024];
    ssize_t n = ::read(fd_.get(), buffer, sizeof buffer);
    if (n > 0) return std::string(buffer, static_cast<std::size_t>(n));
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
    // n == 0 or POLLHUP: the other end is gone.
    int error = n < 0 ? errno : EIO;
    if (port_gone(error) || (p.revents & (POLLHUP | POLLERR)))
      return fail(Errc::apdu_card_removed, fmt::format("the modem went away: {}", std::strerror(error)));
    return fail(Errc::apdu_transport_failure, fmt::format("read failed: {}", std::strerror(error)));
  }
}

void SerialPort::discard_input() {
  ::tcflush(fd_.get(), TCIFLUSH);
  char buffer[1024];
  while (::read(fd_.get(), buffer, sizeof buffer) > 0) {
  }
}

}  // namespace lpad::apdu::at
