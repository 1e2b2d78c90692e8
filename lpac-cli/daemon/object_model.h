// lpad's objects as the plain types `lpa` already renders (docs/dbus-api.md to rsp/ and engine/
// types), so daemon mode prints exactly what direct mode prints. Pure conversions of received
// property maps and dictionaries: lenient (a missing or mistyped key reads as absent, since result
// dictionaries may grow) and free of any bus, so they are unit-tested.
#pragma once

#include <sdbus-c++/Types.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "dbus_api/names.h"
#include "engine/notification_delivery.h"
#include "rsp/euicc_info.h"
#include "rsp/notification.h"
#include "rsp/profile.h"

namespace lpad::cli::daemon {

using Properties = std::map<std::string, sdbus::Variant>;

using dbus_api::kBusName;
using dbus_api::kEuiccInterface;
using dbus_api::kJobInterface;
using dbus_api::kManagerInterface;
using dbus_api::kProfileInterface;
inline constexpr const char* kManagerPath = dbus_api::kRootPath;

struct ProfileObject {
  std::string path;
  rsp::ProfileInfo info;
};

struct EuiccObject {
  std::string path;
  std::string eid;
  std::string backend;
  std::string device;
  std::string svn;
  std::string firmware_version;
  std::uint64_t free_nvm = 0;
  std::uint64_t free_ram = 0;
  std::string default_smdp_address;  // "" when not set
  std::string root_smds_address;
  std::vector<std::string> ci_pkids;
  std::optional<rsp::EuiccInfo2> info2;    // absent from an lpad without the EuiccInfo2 property, or undecodable
  std::vector<std::string> profile_paths;  // the card's order
};

EuiccObject euicc_from_properties(std::string path, const Properties& properties);
ProfileObject profile_from_properties(std::string path, const Properties& properties);

rsp::NotificationMetadata notification_from_dict(const Properties& dict);
engine::NotificationDelivery delivery_from_dict(const Properties& dict);
std::vector<engine::NotificationDelivery> deliveries_from_list(const std::vector<Properties>& list);

// An error dictionary (Job.Error, a delivery's error): name, code, message, status_word,
// server_subject_code, server_reason_code.
Error error_from_dict(const Properties& dict);

// Job.ProfileMetadata: what the user is asked to agree to.
struct ProfileOffer {
  rsp::ProfileMetadata metadata;
  bool confirmation_code_required = false;
};
std::optional<ProfileOffer> offer_from_dict(const Properties& dict);  // nullopt when empty

struct DiscoveredEvent {
  std::string event_id;
  std::string smdp_address;
};

// Job.Result, whatever the job's Kind: each kind fills its own keys.
struct JobResult {
  std::string profile_path;  // download
  std::string iccid;
  std::string isdp_aid;
  std::optional<engine::NotificationDelivery> notification;
  std::string smds_address;  // discovery
  std::vector<DiscoveredEvent> events;
  std::vector<engine::NotificationDelivery> notifications;  // notification run
};
JobResult job_result_from_dict(const Properties& dict);

// What a PropertiesChanged (or GetAll) of a job says, converted on the thread that received it.
struct JobUpdate {
  std::optional<std::string> state;
  std::optional<std::string> stage;
  std::optional<std::uint32_t> percent;
  std::optional<bool> cancellable;
  std::optional<ProfileOffer> offer;
  std::optional<Error> error;
  std::optional<JobResult> result;
};
JobUpdate job_update_from_properties(const Properties& properties);

}  // namespace lpad::cli::daemon
