// What an eUICC says about itself: EUICCInfo1 (section 4.3, sent to the SM-DP+ in
// initiateAuthentication), EUICCInfo2 (section 5.7.8), and its configured addresses (5.7.3).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/bytes.h"
#include "core/error.h"
#include "tlv/bit_string.h"
#include "tlv/builder.h"
#include "tlv/decoder.h"

namespace lpad::rsp {

// VersionType ::= OCTET STRING (SIZE(3)): major, minor, revision.
struct Version {
  std::uint8_t major = 0, minor = 0, revision = 0;
  std::string to_string() const;  // "2.2.0"
  Bytes to_bytes() const { return {major, minor, revision}; }
  auto operator<=>(const Version&) const = default;
};

// RspCapability ::= BIT STRING { additionalProfile(0), crlSupport(1), rpmSupport(2),
//   testProfileSupport(3), deviceInfoExtensibilitySupport(4) }
enum class RspCapability : std::uint8_t {
  additional_profile = 0,
  crl_support = 1,
  rpm_support = 2,
  test_profile_support = 3,
  device_info_extensibility = 4,
};

struct EuiccInfo1 {
  Version svn;
  std::vector<Bytes> ci_pkids_for_verification;
  std::vector<Bytes> ci_pkids_for_signing;
  bool operator==(const EuiccInfo1&) const = default;
};

struct EuiccInfo2 {
  Version profile_version;   // SIMalliance profile package version
  Version svn;
  Version firmware_version;
  Bytes ext_card_resource;   // ETSI TS 102 226: 81 installed apps, 82 free NVM, 83 free RAM
  tlv::BitString uicc_capability;
  std::optional<Version> javacard_version;
  std::optional<Version> globalplatform_version;
  tlv::BitString rsp_capability;
  std::vector<Bytes> ci_pkids_for_verification;
  std::vector<Bytes> ci_pkids_for_signing;
  std::optional<std::int64_t> euicc_category;  // other(0), basicEuicc(1), mediumEuicc(2), contactlessEuicc(3)
  std::optional<tlv::BitString> forbidden_profile_policy_rules;
  Version pp_version;
  std::string sas_accreditation_number;
  bool operator==(const EuiccInfo2&) const = default;

  // Free non-volatile memory in bytes from extCardResource (tag 82), when present.
  std::optional<std::uint64_t> free_nvm() const;
  std::optional<std::uint64_t> free_ram() const;       // tag 83
  std::optional<std::uint64_t> installed_applications() const;  // tag 81
  bool has(RspCapability capability) const { return rsp_capability.test(static_cast<std::size_t>(capability)); }
};

// The extCardResource value for the given counts (ETSI TS 102 226 section 8.2.1.7.2).
Bytes make_ext_card_resource(std::uint64_t installed_applications, std::uint64_t free_nvm, std::uint64_t free_ram);

struct ConfiguredAddresses {
  std::optional<std::string> default_dp_address;
  std::string root_ds_address;
  bool operator==(const ConfiguredAddresses&) const = default;
};

tlv::Element encode_euicc_info1(const EuiccInfo1& info);
Result<EuiccInfo1> decode_euicc_info1(const tlv::Node& node);
tlv::Element encode_euicc_info2(const EuiccInfo2& info);
Result<EuiccInfo2> decode_euicc_info2(const tlv::Node& node);
tlv::Element encode_configured_addresses(const ConfiguredAddresses& addresses);
Result<ConfiguredAddresses> decode_configured_addresses(const tlv::Node& node);

}  // namespace lpad::rsp
