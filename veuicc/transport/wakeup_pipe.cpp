#include "veuicc/transport/wakeup_pipe.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

namespace lpad::veuicc {

WakeupPipe::WakeupPipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) throw std::runtime_error("pipe2 failed");
  read_.reset(fds[0]);
  write_.reset(fds[1]);
}

void WakeupPipe::wake() const {
  char byte = 1;
  [[maybe_unused]] auto n = ::write(write_.get(), &byte, 1);  // a full pipe is awake already
}

void WakeupPipe::drain() const {
  char buffer[64];
  while (::read(read_.get(), buffer, sizeof buffer) > 0) {
  }
}

bool wait_readable(int fd, const WakeupPipe& wakeup, int timeout_ms) {
  pollfd fds[2] = {{fd, POLLIN, 0}, {wakeup.read_fd(), POLLIN, 0}};
  int n = ::poll(fds, 2, timeout_ms);
  if (n <= 0) return false;
  if (fds[1].revents & POLLIN) return false;
  return (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) != 0;
}

}  // namespace lpad::veuicc
