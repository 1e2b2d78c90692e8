// ES10b: what the eUICC says about itself, EUICCInfo1 (SGP.22 section 5.7.8, 4.3) and
// EUICCInfo2 (5.7.8), built from the card configuration, the identity and the live state.
#include <cstdint>

#include "rsp/euicc_info.h"
#include "rsp/tags.h"
#include "veuicc/application/handlers.h"

namespace lpad::veuicc::handlers {

namespace {

// UICCCapability (SGP.22 section 2.4 ASN.1): what the profiles on this card may use. A software
// card runs no applets, but it claims what TS.48 test profiles need, as a real card would.
enum UiccCapabilityBit : std::size_t {
  kUsimSupport = 1,
  kIsimSupport = 2,
  kAkaMilenage = 4,
  kAkaTuak128 = 6,
  kJavacard = 14,
  kBerTlvFileSupport = 19,
  kDfLinkSupport = 20,
  kGetIdentity = 22,
};

// The smallest package an SM-DP+ sends (a TS.48 test profile is about 12 KB): with less free
// memory than this, no other profile fits and additionalProfile is not claimed.
constexpr std::uint64_t kSmallestProfilePackage = 12 * 1024;

constexpr rsp::Version kJavacardVersion{3, 0, 5};
constexpr rsp::Version kGlobalPlatformVersion{2, 3, 0};
constexpr rsp::Version kProtectionProfileVersion{1, 0, 0};
constexpr const char* kSasAccreditationNumber = "LPAD-VEUICC";

bool another_profile_fits(const EuiccState& state) {
  return state.profiles.size() < state.configuration.max_profiles && state.free_nvm() >= kSmallestProfilePackage;
}

tlv::BitString rsp_capability(const EuiccState& state) {
  using C = rsp::RspCapability;
  if (another_profile_fits(state))
    return tlv::BitString::named({static_cast<std::size_t>(C::additional_profile), static_cast<std::size_t>(C::test_profile_support)});
  return tlv::BitString::named({static_cast<std::size_t>(C::test_profile_support)});
}

}  // namespace

// GetEuiccInfo1Request ::= [32] SEQUENCE {}: the same CI PKIDs serve verification and signing,
// since the card has one EUM chain per CI.
Es10Response get_euicc_info1(CardContext& ctx, const tlv::Node&) {
  auto pkids = ctx.identity.ci_pkids();
  return rsp::encode_euicc_info1({ctx.state.configuration.svn, pkids, pkids}).encode();
}

Es10Response get_euicc_info2(CardContext& ctx, const tlv::Node&) {
  const auto& state = ctx.state;
  const auto& config = state.configuration;
  auto pkids = ctx.identity.ci_pkids();
  rsp::EuiccInfo2 info{
      config.profile_version,
      config.svn,
      config.firmware_version,
      rsp::make_ext_card_resource(state.profiles.size(), state.free_nvm(), config.free_ram),
      tlv::BitString::named({kUsimSupport, kIsimSupport, kAkaMilenage, kAkaTuak128, kJavacard, kBerTlvFileSupport,
                             kDfLinkSupport, kGetIdentity}),
      kJavacardVersion,
      kGlobalPlatformVersion,
      rsp_capability(state),
      pkids,
      pkids,
      std::nullopt,  // euiccCategory: optional, and "other" says nothing
      std::nullopt,  // forbiddenProfilePolicyRules: the card forbids no PPR
      kProtectionProfileVersion,
      kSasAccreditationNumber,
  };
  return rsp::encode_euicc_info2(info).encode();
}

}  // namespace lpad::veuicc::handlers
