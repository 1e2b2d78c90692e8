#include "apdu_backends/iso7816/command_apdu.h"

#include <fmt/format.h>

namespace lpad::apdu::iso7816 {

namespace {
constexpr std::size_t kShortMaxData = 255;
constexpr std::size_t kShortMaxNe = 256;
constexpr std::size_t kExtendedMaxData = 65535;
constexpr std::size_t kExtendedMaxNe = 65536;
}  // namespace

Result<Bytes> command_apdu(const CommandHeader& h, ByteView data, std::optional<std::size_t> ne, bool extended) {
  bool needs_extended = data.size() > kShortMaxData || (ne && *ne > kShortMaxNe);
  if (needs_extended && !extended)
    return fail(Errc::invalid_argument,
                fmt::format("a command with {} data bytes needs an extended-length APDU, which this transport does not carry", data.size()));
  if (data.size() > kExtendedMaxData || (ne && (*ne == 0 || *ne > kExtendedMaxNe)))
    return fail(Errc::invalid_argument, "command data or expected length beyond what an APDU can carry");

  Bytes apdu{h.cla, h.ins, h.p1, h.p2};
  apdu.reserve(4 + 3 + data.size() + 3);
  bool use_extended = extended && needs_extended;
  if (!data.empty()) {
    if (use_extended) {
      apdu.push_back(0x00);
      apdu.push_back(static_cast<std::uint8_t>(data.size() >> 8));
    }
    apdu.push_back(static_cast<std::uint8_t>(data.size() & 0xFF));
    apdu.insert(apdu.end(), data.begin(), data.end());
  }
  if (ne) {
    // Le encodes its maximum (256 or 65536) as zero.
    if (use_extended) {
      if (data.empty()) apdu.push_back(0x00);
      apdu.push_back(static_cast<std::uint8_t>((*ne >> 8) & 0xFF));
      apdu.push_back(static_cast<std::uint8_t>(*ne & 0xFF));
    } else {
      apdu.push_back(static_cast<std::uint8_t>(*ne & 0xFF));
    }
  }
  return apdu;
}

}  // namespace lpad::apdu::iso7816
