// org.lpad.Lpad1.Profile: one object per installed profile, served from the eUICC's snapshot. Its
// methods are the eUICC's card work, so they are forwarded to the EuiccObject that owns it.
#pragma once

#include <sdbus-c++/sdbus-c++.h>

#include <functional>
#include <string>

#include "dbus_api/profile_adaptor.h"
#include "lpad/authority.h"
#include "lpad/bus_values.h"
#include "rsp/profile.h"

namespace lpad::daemon {

enum class ProfileOperation { enable, disable, remove, set_nickname };

class ProfileObject final
    : public sdbus::AdaptorInterfaces<org::lpad::Lpad1::Profile_adaptor, sdbus::ManagedObject_adaptor, sdbus::Properties_adaptor> {
 public:
  // What the owning eUICC does with a call: the operation, the profile's ICCID, the options (or
  // the nickname, for set_nickname), and the reply to send when the card has answered.
  using Forward = std::function<void(const Caller& caller, ProfileOperation, const std::string& iccid,
                                     const VariantMap& options, const std::string& nickname, sdbus::Result<>&& reply)>;

  ProfileObject(sdbus::IConnection& connection, std::string path, std::string euicc_path, rsp::ProfileInfo info, Forward forward);
  ~ProfileObject();

  const std::string& path() const { return path_; }
  // Takes the card's newer view and signals what changed.
  void update(rsp::ProfileInfo info);

 private:
  void Enable(sdbus::Result<>&& result, VariantMap options) override;
  void Disable(sdbus::Result<>&& result, VariantMap options) override;
  void Delete(sdbus::Result<>&& result, VariantMap options) override;
  void SetNickname(sdbus::Result<>&& result, std::string nickname) override;

  sdbus::ObjectPath Euicc() override { return sdbus::ObjectPath(euicc_path_); }
  std::string Iccid() override;
  std::string IsdpAid() override;
  std::string State() override;
  std::string Nickname() override { return info_.nickname.value_or(""); }
  std::string ServiceProviderName() override { return info_.service_provider_name.value_or(""); }
  std::string ProfileName() override { return info_.profile_name.value_or(""); }
  std::string ProfileClass() override;
  std::string IconType() override { return icon_type_name(info_.icon_type); }
  std::vector<uint8_t> Icon() override;
  std::vector<std::string> PolicyRules() override { return policy_rule_names(info_.policy_rules); }

  Caller caller() const;

  std::string path_;
  std::string euicc_path_;
  rsp::ProfileInfo info_;
  Forward forward_;
};

}  // namespace lpad::daemon
