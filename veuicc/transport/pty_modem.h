// The software modem on a pseudo-terminal: an AtModem reading from and writing to a PtyPort.
#pragma once

#include <stop_token>
#include <string>

#include "core/error.h"
#include "veuicc/card/card_contacts.h"
#include "veuicc/transport/at_modem.h"
#include "veuicc/transport/pty_port.h"

namespace lpad::veuicc {

class PtyModem {
 public:
  // `card` must outlive the modem.
  PtyModem(CardContacts& card, PtyPort port, AtModemOptions options)
      : card_(card), port_(std::move(port)), options_(std::move(options)) {}

  // The path hosts open, e.g. /dev/pts/3.
  const std::string& slave_path() const { return port_.slave_path(); }

  // Answers AT commands until `stop` is requested.
  Result<void> run(std::stop_token stop);

 private:
  CardContacts& card_;
  PtyPort port_;
  AtModemOptions options_;
};

}  // namespace lpad::veuicc
