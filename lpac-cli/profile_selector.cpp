#include "lpac-cli/profile_selector.h"

#include <fmt/format.h>

#include "es10/es10c.h"

namespace lpad::cli {

Result<Iccid> resolve_profile(std::string_view selector, const std::vector<rsp::ProfileInfo>& profiles) {
  if (auto iccid = Iccid::from_digits(selector)) {
    for (const auto& p : profiles)
      if (p.iccid && *p.iccid == *iccid) return *iccid;
    return fail(Errc::es10_profile_not_found, fmt::format("no profile with ICCID {} on this eUICC", selector));
  }
  for (auto field : {&rsp::ProfileInfo::nickname, &rsp::ProfileInfo::profile_name}) {
    std::vector<Iccid> matches;
    for (const auto& p : profiles)
      if ((p.*field) && *(p.*field) == selector && p.iccid) matches.push_back(*p.iccid);
    if (matches.size() == 1) return matches.front();
    if (matches.size() > 1) {
      std::string list;
      for (const auto& m : matches) list += (list.empty() ? "" : ", ") + m.digits();
      return fail(Errc::invalid_argument, fmt::format("'{}' names {} profiles ({}); give the ICCID", selector, matches.size(), list));
    }
  }
  return fail(Errc::es10_profile_not_found, fmt::format("no profile with ICCID, nickname or name '{}' on this eUICC", selector));
}

Result<Iccid> resolve_profile_on_card(std::string_view selector, es10::IsdrChannel& channel) {
  auto profiles = es10::get_profiles_info(channel);
  if (!profiles) return unexpected(profiles.error());
  return resolve_profile(selector, *profiles);
}

}  // namespace lpad::cli
