#include "lpad/profile_object.h"

#include "core/bytes.h"

namespace lpad::daemon {

using Adaptor = org::lpad::Lpad1::Profile_adaptor;

ProfileObject::ProfileObject(sdbus::IConnection& connection, std::string path, std::string euicc_path, rsp::ProfileInfo info,
                             Forward forward)
    : AdaptorInterfaces(connection, path),
      path_(std::move(path)),
      euicc_path_(std::move(euicc_path)),
      info_(std::move(info)),
      forward_(std::move(forward)) {
  registerAdaptor();
  emitInterfacesAddedSignal({Adaptor::INTERFACE_NAME});
}

ProfileObject::~ProfileObject() {
  emitInterfacesRemovedSignal({Adaptor::INTERFACE_NAME});
  unregisterAdaptor();
}

void ProfileObject::update(rsp::ProfileInfo info) {
  std::vector<std::string> changed;
  if (info.state != info_.state) changed.emplace_back("State");
  if (info.nickname != info_.nickname) changed.emplace_back("Nickname");
  if (info.service_provider_name != info_.service_provider_name) changed.emplace_back("ServiceProviderName");
  if (info.profile_name != info_.profile_name) changed.emplace_back("ProfileName");
  if (info.profile_class != info_.profile_class) changed.emplace_back("ProfileClass");
  if (info.icon_type != info_.icon_type) changed.emplace_back("IconType");
  if (info.icon != info_.icon) changed.emplace_back("Icon");
  if (info.policy_rules != info_.policy_rules) changed.emplace_back("PolicyRules");
  info_ = std::move(info);
  if (!changed.empty()) getObject().emitPropertiesChangedSignal(Adaptor::INTERFACE_NAME, changed);
}

std::string ProfileObject::Iccid() { return info_.iccid ? info_.iccid->digits() : ""; }
std::string ProfileObject::IsdpAid() { return info_.isdp_aid ? to_hex(*info_.isdp_aid) : ""; }
std::string ProfileObject::State() {
  return info_.state ? std::string(rsp::to_string(*info_.state)) : "disabled";
}
std::string ProfileObject::ProfileClass() {
  return info_.profile_class ? std::string(rsp::to_string(*info_.profile_class)) : "";
}
std::vector<uint8_t> ProfileObject::Icon() {
  return info_.icon ? std::vector<uint8_t>(info_.icon->begin(), info_.icon->end()) : std::vector<uint8_t>{};
}

Caller ProfileObject::caller() const {
  return caller_of(*getObject().getCurrentlyProcessedMessage());
}

void ProfileObject::Enable(sdbus::Result<>&& result, VariantMap options) {
  forward_(caller(), ProfileOperation::enable, Iccid(), options, "", std::move(result));
}
void ProfileObject::Disable(sdbus::Result<>&& result, VariantMap options) {
  forward_(caller(), ProfileOperation::disable, Iccid(), options, "", std::move(result));
}
void ProfileObject::Delete(sdbus::Result<>&& result, VariantMap options) {
  forward_(caller(), ProfileOperation::remove, Iccid(), options, "", std::move(result));
}
void ProfileObject::SetNickname(sdbus::Result<>&& result, std::string nickname) {
  forward_(caller(), ProfileOperation::set_nickname, Iccid(), {}, nickname, std::move(result));
}

}  // namespace lpad::daemon
