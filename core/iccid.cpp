#include "core/iccid.h"

#include <fmt/format.h>

namespace lpad {

namespace {
constexpr std::size_t kBcdBytes = 10;
}

Result<Iccid> Iccid::from_digits(std::string_view digits) {
  if (digits.size() != 19 && digits.size() != 20)
    return fail(Errc::invalid_argument,
                fmt::format("an ICCID has 19 or 20 digits, this one has {}", digits.size()));
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (digits[i] < '0' || digits[i] > '9')
      return fail_at(Errc::invalid_argument, i, "an ICCID holds only the digits 0-9");
  }
  return Iccid(std::string(digits));
}

Result<Iccid> Iccid::from_bcd(ByteView bcd) {
  if (bcd.size() != kBcdBytes)
    return fail(Errc::tlv_bad_value,
                fmt::format("an ICCID is {} bytes of BCD, got {}", kBcdBytes, bcd.size()));
  std::string digits;
  digits.reserve(20);
  bool padded = false;
  for (std::size_t i = 0; i < bcd.size(); ++i) {
    // Low nibble first: that is the swap.
    for (int nibble : {bcd[i] & 0x0F, bcd[i] >> 4}) {
      if (nibble == 0x0F && i == bcd.size() - 1 && !padded && digits.size() == 19) {
        padded = true;
        continue;
      }
      if (nibble > 9)
        return fail_at(Errc::tlv_bad_value, i,
                       fmt::format("ICCID byte {:02X} is not BCD (F is padding only at the end)", bcd[i]));
      digits.push_back(static_cast<char>('0' + nibble));
    }
  }
  return Iccid(std::move(digits));
}

Bytes Iccid::to_bcd() const {
  Bytes out(kBcdBytes, 0xFF);
  for (std::size_t i = 0; i < digits_.size(); ++i) {
    auto digit = static_cast<std::uint8_t>(digits_[i] - '0');
    auto& byte = out[i / 2];
    byte = (i % 2 == 0) ? static_cast<std::uint8_t>((byte & 0xF0) | digit)
                        : static_cast<std::uint8_t>((byte & 0x0F) | digit << 4);
  }
  return out;
}

}  // namespace lpad
