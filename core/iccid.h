// ICCID (ITU-T E.118): 19 or 20 decimal digits. On the card and in SGP.22 (tag 5A) it is 10 bytes
// of BCD with each byte's nibbles swapped and F padding, as in EF.ICCID:
// printed 8949449999999990049F -> bytes 98 94 44 99 99 99 99 09 40 F9. This file is the only place
// that swaps nibbles.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "core/bytes.h"
#include "core/error.h"

namespace lpad {

class Iccid {
 public:
  static Result<Iccid> from_digits(std::string_view digits);
  static Result<Iccid> from_bcd(ByteView swapped_bcd);

  const std::string& digits() const { return digits_; }
  Bytes to_bcd() const;

  auto operator<=>(const Iccid&) const = default;

 private:
  explicit Iccid(std::string digits) : digits_(std::move(digits)) {}
  std::string digits_;
};

}  // namespace lpad
