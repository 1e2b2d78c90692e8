// A pseudo-terminal for the software modem: the modem holds the master side, hosts open the
// slave path as they would open /dev/ttyUSB2. The port keeps a slave descriptor of its own so
// the master never sees a hang-up between two hosts, and puts the line in raw mode.
#pragma once

#include <string>

#include "core/error.h"
#include "core/unique_fd.h"

namespace lpad::veuicc {

class PtyPort {
 public:
  static Result<PtyPort> open();

  int master_fd() const { return master_.get(); }
  const std::string& slave_path() const { return slave_path_; }

 private:
  UniqueFd master_;
  UniqueFd slave_keepalive_;
  std::string slave_path_;
};

}  // namespace lpad::veuicc
