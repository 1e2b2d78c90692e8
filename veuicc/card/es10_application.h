// Where the SGP.22 ES10 application plugs into the card OS. The card reassembles STORE DATA
// blocks (SGP.22 section 5.7.2) into one ES10 command and hands it over; the application never
// sees APDUs, channels or GET RESPONSE.
#pragma once

#include <cstdint>

#include "core/bytes.h"
#include "core/expected.h"
#include "veuicc/card/status_word.h"

namespace lpad::veuicc {

struct Es10Context {
  std::uint8_t logical_channel = 0;  // the channel the ISD-R was selected on
};

// The response data (a DER ES10 response, may be empty), or a status word when the command is
// refused at the APDU level (e.g. 6A80 for a command that is not a BER-TLV).
using Es10Response = expected<Bytes, StatusWord>;

class Es10Application {
 public:
  virtual ~Es10Application() = default;

  // One complete ES10 command, e.g. BF3E 03 5C 01 5A (GetEuiccData for the EID).
  virtual Es10Response process(ByteView command, const Es10Context& context) = 0;

  // The card was reset or lost power: drop the state of the session (an ongoing download, its
  // challenge and session keys). Persistent data (profiles, notifications) stays.
  virtual void on_card_reset() = 0;
};

}  // namespace lpad::veuicc
