#include "lpac-cli/render.h"

#include <fmt/format.h>

#include <algorithm>

namespace lpad::cli {

namespace {

using nlohmann::json;

template <class T>
json or_null(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

std::string text_or(const std::optional<std::string>& v, std::string_view fallback = "") {
  return v ? *v : std::string(fallback);
}

json hex_list(const std::vector<Bytes>& list) {
  json out = json::array();
  for (const auto& item : list) out.push_back(to_hex(item));
  return out;
}

// A table with columns sized to their widest cell.
std::string table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> width(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) width[i] = header[i].size();
  for (const auto& row : rows)
    for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) out += i + 1 == cells.size() ? cells[i] : fmt::format("{:<{}}  ", cells[i], width[i]);
    return out + "\n";
  };
  std::string out = line(header);
  for (const auto& row : rows) out += line(row);
  return out;
}

}  // namespace

std::string hex_list_text(const std::vector<Bytes>& list) {
  std::string out;
  for (const auto& item : list) out += (out.empty() ? "" : ", ") + to_hex(item);
  return out;
}

json profile_json(const rsp::ProfileInfo& p) {
  json rules = nullptr;
  if (p.policy_rules)
    rules = {{"disable_not_allowed", p.policy_rules->disable_not_allowed}, {"delete_not_allowed", p.policy_rules->delete_not_allowed}};
  return {{"iccid", p.iccid ? json(p.iccid->digits()) : json(nullptr)},
          {"isdp_aid", p.isdp_aid ? json(to_hex(*p.isdp_aid)) : json(nullptr)},
          {"state", p.state ? json(rsp::to_string(*p.state)) : json(nullptr)},
          {"nickname", or_null(p.nickname)},
          {"service_provider_name", or_null(p.service_provider_name)},
          {"profile_name", or_null(p.profile_name)},
          {"profile_class", p.profile_class ? json(rsp::to_string(*p.profile_class)) : json(nullptr)},
          {"icon_type", p.icon_type ? json(*p.icon_type == rsp::IconType::png ? "png" : "jpg") : json(nullptr)},
          {"policy_rules", rules}};
}

json notification_json(const rsp::NotificationMetadata& n) {
  return {{"seq_number", n.seq_number},
          {"operation", rsp::to_string(n.operation)},
          {"address", n.address},
          {"iccid", n.iccid ? json(n.iccid->digits()) : json(nullptr)}};
}

json euicc_info2_json(const rsp::EuiccInfo2& info) {
  static constexpr std::pair<rsp::RspCapability, const char*> kCapabilities[] = {
      {rsp::RspCapability::additional_profile, "additional_profile"},
      {rsp::RspCapability::crl_support, "crl"},
      {rsp::RspCapability::rpm_support, "rpm"},
      {rsp::RspCapability::test_profile_support, "test_profile"},
      {rsp::RspCapability::device_info_extensibility, "device_info_extensibility"}};
  json capabilities = json::array();
  for (const auto& [bit, name] : kCapabilities)
    if (info.has(bit)) capabilities.push_back(name);
  return {{"svn", info.svn.to_string()},
          {"firmware_version", info.firmware_version.to_string()},
          {"profile_version", info.profile_version.to_string()},
          {"free_nvm", or_null(info.free_nvm())},
          {"free_ram", or_null(info.free_ram())},
          {"installed_applications", or_null(info.installed_applications())},
          {"ci_pkids_for_verification", hex_list(info.ci_pkids_for_verification)},
          {"ci_pkids_for_signing", hex_list(info.ci_pkids_for_signing)},
          {"rsp_capabilities", capabilities},
          {"pp_version", info.pp_version.to_string()},
          {"sas_accreditation_number", info.sas_accreditation_number}};
}

json addresses_json(const rsp::ConfiguredAddresses& a) {
  return {{"default_smdp_address", or_null(a.default_dp_address)}, {"root_smds_address", a.root_ds_address}};
}

std::string profiles_table(const std::vector<rsp::ProfileInfo>& profiles) {
  if (profiles.empty()) return "No profiles on this eUICC.\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& p : profiles)
    rows.push_back({p.iccid ? p.iccid->digits() : "?", p.state ? std::string(rsp::to_string(*p.state)) : "?",
                    p.profile_class ? std::string(rsp::to_string(*p.profile_class)) : "", text_or(p.nickname),
                    text_or(p.profile_name), text_or(p.service_provider_name)});
  return table({"ICCID", "STATE", "CLASS", "NICKNAME", "NAME", "PROVIDER"}, rows);
}

std::string notifications_table(const std::vector<rsp::NotificationMetadata>& notifications) {
  if (notifications.empty()) return "No pending notifications.\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& n : notifications)
    rows.push_back({std::to_string(n.seq_number), std::string(rsp::to_string(n.operation)), n.iccid ? n.iccid->digits() : "", n.address});
  return table({"SEQ", "OPERATION", "ICCID", "SM-DP+"}, rows);
}

}  // namespace lpad::cli
