#include "apdu_backends/iso7816/describe.h"

#include <string_view>

#include <fmt/format.h>

namespace lpad::apdu::iso7816 {

namespace {

struct KnownStatus {
  std::uint16_t value;
  std::string_view meaning;
};

// ISO/IEC 7816-4 section 5.6, tables 5-6; ETSI TS 102 221 section 10.2.1.
constexpr KnownStatus kKnown[] = {
    {0x9000, "success"},
    {0x6281, "part of returned data may be corrupted"},
    {0x6700, "wrong length"},
    {0x6881, "logical channel not supported or none free"},
    {0x6882, "secure messaging not supported"},
    {0x6982, "security status not satisfied"},
    {0x6985, "conditions of use not satisfied"},
    {0x6986, "command not allowed"},
    {0x6A80, "incorrect data"},
    {0x6A81, "function not supported"},
    {0x6A82, "file or application not found"},
    {0x6A86, "incorrect P1 or P2"},
    {0x6A88, "referenced data not found"},
    {0x6B00, "wrong P1 or P2"},
    {0x6D00, "instruction not supported"},
    {0x6E00, "class not supported"},
    {0x6F00, "no precise diagnosis"},
};

struct KnownInstruction {
  std::uint8_t ins;
  std::string_view name;
};

// ISO/IEC 7816-4 section 11 and GlobalPlatform Card Specification 11.11 (STORE DATA).
constexpr KnownInstruction kInstructions[] = {
    {0x70, "MANAGE CHANNEL"}, {0xA4, "SELECT"},     {0xC0, "GET RESPONSE"},
    {0xE2, "STORE DATA"},     {0xAA, "TERMINAL CAPABILITY"}, {0xCA, "GET DATA"},
    {0xF2, "GET STATUS"},
};

}  // namespace

std::string describe_command(ByteView apdu) {
  if (apdu.size() < 2) return "a malformed command";
  for (const auto& known : kInstructions)
    if (known.ins == apdu[1]) return fmt::format("{} (INS {:02X})", known.name, apdu[1]);
  return fmt::format("INS {:02X}", apdu[1]);
}

std::string describe_status(StatusWord status) {
  for (const auto& known : kKnown)
    if (known.value == status.value) return status.to_string() + " (" + std::string(known.meaning) + ")";
  if (status.sw1() == 0x61) return status.to_string() + " (more response data)";
  if (status.sw1() == 0x6C) return status.to_string() + " (wrong Le)";
  return status.to_string();
}

}  // namespace lpad::apdu::iso7816
