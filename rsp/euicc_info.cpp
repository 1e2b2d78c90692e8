#include "rsp/euicc_info.h"

#include <fmt/format.h>

#include "rsp/field_reader.h"
#include "rsp/tags.h"
#include "rsp/value_readers.h"
#include "tlv/values.h"

namespace lpad::rsp {

namespace t = tags::euicc_info;
using tlv::Element;

std::string Version::to_string() const { return fmt::format("{}.{}.{}", major, minor, revision); }

namespace {

Result<Version> read_version(const tlv::Node& node) {
  auto bytes = read_sized_bytes<3, 3>(node);
  if (!bytes) return unexpected(bytes.error());
  return Version{(*bytes)[0], (*bytes)[1], (*bytes)[2]};
}

Element version(tlv::Tag tag, const Version& v) { return tlv::octets(tag, v.to_bytes()); }

Element pkid_list(tlv::Tag tag, const std::vector<Bytes>& pkids) {
  auto list = Element::constructed(tag);
  for (const auto& pkid : pkids) list.add(tlv::octets(tags::kOctetString, pkid));
  return list;
}

Result<std::vector<Bytes>> read_pkid_list(const tlv::Node& node) {
  std::vector<Bytes> out;
  for (const auto& child : node.children()) {
    if (auto ok = child.expect(tags::kOctetString); !ok) return unexpected(ok.error());
    out.emplace_back(child.value().begin(), child.value().end());
  }
  return out;
}

// extCardResource is a concatenation of small TLVs whose values are unsigned big-endian numbers.
std::optional<std::uint64_t> card_resource(ByteView resource, std::uint8_t tag) {
  auto nodes = tlv::decode_all(resource);
  if (!nodes) return std::nullopt;
  for (const auto& node : *nodes) {
    if (node.tag() != tlv::Tag{tag} || node.value().size() > 8) continue;
    std::uint64_t value = 0;
    for (auto b : node.value()) value = value << 8 | b;
    return value;
  }
  return std::nullopt;
}

Bytes unsigned_bytes(std::uint64_t value) {
  Bytes out;
  do {
    out.insert(out.begin(), static_cast<std::uint8_t>(value & 0xFF));
    value >>= 8;
  } while (value != 0);
  return out;
}

}  // namespace

std::optional<std::uint64_t> EuiccInfo2::installed_applications() const { return card_resource(ext_card_resource, 0x81); }
std::optional<std::uint64_t> EuiccInfo2::free_nvm() const { return card_resource(ext_card_resource, 0x82); }
std::optional<std::uint64_t> EuiccInfo2::free_ram() const { return card_resource(ext_card_resource, 0x83); }

Bytes make_ext_card_resource(std::uint64_t installed_applications, std::uint64_t free_nvm, std::uint64_t free_ram) {
  Bytes out;
  tlv::octets(tlv::Tag{0x81}, unsigned_bytes(installed_applications)).append_to(out);
  tlv::octets(tlv::Tag{0x82}, unsigned_bytes(free_nvm)).append_to(out);
  tlv::octets(tlv::Tag{0x83}, unsigned_bytes(free_ram)).append_to(out);
  return out;
}

Element encode_euicc_info1(const EuiccInfo1& info) {
  return Element::constructed(tags::kEuiccInfo1, {version(t::kSvn, info.svn),
                                                   pkid_list(t::kCiPkidsForVerification, info.ci_pkids_for_verification),
                                                   pkid_list(t::kCiPkidsForSigning, info.ci_pkids_for_signing)});
}

Result<EuiccInfo1> decode_euicc_info1(const tlv::Node& node) {
  if (auto ok = node.expect(tags::kEuiccInfo1); !ok) return unexpected(ok.error());
  FieldReader f(node);
  auto svn = f.required(t::kSvn, read_version);
  auto verification = f.required(t::kCiPkidsForVerification, read_pkid_list);
  auto signing = f.required(t::kCiPkidsForSigning, read_pkid_list);
  if (auto ok = f.finish(); !ok) return unexpected(ok.error());
  return EuiccInfo1{*svn, std::move(*verification), std::move(*signing)};
}

Element encode_euicc_info2(const EuiccInfo2& info) {
  auto e = Element::constructed(tags::kEuiccInfo2);
  e.add(version(t::kProfileVersion, info.profile_version));
  e.add(version(t::kSvn, info.svn));
  e.add(version(t::kFirmwareVersion, info.firmware_version));
  e.add(tlv::octets(t::kExtCardResource, info.ext_card_resource));
  e.add(tlv::bit_string(t::kUiccCapability, info.uicc_capability));
  if (info.javacard_version) e.add(version(t::kJavacardVersion, *info.javacard_version));
  if (info.globalplatform_version) e.add(version(t::kGlobalPlatformVersion, *info.globalplatform_version));
  e.add(tlv::bit_string(t::kRspCapability, info.rsp_capability));
  e.add(pkid_list(t::kCiPkidsForVerification, info.ci_pkids_for_verification));
  e.add(pkid_list(t::kCiPkidsForSigning, info.ci_pkids_for_signing));
  if (info.euicc_category) e.add(tlv::integer(t::kEuiccCategory, *info.euicc_category));
  if (info.forbidden_profile_policy_rules) e.add(tlv::bit_string(t::kForbiddenPprs, *info.forbidden_profile_policy_rules));
  e.add(version(t::kPpVersion, info.pp_version));
  e.add(tlv::utf8(t::kSasAccreditationNumber, info.sas_accreditation_number));
  return e;
}

Result<EuiccInfo2> decode_euicc_info2(const tlv::Node& node) {
  if (auto ok = node.expect(tags::kEuiccInfo2); !ok) return unexpected(ok.error());
  FieldReader f(node);
  auto profile_version = f.required(t::kProfileVersion, read_version);
  auto svn = f.required(t::kSvn, read_version);
  auto firmware = f.required(t::kFirmwareVersion, read_version);
  auto resource = f.required(t::kExtCardResource, read_bytes);
  auto uicc = f.required(t::kUiccCapability, tlv::read_bit_string);
  auto javacard = f.optional(t::kJavacardVersion, read_version);
  auto gp = f.optional(t::kGlobalPlatformVersion, read_version);
  auto rsp = f.required(t::kRspCapability, tlv::read_bit_string);
  auto verification = f.required(t::kCiPkidsForVerification, read_pkid_list);
  auto signing = f.required(t::kCiPkidsForSigning, read_pkid_list);
  auto category = f.optional(t::kEuiccCategory, tlv::read_integer);
  auto forbidden = f.optional(t::kForbiddenPprs, tlv::read_bit_string);
  auto pp = f.required(t::kPpVersion, read_version);
  auto sas = f.required(t::kSasAccreditationNumber, tlv::read_utf8);
  if (auto ok = f.finish(); !ok) return unexpected(ok.error());
  return EuiccInfo2{*profile_version, *svn, *firmware, std::move(*resource), std::move(*uicc), javacard, gp,
                    std::move(*rsp), std::move(*verification), std::move(*signing), category, forbidden, *pp,
                    std::move(*sas)};
}

Element encode_configured_addresses(const ConfiguredAddresses& a) {
  auto e = Element::constructed(tags::kEuiccConfiguredAddresses);
  if (a.default_dp_address) e.add(tlv::utf8(tags::addresses::kDefaultDpAddress, *a.default_dp_address));
  e.add(tlv::utf8(tags::addresses::kRootDsAddress, a.root_ds_address));
  return e;
}

Result<ConfiguredAddresses> decode_configured_addresses(const tlv::Node& node) {
  if (auto ok = node.expect(tags::kEuiccConfiguredAddresses); !ok) return unexpected(ok.error());
  FieldReader f(node);
  auto default_dp = f.optional(tags::addresses::kDefaultDpAddress, tlv::read_utf8);
  auto root_ds = f.required(tags::addresses::kRootDsAddress, tlv::read_utf8);
  if (auto ok = f.finish(); !ok) return unexpected(ok.error());
  return ConfiguredAddresses{default_dp, std::move(*root_ds)};
}

}  // namespace lpad::rsp
