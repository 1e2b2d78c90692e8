#include "veuicc/transport/pty_modem.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "veuicc/transport/wakeup_pipe.h"

namespace lpad::veuicc {
namespace {

constexpr int kPollMs = 200;
// How long a write may wait for a host that does not read; after that output is dropped, as a
// modem's UART would drop it.
constexpr int kWriteTimeoutMs = 1000;

void write_all(int fd, std::string_view text) {
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n > 0) {
      done += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) {
      pollfd p{fd, POLLOUT, 0};
      if (::poll(&p, 1, kWriteTimeoutMs) > 0) continue;
    }
    return;
  }
}

}  // namespace

Result<void> PtyModem::run(std::stop_token stop) {
  WakeupPipe wakeup;
  std::stop_callback on_stop(stop, [&] { wakeup.wake(); });
  const int fd = port_.master_fd();
  AtModem modem(card_, options_, [fd](std::string_view text) { write_all(fd, text); });

  char buffer[4096];
  while (!stop.stop_requested()) {
    if (!wait_readable(fd, wakeup, kPollMs)) continue;
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      modem.feed(std::string_view(buffer, static_cast<std::size_t>(n)));
      continue;
    }
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
    if (n < 0 && errno == EIO) {  // no slave open anywhere; cannot happen while we keep one
      ::usleep(kPollMs * 1000);
      continue;
    }
    return fail(Errc::veuicc_pty_failed, std::string("read: ") + std::strerror(errno));
  }
  return {};
}

}  // namespace lpad::veuicc
