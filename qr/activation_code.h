// Activation codes, SGP.22 section 4.1:
//   LPA:1$<SM-DP+ address>$<AC_Token (matching ID)>[$<SM-DP+ OID>[$<confirmation code required flag>]]
// The "LPA:" prefix is what QR codes carry and is optional on input. The matching ID is a secret:
// nothing here ever puts it whole into an error message.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace lpad::qr {

struct ActivationCode {
  std::string smdp_address;             // host name, optionally ":port"
  std::string matching_id;              // may be empty (default SM-DP+ style codes)
  std::optional<std::string> smdp_oid;  // dotted, e.g. "1.3.6.1.4.1.31746"
  bool confirmation_code_required = false;

  bool operator==(const ActivationCode&) const = default;
};

// Field limits: a DNS name is at most 253 characters (plus ":65535"); SGP.22 gives the matching
// ID no limit, so we take one far above any seen in the field and well below abuse.
inline constexpr std::size_t kMaxAddressLength = 253 + 6;
inline constexpr std::size_t kMaxMatchingIdLength = 255;
inline constexpr std::size_t kMaxOidLength = 128;
inline constexpr std::size_t kMaxActivationCodeLength = 1024;

Result<ActivationCode> parse_activation_code(std::string_view text);

// Canonical form with the "LPA:" prefix; trailing optional fields are left out when absent.
std::string format_activation_code(const ActivationCode& code);

}  // namespace lpad::qr
