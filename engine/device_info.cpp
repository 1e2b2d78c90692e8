#include "engine/device_info.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace lpad::engine {

namespace {

// The TAC lpac and other open LPAs send when the device's is unknown.
constexpr std::string_view kGenericTac = "35290611";

bool all_digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

// TAC and IMEI are sent as plain BCD, digit by digit in reading order (TS 23.003), padded with F.
Bytes digits_to_bcd(std::string_view digits, std::size_t bytes) {
  Bytes out(bytes, 0xFF);
  for (std::size_t i = 0; i < digits.size() && i / 2 < bytes; ++i) {
    auto nibble = static_cast<std::uint8_t>(digits[i] - '0');
    out[i / 2] = i % 2 == 0 ? static_cast<std::uint8_t>((nibble << 4) | 0x0F) : static_cast<std::uint8_t>((out[i / 2] & 0xF0) | nibble);
  }
  return out;
}

// DeviceCapabilities members: [0] gsm, [1] utran, [5] eutranEpc, [8] nrEpc, [9] nr5gc, [10] eutran5gc.
std::vector<rsp::DeviceCapability> typical_modem_capabilities() {
  const Bytes release15{15, 0, 0};
  std::vector<rsp::DeviceCapability> capabilities;
  for (int member : {0, 1, 5, 8, 9, 10}) capabilities.push_back({static_cast<std::uint8_t>(member), release15});
  return capabilities;
}

}  // namespace

Result<rsp::DeviceInfo> make_device_info(const DeviceIdentity& identity) {
  rsp::DeviceInfo info;
  info.capabilities = typical_modem_capabilities();
  std::string tac(kGenericTac);
  if (identity.imei) {
    const auto& imei = *identity.imei;
    if ((imei.size() != 15 && imei.size() != 16) || !all_digits(imei))
      return fail(Errc::invalid_argument, "an IMEI has 15 digits (16 for an IMEISV)");
    tac = imei.substr(0, 8);
    info.imei = digits_to_bcd(imei, 8);
  } else if (identity.tac) {
    if (identity.tac->size() != 8 || !all_digits(*identity.tac)) return fail(Errc::invalid_argument, "a TAC has 8 digits");
    tac = *identity.tac;
  }
  info.tac = digits_to_bcd(tac, 4);
  return info;
}

}  // namespace lpad::engine
