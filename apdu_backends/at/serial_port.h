// A modem's AT port: a tty in raw mode (no echo, no line editing, 8N1) at a chosen speed, read
// and written with deadlines through poll(2), so no call waits forever.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/unique_fd.h"

namespace lpad::apdu::at {

using Deadline = std::chrono::steady_clock::time_point;

class SerialPort {
 public:
  // `baud_rate` is one of the standard termios speeds (9600 ... 4000000).
  static Result<SerialPort> open(const std::string& path, unsigned baud_rate);

  const std::string& path() const { return path_; }

  // Errors of these two say what failed, not where: the caller names the port and the command.
  Result<void> write_all(std::string_view bytes, Deadline deadline);
  // What arrives by the deadline, at most one read's worth; empty when nothing came in time.
  // A port that went away (USB modem unplugged) gives apdu_card_removed.
  Result<std::string> read_some(Deadline deadline);
  // Drops whatever the modem said that nobody asked for (late answers, boot messages).
  void discard_input();

 private:
  SerialPort(UniqueFd fd, std::string path) : fd_(std::move(fd)), path_(std::move(path)) {}

  UniqueFd fd_;
  std::string path_;
};

}  // namespace lpad::apdu::at
