#include "veuicc/transport/vpcd_link.h"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/unique_fd.h"
#include "veuicc/transport/vpcd_protocol.h"
#include "veuicc/transport/wakeup_pipe.h"

namespace lpad::veuicc {
namespace {

// How often an idle connection checks that the card is still there.
constexpr int kIdlePollMs = 100;

struct Resolved {
  sockaddr_storage address{};
  socklen_t length = 0;
  int family = AF_INET;
};

Result<Resolved> resolve(const Endpoint& endpoint) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICSERV;
  addrinfo* list = nullptr;
  auto port = std::to_string(endpoint.port);
  int rc = ::getaddrinfo(endpoint.host.c_str(), port.c_str(), &hints, &list);
  if (rc != 0 || list == nullptr)
    return fail(Errc::veuicc_vpcd_unreachable, "cannot resolve " + endpoint.host + ": " + ::gai_strerror(rc));
  Resolved out;
  std::memcpy(&out.address, list->ai_addr, list->ai_addrlen);
  out.length = list->ai_addrlen;
  out.family = list->ai_family;
  ::freeaddrinfo(list);
  return out;
}

// A connected socket, or an invalid one when vpcd is not (yet) listening.
UniqueFd connect_to(const Resolved& target, std::chrono::milliseconds timeout, const WakeupPipe& wakeup) {
  UniqueFd fd(::socket(target.family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
  if (!fd) return {};
  if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&target.address), target.length) != 0) {
    if (errno != EINPROGRESS) return {};
    pollfd fds[2] = {{fd.get(), POLLOUT, 0}, {wakeup.read_fd(), POLLIN, 0}};
    if (::poll(fds, 2, static_cast<int>(timeout.count())) <= 0 || !(fds[0].revents & POLLOUT)) return {};
    int error = 0;
    socklen_t size = sizeof error;
    if (::getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &error, &size) != 0 || error != 0) return {};
  }
  int one = 1;
  ::setsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);  // one small frame per APDU
  return fd;
}

bool send_all(int fd, ByteView bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
      pollfd p{fd, POLLOUT, 0};
      ::poll(&p, 1, 1000);
      continue;
    }
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

bool send_frame(int fd, ByteView payload) {
  auto framed = vpcd::frame(payload);
  return framed && send_all(fd, *framed);
}

enum class Verdict : std::uint8_t { keep, drop };

// One message from vpcd: a control code or an APDU.
Verdict answer(CardContacts& card, int fd, const Bytes& message) {
  if (message.empty()) return Verdict::keep;
  if (message.size() == 1) {
    switch (message[0]) {
      case vpcd::kPowerOff: card.power_off(); return Verdict::keep;
      case vpcd::kPowerOn: card.power_on(); return Verdict::keep;
      case vpcd::kReset: card.reset(); return Verdict::keep;
      case vpcd::kAtrRequest: {
        auto atr = card.atr();
        if (!atr) return Verdict::drop;  // no card: vpcd reports it removed
        return send_frame(fd, *atr) ? Verdict::keep : Verdict::drop;
      }
      default: return Verdict::keep;  // unknown control codes have no answer
    }
  }
  auto response = card.transmit(message);
  if (!response) return Verdict::drop;  // a mute card: vpcd gives up on it
  return send_frame(fd, *response) ? Verdict::keep : Verdict::drop;
}

}  // namespace

Result<void> VpcdLink::run(std::stop_token stop) {
  auto target = resolve(endpoint_);
  if (!target) return unexpected(target.error());

  WakeupPipe wakeup;
  std::stop_callback on_stop(stop, [&] { wakeup.wake(); });
  const int reconnect_ms = static_cast<int>(options_.reconnect_interval.count());

  while (!stop.stop_requested()) {
    if (!card_.present()) {  // a removed card stays out of the reader
      wait_readable(wakeup.read_fd(), wakeup, reconnect_ms);
      continue;
    }
    UniqueFd fd = connect_to(*target, options_.connect_timeout, wakeup);
    if (!fd) {
      wait_readable(wakeup.read_fd(), wakeup, reconnect_ms);  // vpcd not listening (yet)
      continue;
    }
    connected_ = true;
    ++connections_;

    vpcd::FrameDecoder decoder;
    std::uint8_t buffer[4096];
    bool open = true;
    while (open && !stop.stop_requested()) {
      if (!wait_readable(fd.get(), wakeup, kIdlePollMs)) {
        if (!card_.present()) open = false;
        continue;
      }
      ssize_t n = ::recv(fd.get(), buffer, sizeof buffer, 0);
      if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
      if (n <= 0) break;  // vpcd closed: pcscd stopped or restarts
      decoder.feed(ByteView(buffer, static_cast<std::size_t>(n)));
      while (auto message = decoder.next()) {
        if (answer(card_, fd.get(), *message) == Verdict::drop) {
          open = false;
          break;
        }
      }
    }
    connected_ = false;
    card_.power_off();  // out of the reader, the card loses power
  }
  return {};
}

}  // namespace lpad::veuicc
