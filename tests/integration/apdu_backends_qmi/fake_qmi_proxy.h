// A QMI modem with a UIM service, as libqmi sees it through qmi-proxy: it listens on the abstract
// unix socket "qmi-proxy" (libqmi's QMI_PROXY_SOCKET_PATH) where libqmi, opening a port with
// QMI_DEVICE_OPEN_FLAGS_PROXY, connects; libqmi then sends CTL "Internal Proxy Open" (0xFF00)
// with the device path and from there plain QMUX frames flow both ways. So the fake is the proxy
// and the modem in one: it answers CTL (proxy open, version info, client IDs, sync) and UIM (Open
// Logical Channel, Send APDU, Logical Channel) from a card behind veuicc::CardContacts.
// Abstract socket names are per network namespace: run it in a private one (private_network.h)
// so it neither meets a real qmi-proxy nor another test.
// It serves on a thread of its own; the card is touched only there.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/error.h"
#include "core/unique_fd.h"
#include "qmux_codec.h"
#include "veuicc/card/card_contacts.h"

namespace lpad::test {

struct FakeModemBehaviour {
  bool answer_uim = true;            // false: UIM requests are read and never answered
  std::uint16_t failing_message = 0; // a UIM message ID answered with `qmi_error` instead
  std::uint16_t qmi_error = 0;
  std::uint8_t card_slot = 1;        // requests for another slot get QMI error InvalidArgument
};

class FakeQmiProxy {
  struct Token {};  // only start() constructs

 public:
  // Binds the socket and starts serving; `card` must outlive the proxy.
  static Result<std::unique_ptr<FakeQmiProxy>> start(veuicc::CardContacts& card, FakeModemBehaviour behaviour = {});
  FakeQmiProxy(Token, veuicc::CardContacts& card, FakeModemBehaviour behaviour, UniqueFd listener, UniqueFd wake_read,
               UniqueFd wake_write);
  FakeQmiProxy(const FakeQmiProxy&) = delete;
  FakeQmiProxy& operator=(const FakeQmiProxy&) = delete;
  ~FakeQmiProxy();

  // Every frame the host sent, in order.
  std::vector<qmux::Message> received() const;
  // The UIM requests alone.
  std::vector<qmux::Message> uim_requests() const;
  // The device path of the last Internal Proxy Open.
  std::string opened_device() const;
  // Client IDs handed out and not yet released, over all services.
  std::size_t clients_in_use() const;

 private:
  struct Connection {
    UniqueFd fd;
    Bytes pending;
  };

  void serve();
  // False when the connection must be dropped.
  bool read_from(Connection& connection);
  void handle(const qmux::Message& request, int fd);
  std::optional<qmux::Message> answer_ctl(const qmux::Message& request);
  std::optional<qmux::Message> answer_uim(const qmux::Message& request);
  qmux::Message open_logical_channel(const qmux::Message& request);
  qmux::Message send_apdu(const qmux::Message& request);
  qmux::Message close_logical_channel(const qmux::Message& request);
  // The card's response with 61xx followed by GET RESPONSE, as modems do for their own commands.
  std::optional<Bytes> card_exchange(Bytes command);

  veuicc::CardContacts& card_;
  FakeModemBehaviour behaviour_;
  UniqueFd listener_;
  UniqueFd wake_read_;
  UniqueFd wake_write_;
  std::vector<Connection> connections_;
  std::uint8_t next_client_id_ = 1;

  mutable std::mutex mutex_;  // guards what the test reads: the fields below
  std::vector<qmux::Message> received_;
  std::string opened_device_;
  std::size_t clients_in_use_ = 0;

  std::thread thread_;  // last: starts after, and is joined before, everything above goes
};

}  // namespace lpad::test
