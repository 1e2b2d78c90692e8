#include "lpad/manager_object.h"

namespace lpad::daemon {

ManagerObject::ManagerObject(sdbus::IConnection& connection, std::string path, Hooks hooks)
    : AdaptorInterfaces(connection, std::move(path)), hooks_(std::move(hooks)) {
  registerAdaptor();
}

ManagerObject::~ManagerObject() { unregisterAdaptor(); }

void ManagerObject::Rescan(sdbus::Result<>&& result) {
  hooks_.rescan(caller_of(*getObject().getCurrentlyProcessedMessage()), std::move(result));
}

std::string ManagerObject::Version() { return LPAD_VERSION; }

void ManagerObject::euiccs_changed() {
  getObject().emitPropertiesChangedSignal(org::lpad::Lpad1::Manager_adaptor::INTERFACE_NAME, {"Euiccs"});
}

}  // namespace lpad::daemon
