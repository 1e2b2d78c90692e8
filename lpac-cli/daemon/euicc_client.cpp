#include "lpac-cli/daemon/euicc_client.h"

#include "dbus_api/euicc_proxy.h"
#include "dbus_api/profile_proxy.h"
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
using ProfileProxy = CallProxy<org::lpad::Lpad1::Profile_proxy>;

}  // namespace

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
  ProfileProxy proxy(connection_.bus(), profile.path);
  Properties options{{"refresh", sdbus::Variant(refresh)}, {"notify", sdbus::Variant(false)}};
  return dbus_call([&] { enable ? proxy.Enable(options) : proxy.Disable(options); });
}

Result<void> EuiccClient::remove(const ProfileObject& profile) {
  ProfileProxy proxy(connection_.bus(), profile.path);
  return dbus_call([&] { proxy.Delete({{"notify", sdbus::Variant(false)}}); });
}

Result<void> EuiccClient::set_nickname(const ProfileObject& profile, const std::string& nickname) {
  ProfileProxy proxy(connection_.bus(), profile.path);
  return dbus_call([&] { proxy.SetNickname(nickname); });
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
  EuiccProxy proxy(connection_.bus(), euicc_.path);
  return dbus_call([&] { return proxy.RemoveNotifications(seq_numbers); });
}

Result<void> EuiccClient::set_default_smdp(const std::string& address) {
  EuiccProxy proxy(connection_.bus(), euicc_.path);
  return dbus_call([&] { proxy.SetDefaultSmdp(address); });
}

Result<rsp::ConfiguredAddresses> EuiccClient::addresses() {
  EuiccProxy proxy(connection_.bus(), euicc_.path);
  return dbus_call([&] {
    auto default_smdp = proxy.DefaultSmdpAddress();
    return rsp::ConfiguredAddresses{default_smdp.empty() ? std::nullopt : std::optional(default_smdp), proxy.RootSmdsAddress()};
  });
}

Result<void> EuiccClient::reset(const es10::MemoryResetOptions& options) {
  EuiccProxy proxy(connection_.bus(), euicc_.path);
  return dbus_call([&] {
    proxy.Reset({{"operational_profiles", sdbus::Variant(options.operational_profiles)},
                 {"test_profiles", sdbus::Variant(options.test_profiles)},
                 {"default_smdp_address", sdbus::Variant(options.default_smdp_address)}});
  });
}

Result<std::string> EuiccClient::start_download(const std::string& activation_code, const Properties& options) {
  EuiccProxy proxy(connection_.bus(), euicc_.path);
  return dbus_call([&] { return std::string(proxy.Download(activation_code, options)); });
}

Result<std::string> EuiccClient::start_discovery(const Properties& options) {
  EuiccProxy proxy(connection_.bus(), euicc_.path);
  return dbus_call([&] { return std::string(proxy.Discover(options)); });
}

Result<std::string> EuiccClient::start_notification_run(const Properties& options) {
  EuiccProxy proxy(connection_.bus(), euicc_.path);
  return dbus_call([&] { return std::string(proxy.ProcessNotifications(options)); });
}

}  // namespace lpad::cli::daemon
