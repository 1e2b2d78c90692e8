#include "apdu_backends/at/at_commands.h"

#include <fmt/format.h>

namespace lpad::apdu::at {

std::string csim_command(ByteView apdu) {
  auto hex = to_hex(apdu);
  return fmt::format("AT+CSIM={},\"{}\"", hex.size(), hex);
}

std::string ccho_command(ByteView aid) { return fmt::format("AT+CCHO=\"{}\"", to_hex(aid)); }

std::string cgla_command(unsigned session, ByteView apdu) {
  auto hex = to_hex(apdu);
  return fmt::format("AT+CGLA={},{},\"{}\"", session, hex.size(), hex);
}

std::string cchc_command(unsigned session) { return fmt::format("AT+CCHC={}", session); }

}  // namespace lpad::apdu::at
