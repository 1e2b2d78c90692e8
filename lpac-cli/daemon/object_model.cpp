#include "lpac-cli/daemon/object_model.h"

#include <fmt/format.h>

#include <utility>

#include "dbus_api/error_names.h"
#include "tlv/decoder.h"

namespace lpad::cli::daemon {

namespace {

template <class T>
std::optional<T> value(const Properties& dict, const std::string& key) {
  auto it = dict.find(key);
  if (it == dict.end() || !it->second.containsValueOfType<T>()) return std::nullopt;
  return it->second.get<T>();
}

std::string text(const Properties& dict, const std::string& key) { return value<std::string>(dict, key).value_or(""); }

// The daemon says "" for what the card leaves out; direct mode says nothing (null in JSON).
std::optional<std::string> non_empty(std::string s) {
  if (s.empty()) return std::nullopt;
  return s;
}

std::vector<std::string> paths(const Properties& dict, const std::string& key) {
  std::vector<std::string> out;
  for (auto& path : value<std::vector<sdbus::ObjectPath>>(dict, key).value_or(std::vector<sdbus::ObjectPath>{}))
    out.push_back(std::move(path));
  return out;
}

// rsp/ has to_string() for its enumerations; reading them back is only needed here.
template <class Enum, std::size_t N>
std::optional<Enum> parse_enum(std::string_view word, const Enum (&values)[N]) {
  for (Enum v : values)
    if (rsp::to_string(v) == word) return v;
  return std::nullopt;
}

constexpr rsp::ProfileState kStates[] = {rsp::ProfileState::disabled, rsp::ProfileState::enabled};
constexpr rsp::ProfileClass kClasses[] = {rsp::ProfileClass::test, rsp::ProfileClass::provisioning, rsp::ProfileClass::operational};
constexpr rsp::NotificationEvent kOperations[] = {rsp::NotificationEvent::install, rsp::NotificationEvent::enable,
                                                  rsp::NotificationEvent::disable, rsp::NotificationEvent::delete_profile};

std::optional<rsp::IconType> icon_type(std::string_view word) {
  if (word == "png") return rsp::IconType::png;
  if (word == "jpg") return rsp::IconType::jpg;
  return std::nullopt;
}

// The daemon lists only the rules in force, so "none" and "not reported" look alike: both read
// as not reported (null), as a card without PPRs shows in direct mode.
std::optional<rsp::PolicyRules> policy_rules(const std::vector<std::string>& rules) {
  if (rules.empty()) return std::nullopt;
  rsp::PolicyRules out;
  for (const auto& rule : rules) {
    if (rule == "disable-not-allowed") out.disable_not_allowed = true;
    if (rule == "delete-not-allowed") out.delete_not_allowed = true;
  }
  return out;
}

std::optional<Iccid> iccid(std::string_view digits) {
  auto parsed = Iccid::from_digits(digits);
  if (!parsed) return std::nullopt;
  return *parsed;
}

std::optional<Bytes> hex(std::string_view text) {
  auto bytes = from_hex(text);
  if (!bytes || bytes->empty()) return std::nullopt;
  return *bytes;
}

}  // namespace

EuiccObject euicc_from_properties(std::string path, const Properties& p) {
  EuiccObject e;
  e.path = std::move(path);
  e.eid = text(p, "Eid");
  e.backend = text(p, "Backend");
  e.device = text(p, "Device");
  e.svn = text(p, "Svn");
  e.firmware_version = text(p, "FirmwareVersion");
  e.free_nvm = value<std::uint64_t>(p, "FreeNvm").value_or(0);
  e.free_ram = value<std::uint64_t>(p, "FreeRam").value_or(0);
  e.default_smdp_address = text(p, "DefaultSmdpAddress");
  e.root_smds_address = text(p, "RootSmdsAddress");
  e.ci_pkids = value<std::vector<std::string>>(p, "CiPkids").value_or(std::vector<std::string>{});
  if (auto der = value<std::vector<std::uint8_t>>(p, "EuiccInfo2"))
    if (auto node = tlv::decode(*der))
      if (auto info2 = rsp::decode_euicc_info2(*node)) e.info2 = std::move(*info2);
  e.profile_paths = paths(p, "Profiles");
  return e;
}

ProfileObject profile_from_properties(std::string path, const Properties& p) {
  rsp::ProfileInfo info;
  info.iccid = iccid(text(p, "Iccid"));
  info.isdp_aid = hex(text(p, "IsdpAid"));
  info.state = parse_enum(text(p, "State"), kStates);
  info.nickname = non_empty(text(p, "Nickname"));
  info.service_provider_name = non_empty(text(p, "ServiceProviderName"));
  info.profile_name = non_empty(text(p, "ProfileName"));
  info.profile_class = parse_enum(text(p, "ProfileClass"), kClasses);
  info.icon_type = icon_type(text(p, "IconType"));
  info.policy_rules = policy_rules(value<std::vector<std::string>>(p, "PolicyRules").value_or(std::vector<std::string>{}));
  return {std::move(path), std::move(info)};
}

rsp::NotificationMetadata notification_from_dict(const Properties& dict) {
  rsp::NotificationMetadata n;
  n.seq_number = value<std::uint64_t>(dict, "seq_number").value_or(0);
  n.operation = parse_enum(text(dict, "operation"), kOperations).value_or(rsp::NotificationEvent::install);
  n.address = text(dict, "address");
  n.iccid = iccid(text(dict, "iccid"));
  return n;
}

engine::NotificationDelivery delivery_from_dict(const Properties& dict) {
  engine::NotificationDelivery d;
  d.metadata = notification_from_dict(dict);
  d.delivered = value<bool>(dict, "delivered").value_or(false);
  d.removed = value<bool>(dict, "removed").value_or(false);
  if (auto error = value<Properties>(dict, "error"); error && !error->empty()) d.error = error_from_dict(*error);
  return d;
}

std::vector<engine::NotificationDelivery> deliveries_from_list(const std::vector<Properties>& list) {
  std::vector<engine::NotificationDelivery> out;
  for (const auto& dict : list) out.push_back(delivery_from_dict(dict));
  return out;
}

Error error_from_dict(const Properties& dict) {
  auto code = text(dict, "code");
  auto message = text(dict, "message");
  // error_from_dbus reads the code from the message's first word, as in a D-Bus error's message.
  bool message_has_code = !code.empty() && message.starts_with(code);
  Error error = dbus_api::error_from_dbus(text(dict, "name"), message_has_code || code.empty() ? message : fmt::format("{}: {}", code, message));
  if (auto sw = text(dict, "status_word"); sw.size() == 4) {
    if (auto bytes = from_hex(sw); bytes && bytes->size() == 2)
      error.status = StatusWord{static_cast<std::uint16_t>(((*bytes)[0] << 8) | (*bytes)[1])};
  }
  auto subject = text(dict, "server_subject_code");
  auto reason = text(dict, "server_reason_code");
  if (!subject.empty() || !reason.empty()) error.server = ServerStatus{subject, reason, "", ""};
  return error;
}

std::optional<ProfileOffer> offer_from_dict(const Properties& dict) {
  // Without an ICCID there is nothing to show or install (and rsp::ProfileMetadata needs one).
  auto profile_iccid = iccid(text(dict, "iccid"));
  if (!profile_iccid) return std::nullopt;
  rsp::ProfileMetadata m{*profile_iccid, text(dict, "service_provider_name"), text(dict, "profile_name"), icon_type(text(dict, "icon_type")),
                         std::nullopt, parse_enum(text(dict, "profile_class"), kClasses).value_or(rsp::ProfileClass::operational),
                         {}, std::nullopt, std::nullopt};
  if (auto icon = value<std::vector<std::uint8_t>>(dict, "icon"); icon && !icon->empty()) m.icon = Bytes(icon->begin(), icon->end());
  m.policy_rules = policy_rules(value<std::vector<std::string>>(dict, "policy_rules").value_or(std::vector<std::string>{}));
  return ProfileOffer{std::move(m), value<bool>(dict, "confirmation_code_required").value_or(false)};
}

JobResult job_result_from_dict(const Properties& dict) {
  JobResult r;
  r.profile_path = value<sdbus::ObjectPath>(dict, "profile").value_or(sdbus::ObjectPath{});
  r.iccid = text(dict, "iccid");
  r.isdp_aid = text(dict, "isdp_aid");
  if (auto n = value<Properties>(dict, "notification"); n && !n->empty()) r.notification = delivery_from_dict(*n);
  r.smds_address = text(dict, "smds_address");
  for (const auto& e : value<std::vector<Properties>>(dict, "events").value_or(std::vector<Properties>{}))
    r.events.push_back({text(e, "event_id"), text(e, "smdp_address")});
  r.notifications = deliveries_from_list(value<std::vector<Properties>>(dict, "notifications").value_or(std::vector<Properties>{}));
  return r;
}

JobUpdate job_update_from_properties(const Properties& p) {
  JobUpdate u;
  u.state = value<std::string>(p, "State");
  u.stage = value<std::string>(p, "Stage");
  u.percent = value<std::uint32_t>(p, "Percent");
  u.cancellable = value<bool>(p, "Cancellable");
  if (auto metadata = value<Properties>(p, "ProfileMetadata")) u.offer = offer_from_dict(*metadata);
  if (auto error = value<Properties>(p, "Error"); error && !error->empty()) u.error = error_from_dict(*error);
  if (auto result = value<Properties>(p, "Result"); result && !result->empty()) u.result = job_result_from_dict(*result);
  return u;
}

}  // namespace lpad::cli::daemon
