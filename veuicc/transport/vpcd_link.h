// Puts a card into a vpcd reader: connects to vpcd (pcscd's virtual reader driver), answers its
// control messages and APDUs, and reconnects when pcscd or vpcd restarts. A card that goes away
// (fault injection) closes the connection, which pcscd sees as card removal.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <stop_token>

#include "core/error.h"
#include "veuicc/card/card_contacts.h"
#include "veuicc/transport/endpoint.h"

namespace lpad::veuicc {

struct VpcdLinkOptions {
  std::chrono::milliseconds reconnect_interval{200};
  std::chrono::milliseconds connect_timeout{2000};
};

class VpcdLink {
 public:
  // `card` must outlive the link.
  VpcdLink(CardContacts& card, Endpoint endpoint, VpcdLinkOptions options = {})
      : card_(card), endpoint_(std::move(endpoint)), options_(options) {}

  // Serves until `stop` is requested, reconnecting as often as needed. Fails only for an
  // endpoint that can never work (a host name that does not resolve).
  Result<void> run(std::stop_token stop);

  bool connected() const { return connected_.load(); }
  std::size_t connections() const { return connections_.load(); }  // successful connects so far

 private:
  CardContacts& card_;
  Endpoint endpoint_;
  VpcdLinkOptions options_;
  std::atomic<bool> connected_{false};
  std::atomic<std::size_t> connections_{0};
};

}  // namespace lpad::veuicc
