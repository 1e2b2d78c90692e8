// Lets another thread interrupt a poll() loop: a stop request writes a byte, the loop polls the
// read end next to its socket or terminal.
#pragma once

#include <stop_token>

#include "core/unique_fd.h"

namespace lpad::veuicc {

class WakeupPipe {
 public:
  WakeupPipe();
  int read_fd() const { return read_.get(); }
  void wake() const;
  void drain() const;

 private:
  UniqueFd read_, write_;
};

// Waits up to `timeout_ms` for `fd` to be readable; false on timeout or when the stop was
// requested (the caller checks stop.stop_requested()).
bool wait_readable(int fd, const WakeupPipe& wakeup, int timeout_ms);

}  // namespace lpad::veuicc
