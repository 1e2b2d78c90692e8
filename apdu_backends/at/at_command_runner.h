// One AT command at a time on a serial port: send the line, collect the answer until its final
// result code, within a time limit. A command that timed out may still be answered later; that
// late answer is read and dropped before the next command is sent, so answers never shift by one.
#pragma once

#include <chrono>
#include <string_view>

#include "apdu_backends/at/at_response_parser.h"
#include "apdu_backends/at/serial_port.h"

namespace lpad::apdu::at {

class AtCommandRunner {
 public:
  explicit AtCommandRunner(SerialPort port) : port_(std::move(port)) {}

  const std::string& path() const { return port_.path(); }

  // Sends `command` (without "\r") and returns the modem's answer, whatever its final result.
  // `information_prefix` as for AtResponseParser; `what` names the command in messages
  // ("AT+CGLA with STORE DATA (INS E2)"). apdu_timeout when no final result code comes in time.
  Result<AtAnswer> run(std::string_view command, std::string_view information_prefix, std::string_view what,
                       std::chrono::milliseconds timeout);

 private:
  // Waits up to `timeout` for the final result code of a command that timed out before.
  void skip_late_answer(std::chrono::milliseconds timeout);

  SerialPort port_;
  bool late_answer_pending_ = false;
};

}  // namespace lpad::apdu::at
