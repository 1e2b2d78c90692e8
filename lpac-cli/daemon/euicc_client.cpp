#include "lpac-cli/daemon/euicc_client.h"

#include "dbus_api/euicc_proxy.h"
#include "lpac-cli/daemon/euicc_selection.h"
#include "lpac-cli/profile_selector.h"

namespace lpad::cli::daemon {

namespace {

// Method calls only: no signal handlers, so nothing to subscribe.
template <class Interface>
class CallProxy final : public sdbus::ProxyInterfaces<Interface> {
 public:
  CallProxy(sdbus::IConnection& bus, const std::string& path) : sdbus::ProxyInterfaces<Interface>(bus, kBusName, path) {
    this->registerProxy();
  }
  ~CallProxy() { this->unregisterProxy(); }
  CallProxy(const CallProxy&) = delete;
  CallProxy& operator=(const CallProxy&) = delete;
};

using EuiccProxy = CallProxy<org::lpad::Lpad1::Euicc_proxy>;

}  // namespace

template <class... Args>
Result<std::string> EuiccClient::start_job(const char* method, const Args&... args) {
  return dbus_call([&] {
    sdbus::ObjectPath job;
    auto reply = connection_.call_changing(euicc_.path, kEuiccInterface, method, args...);
    reply >> job;
    return std::string(job);
  });
}

Result<EuiccClient> EuiccClient::choose(DaemonConnection& connection, const std::optional<std::string>& selector) {
  auto state = connection.read_state();
  if (!state) return unexpected(state.error());
  auto index = select_euicc(state->euiccs, selector);
  if (!index) return unexpected(index.error());
  auto& euicc = state->euiccs[*index];
  std::vector<ProfileObject> profiles;
  for (const auto& path : euicc.profile_paths)
    if (auto p = state->profiles.find(path); p != state->profiles.end()) profiles.push_back(p->second);
  return EuiccClient(connection, std::move(euicc), std::move(profiles));
}

std::vector<rsp::ProfileInfo> EuiccClient::profiles() const {
  std::vector<rsp::ProfileInfo> out;
  for (const auto& p : profiles_) out.push_back(p.info);
  return out;
}

Result<ProfileObject> EuiccClient::find_profile(std::string_view selector) const {
  auto iccid = resolve_profile(selector, profiles());
  if (!iccid) return unexpected(iccid.error());
  for (const auto& p : profiles_)
    if (p.info.iccid == *iccid) return p;
  return fail(Errc::es10_profile_not_found, "the profile went away");  // resolve_profile found it in the same list
}

Result<void> EuiccClient::set_enabled(const ProfileObject& profile, bool enable, bool refresh) {
  Properties options{{"refresh", sdbus::Variant(refresh)}, {"notify", sdbus::Variant(false)}};
  return dbus_call([&] { connection_.call_changing(profile.path, kProfileInterface, enable ? "Enable" : "Disable", options); });
}

Result<void> EuiccClient::remove(const ProfileObject& profile) {
  Properties options{{"notify", sdbus::Variant(false)}};
  return dbus_call([&] { connection_.call_changing(profile.path, kProfileInterface, "Delete", options); });
}

Result<void> EuiccClient::set_nickname(const ProfileObject& profile, const std::string& nickname) {
  return dbus_call([&] { connection_.call_changing(profile.path, kProfileInterface, "SetNickname", nickname); });
}

Result<std::vector<rsp::NotificationMetadata>> EuiccClient::list_notifications() {
  EuiccProxy proxy(connection_.bus(), euicc_.path);
  auto list = dbus_call([&] { return proxy.ListNotifications(); });
  if (!list) return unexpected(list.error());
  std::vector<rsp::NotificationMetadata> out;
  for (const auto& dict : *list) out.push_back(notification_from_dict(dict));
  return out;
}

Result<std::vector<std::uint64_t>> EuiccClient::remove_notifications(const std::vector<std::uint64_t>& seq_numbers) {
  return dbus_call([&] {
    std::vector<std::uint64_t> removed;
    auto reply = connection_.call_changing(euicc_.path, kEuiccInterface, "RemoveNotifications", seq_numbers);
    reply >> removed;
    return removed;
  });
}

Result<void> EuiccClient::set_default_smdp(const std::string& address) {
  return dbus_call([&] { connection_.call_changing(euicc_.path, kEuiccInterface, "SetDefaultSmdp", address); });
}

Result<rsp::ConfiguredAddresses> EuiccClient::addresses() {
  EuiccProxy proxy(connection_.bus(), euicc_.path);
  return dbus_call([&] {
    auto default_smdp = proxy.DefaultSmdpAddress();
    return rsp::ConfiguredAddresses{default_smdp.empty() ? std::nullopt : std::optional(default_smdp), proxy.RootSmdsAddress()};
  });
}

Result<void> EuiccClient::reset(const es10::MemoryResetOptions& options) {
  Properties what{{"operational_profiles", sdbus::Variant(options.operational_profiles)},
                  {"test_profiles", sdbus::Variant(options.test_profiles)},
                  {"default_smdp_address", sdbus::Variant(options.default_smdp_address)}};
  return dbus_call([&] { connection_.call_changing(euicc_.path, kEuiccInterface, "Reset", what); });
}

Result<std::string> EuiccClient::start_download(const std::string& activation_code, const Properties& options) {
  return start_job("Download", activation_code, options);
}

Result<std::string> EuiccClient::start_discovery(const Properties& options) {
  return start_job("Discover", options);
}

Result<std::string> EuiccClient::start_notification_run(const Properties& options) {
  return start_job("ProcessNotifications", options);
}

}  // namespace lpad::cli::daemon
