#include "apdu_backends/iso7816/class_byte.h"

#include <fmt/format.h>

namespace lpad::apdu::iso7816 {

Result<std::uint8_t> class_byte(std::uint8_t base_cla, std::uint8_t channel) {
  if (channel > kMaxLogicalChannel)
    return fail(Errc::invalid_argument, fmt::format("logical channel {} does not exist (0-{})", channel, kMaxLogicalChannel));
  auto proprietary = static_cast<std::uint8_t>(base_cla & 0x80);
  if (channel <= 3) return static_cast<std::uint8_t>(proprietary | (base_cla & 0x3C) | channel);
  // Further interindustry form: secure messaging is one bit (b6), kept at 0 here.
  return static_cast<std::uint8_t>(proprietary | 0x40 | (channel - 4));
}

}  // namespace lpad::apdu::iso7816
