#include "veuicc/application/profile_identifier.h"

#include "rsp/tags.h"
#include "tlv/values.h"

namespace lpad::veuicc {

namespace {
constexpr std::size_t kMaxAidLength = 16;  // OctetTo16
}  // namespace

InstalledProfile* ProfileIdentifier::find_in(EuiccState& state) const {
  return iccid ? state.find_by_iccid(*iccid) : state.find_by_aid(isdp_aid);
}

std::optional<ProfileIdentifier> read_profile_identifier(const tlv::Node& holder) {
  if (auto aid = holder.find(rsp::tags::kIsdpAid)) {
    if (aid->value().empty() || aid->value().size() > kMaxAidLength) return std::nullopt;
    return ProfileIdentifier{std::nullopt, Bytes(aid->value().begin(), aid->value().end())};
  }
  if (auto iccid_node = holder.find(rsp::tags::kIccid)) {
    auto iccid = tlv::read_iccid(*iccid_node);
    if (!iccid) return std::nullopt;
    return ProfileIdentifier{std::move(*iccid), {}};
  }
  return std::nullopt;
}

}  // namespace lpad::veuicc
