#include "fake_qmi_proxy.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <string_view>

#include <fmt/format.h>

namespace lpad::test {
namespace {

// libqmi's QMI_PROXY_SOCKET_PATH, an abstract socket name.
constexpr std::string_view kProxySocketName = "qmi-proxy";

// CTL message IDs (libqmi data/qmi-service-ctl.json; 0xFF00 is libqmi's own, for qmi-proxy).
constexpr std::uint16_t kCtlGetVersionInfo = 0x0021;
constexpr std::uint16_t kCtlAllocateCid = 0x0022;
constexpr std::uint16_t kCtlReleaseCid = 0x0023;
constexpr std::uint16_t kCtlSync = 0x0027;
constexpr std::uint16_t kCtlInternalProxyOpen = 0xFF00;

// UIM message IDs (libqmi data/qmi-service-uim.json, since 1.36).
constexpr std::uint16_t kUimSendApdu = 0x003B;
constexpr std::uint16_t kUimLogicalChannel = 0x003F;
constexpr std::uint16_t kUimOpenLogicalChannel = 0x0042;

// QMI protocol errors (libqmi qmi-errors.h).
constexpr std::uint16_t kErrorMissingArgument = 17;
constexpr std::uint16_t kErrorInvalidArgument = 48;
constexpr std::uint16_t kErrorSimFileNotFound = 80;
constexpr std::uint16_t kErrorNotSupported = 94;
constexpr std::uint16_t kErrorNoSim = 102;
constexpr std::uint16_t kErrorInvalidQmiCommand = 71;

// The versions the fake claims; libqmi only checks that the service is listed.
constexpr std::uint16_t kCtlVersion[2] = {1, 5};
constexpr std::uint16_t kUimVersion[2] = {1, 46};

sockaddr_un proxy_address(socklen_t& length) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  // Abstract: a leading NUL, then the name without a terminator (libqmi's G_UNIX_SOCKET_ADDRESS_ABSTRACT).
  std::memcpy(address.sun_path + 1, kProxySocketName.data(), kProxySocketName.size());
  length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 + kProxySocketName.size());
  return address;
}

std::uint8_t class_byte(std::uint8_t channel) {
  // ISO/IEC 7816-4 5.4.1: first interindustry form for 0-3, further form for 4-19.
  return channel < 4 ? channel : static_cast<std::uint8_t>(0x40 | (channel - 4));
}

std::optional<std::uint8_t> u8_tlv(const qmux::Message& m, std::uint8_t type) {
  const auto* tlv = m.find(type);
  if (!tlv || tlv->value.size() != 1) return std::nullopt;
  return tlv->value[0];
}

// A guint8- or guint16-length-prefixed byte array TLV.
std::optional<Bytes> prefixed_tlv(const qmux::Message& m, std::uint8_t type, std::size_t prefix) {
  const auto* tlv = m.find(type);
  if (!tlv || tlv->value.size() < prefix) return std::nullopt;
  std::size_t length = prefix == 1 ? tlv->value[0] : std::size_t{tlv->value[0]} | std::size_t{tlv->value[1]} << 8;
  if (tlv->value.size() != prefix + length) return std::nullopt;
  return Bytes(tlv->value.begin() + static_cast<std::ptrdiff_t>(prefix), tlv->value.end());
}

}  // namespace

Result<std::unique_ptr<FakeQmiProxy>> FakeQmiProxy::start(veuicc::CardContacts& card, FakeModemBehaviour behaviour) {
  UniqueFd listener(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (!listener) return fail(Errc::io_error, fmt::format("socket: {}", std::strerror(errno)));
  socklen_t length = 0;
  auto address = proxy_address(length);
  if (::bind(listener.get(), reinterpret_cast<const sockaddr*>(&address), length) != 0)
    return fail(Errc::io_error, fmt::format("bind @{}: {}", kProxySocketName, std::strerror(errno)));
  if (::listen(listener.get(), 4) != 0) return fail(Errc::io_error, fmt::format("listen: {}", std::strerror(errno)));
  int wake[2];
  if (::pipe2(wake, O_CLOEXEC) != 0) return fail(Errc::io_error, fmt::format("pipe: {}", std::strerror(errno)));
  return std::make_unique<FakeQmiProxy>(Token{}, card, behaviour, std::move(listener), UniqueFd(wake[0]),
                                        UniqueFd(wake[1]));
}

FakeQmiProxy::FakeQmiProxy(Token, veuicc::CardContacts& card, FakeModemBehaviour behaviour, UniqueFd listener,
                           UniqueFd wake_read, UniqueFd wake_write)
    : card_(card),
      behaviour_(behaviour),
      listener_(std::move(listener)),
      wake_read_(std::move(wake_read)),
      wake_write_(std::move(wake_write)),
      thread_([this] { serve(); }) {}

FakeQmiProxy::~FakeQmiProxy() {
  char stop = 'x';
  [[maybe_unused]] auto n = ::write(wake_write_.get(), &stop, 1);
  thread_.join();
}

std::vector<qmux::Message> FakeQmiProxy::received() const {
  std::lock_guard lock(mutex_);
  return received_;
}

std::vector<qmux::Message> FakeQmiProxy::uim_requests() const {
  std::vector<qmux::Message> uim;
  for (auto& m : received())
    if (m.service == qmux::kServiceUim) uim.push_back(m);
  return uim;
}

std::string FakeQmiProxy::opened_device() const {
  std::lock_guard lock(mutex_);
  return opened_device_;
}

std::size_t FakeQmiProxy::clients_in_use() const {
  std::lock_guard lock(mutex_);
  return clients_in_use_;
}

void FakeQmiProxy::serve() {
  while (true) {
    std::vector<pollfd> fds{{wake_read_.get(), POLLIN, 0}, {listener_.get(), POLLIN, 0}};
    for (auto& c : connections_) fds.push_back({c.fd.get(), POLLIN, 0});
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (fds[0].revents) return;
    if (fds[1].revents & POLLIN) {
      UniqueFd accepted(::accept4(listener_.get(), nullptr, nullptr, SOCK_CLOEXEC));
      if (accepted) connections_.push_back({std::move(accepted), {}});
    }
    // Walk the connections polled this round (accepting may have added one at the end).
    for (std::size_t i = fds.size() - 2; i-- > 0;) {
      if (fds[i + 2].revents && !read_from(connections_[i]))
        connections_.erase(connections_.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }
}

bool FakeQmiProxy::read_from(Connection& connection) {
  std::uint8_t buffer[4096];
  auto n = ::read(connection.fd.get(), buffer, sizeof buffer);
  if (n <= 0) return false;
  connection.pending.insert(connection.pending.end(), buffer, buffer + n);
  while (true) {
    auto decoded = qmux::decode(connection.pending);
    if (!decoded) return false;  // not QMUX: drop the host, as qmi-proxy would
    if (!*decoded) return true;
    auto message = std::move((*decoded)->message);
    connection.pending.erase(connection.pending.begin(),
                             connection.pending.begin() + static_cast<std::ptrdiff_t>((*decoded)->size));
    handle(message, connection.fd.get());
  }
}

void FakeQmiProxy::handle(const qmux::Message& request, int fd) {
  {
    std::lock_guard lock(mutex_);
    received_.push_back(request);
  }
  if (request.kind != qmux::Kind::request) return;
  std::optional<qmux::Message> response;
  if (request.service == qmux::kServiceCtl)
    response = answer_ctl(request);
  else if (request.service == qmux::kServiceUim)
    response = answer_uim(request);
  else
    response = qmux::response_to(request, kErrorInvalidQmiCommand);
  if (!response) return;
  auto frame = qmux::encode(*response);
  [[maybe_unused]] auto n = ::write(fd, frame.data(), frame.size());
}

std::optional<qmux::Message> FakeQmiProxy::answer_ctl(const qmux::Message& request) {
  switch (request.message_id) {
    case kCtlInternalProxyOpen: {
      const auto* path = request.find(0x01);
      std::lock_guard lock(mutex_);
      opened_device_ = path ? std::string(path->value.begin(), path->value.end()) : std::string();
      return qmux::response_to(request, 0);
    }
    case kCtlGetVersionInfo: {
      Bytes list{2};
      for (auto [service, version] : {std::pair{qmux::kServiceCtl, kCtlVersion}, std::pair{qmux::kServiceUim, kUimVersion}}) {
        list.push_back(service);
        for (auto part : {version[0], version[1]}) {
          auto le = qmux::le16(part);
          list.insert(list.end(), le.begin(), le.end());
        }
      }
      return qmux::response_to(request, 0, {{0x01, list}});
    }
    case kCtlAllocateCid: {
      auto service = u8_tlv(request, 0x01);
      if (!service) return qmux::response_to(request, kErrorMissingArgument);
      std::lock_guard lock(mutex_);
      ++clients_in_use_;
      return qmux::response_to(request, 0, {{0x01, {*service, next_client_id_++}}});
    }
    case kCtlReleaseCid: {
      const auto* info = request.find(0x01);
      if (!info || info->value.size() != 2) return qmux::response_to(request, kErrorMissingArgument);
      std::lock_guard lock(mutex_);
      if (clients_in_use_ > 0) --clients_in_use_;
      return qmux::response_to(request, 0, {{0x01, info->value}});
    }
    case kCtlSync:
      return qmux::response_to(request, 0);
    default:
      return qmux::response_to(request, kErrorNotSupported);
  }
}

std::optional<qmux::Message> FakeQmiProxy::answer_uim(const qmux::Message& request) {
  if (!behaviour_.answer_uim) return std::nullopt;
  if (behaviour_.failing_message == request.message_id) return qmux::response_to(request, behaviour_.qmi_error);
  auto slot = u8_tlv(request, 0x01);
  if (!slot) return qmux::response_to(request, kErrorMissingArgument);
  if (*slot != behaviour_.card_slot) return qmux::response_to(request, kErrorInvalidArgument);
  switch (request.message_id) {
    case kUimOpenLogicalChannel: return open_logical_channel(request);
    case kUimSendApdu: return send_apdu(request);
    case kUimLogicalChannel: return close_logical_channel(request);
    default: return qmux::response_to(request, kErrorInvalidQmiCommand);
  }
}

qmux::Message FakeQmiProxy::open_logical_channel(const qmux::Message& request) {
  auto aid = prefixed_tlv(request, 0x10, 1);
  if (!aid) return qmux::response_to(request, kErrorMissingArgument);
  // MANAGE CHANNEL open (ISO/IEC 7816-4 11.1.2): the card picks the channel.
  auto opened = card_exchange({0x00, 0x70, 0x00, 0x00, 0x01});
  if (!opened) return qmux::response_to(request, kErrorNoSim);
  if (opened->size() != 3 || (*opened)[1] != 0x90 || (*opened)[2] != 0x00)
    return qmux::response_to(request, kErrorSimFileNotFound, {{0x11, Bytes(opened->end() - 2, opened->end())}});
  std::uint8_t channel = (*opened)[0];

  Bytes select{class_byte(channel), 0xA4, 0x04, 0x00, static_cast<std::uint8_t>(aid->size())};
  select.insert(select.end(), aid->begin(), aid->end());
  select.push_back(0x00);
  auto selected = card_exchange(std::move(select));
  if (!selected) return qmux::response_to(request, kErrorNoSim);
  Bytes sw(selected->end() - 2, selected->end());
  if (sw != Bytes{0x90, 0x00}) {
    card_exchange({0x00, 0x70, 0x80, channel});
    return qmux::response_to(request, kErrorSimFileNotFound, {{0x11, sw}});
  }
  Bytes fci(selected->begin(), selected->end() - 2);
  return qmux::response_to(request, 0, {{0x10, {channel}}, {0x11, sw}, {0x12, qmux::u8_prefixed(fci)}});
}

qmux::Message FakeQmiProxy::send_apdu(const qmux::Message& request) {
  auto apdu = prefixed_tlv(request, 0x02, 2);
  if (!apdu) return qmux::response_to(request, kErrorMissingArgument);
  // The modem passes the APDU on as it is: its CLA already names the channel of TLV 0x10.
  auto response = card_.transmit(*apdu);
  if (!response) return qmux::response_to(request, kErrorNoSim);
  return qmux::response_to(request, 0, {{0x10, qmux::u16_prefixed(*response)}});
}

qmux::Message FakeQmiProxy::close_logical_channel(const qmux::Message& request) {
  auto channel = u8_tlv(request, 0x11);
  if (!channel) return qmux::response_to(request, kErrorMissingArgument);
  auto closed = card_exchange({0x00, 0x70, 0x80, *channel});
  if (!closed) return qmux::response_to(request, kErrorNoSim);
  if (*closed != Bytes{0x90, 0x00}) return qmux::response_to(request, kErrorInvalidArgument, {{0x11, *closed}});
  return qmux::response_to(request, 0);
}

std::optional<Bytes> FakeQmiProxy::card_exchange(Bytes command) {
  auto response = card_.transmit(command);
  Bytes data;
  while (response && response->size() >= 2 && (*response)[response->size() - 2] == 0x61) {
    data.insert(data.end(), response->begin(), response->end() - 2);
    // GET RESPONSE on the command's channel: keep only the channel bits of its class byte.
    std::uint8_t cla = static_cast<std::uint8_t>(command[0] & ((command[0] & 0x40) ? 0x4F : 0x03));
    response = card_.transmit(Bytes{cla, 0xC0, 0x00, 0x00, response->back()});
  }
  if (!response) return std::nullopt;
  data.insert(data.end(), response->begin(), response->end());
  return data;
}

}  // namespace lpad::test
