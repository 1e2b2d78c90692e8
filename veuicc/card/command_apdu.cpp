#include "veuicc/card/command_apdu.h"

namespace lpad::veuicc {
namespace {

constexpr std::size_t kHeaderSize = 4;          // CLA INS P1 P2
constexpr std::size_t kExtendedMarkerSize = 1;  // the 00 byte that opens extended Lc or Le
constexpr std::size_t kExtendedFieldSize = 2;

std::size_t short_ne(std::uint8_t le) { return le == 0 ? kMaxShortNe : le; }
std::size_t extended_ne(std::uint8_t high, std::uint8_t low) {
  std::size_t v = static_cast<std::size_t>(high) << 8 | low;
  return v == 0 ? kMaxExtendedNe : v;
}

}  // namespace

expected<CommandApdu, StatusWord> parse_command_apdu(ByteView apdu, bool extended_length_enabled) {
  if (apdu.size() < kHeaderSize) return unexpected(sw::wrong_length);
  CommandApdu cmd{apdu[0], apdu[1], apdu[2], apdu[3], {}, std::nullopt, false};
  auto body = apdu.subspan(kHeaderSize);

  if (body.empty()) return cmd;  // case 1
  if (body.size() == 1) {        // case 2S
    cmd.ne = short_ne(body[0]);
    return cmd;
  }
  if (body[0] != 0) {  // cases 3S and 4S
    std::size_t lc = body[0];
    if (body.size() == 1 + lc) {
      cmd.data = body.subspan(1, lc);
      return cmd;
    }
    if (body.size() == 2 + lc) {
      cmd.data = body.subspan(1, lc);
      cmd.ne = short_ne(body[1 + lc]);
      return cmd;
    }
    return unexpected(sw::wrong_length);
  }

  // A first body byte 00 followed by more bytes can only be an extended form.
  if (!extended_length_enabled) return unexpected(sw::wrong_length);
  cmd.extended = true;
  if (body.size() == kExtendedMarkerSize + kExtendedFieldSize) {  // case 2E
    cmd.ne = extended_ne(body[1], body[2]);
    return cmd;
  }
  if (body.size() < kExtendedMarkerSize + kExtendedFieldSize + 1) return unexpected(sw::wrong_length);
  std::size_t lc = static_cast<std::size_t>(body[1]) << 8 | body[2];
  if (lc == 0) return unexpected(sw::wrong_length);
  auto after_lc = body.subspan(kExtendedMarkerSize + kExtendedFieldSize);
  if (after_lc.size() == lc) {  // case 3E
    cmd.data = after_lc;
    return cmd;
  }
  if (after_lc.size() == lc + kExtendedFieldSize) {  // case 4E
    cmd.data = after_lc.first(lc);
    cmd.ne = extended_ne(after_lc[lc], after_lc[lc + 1]);
    return cmd;
  }
  return unexpected(sw::wrong_length);
}

}  // namespace lpad::veuicc
