// How `lpa` shows ES10 data, as text for people and as the JSON documented in docs/lpa-json.md
// (stable keys; absent values are null, never left out).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "rsp/euicc_info.h"
#include "rsp/notification.h"
#include "rsp/profile.h"

namespace lpad::cli {

nlohmann::json profile_json(const rsp::ProfileInfo& profile);
nlohmann::json notification_json(const rsp::NotificationMetadata& notification);
nlohmann::json euicc_info2_json(const rsp::EuiccInfo2& info);
nlohmann::json addresses_json(const rsp::ConfiguredAddresses& addresses);

std::string hex_list_text(const std::vector<Bytes>& list);  // "AB12, CD34"
std::string profiles_table(const std::vector<rsp::ProfileInfo>& profiles);
std::string notifications_table(const std::vector<rsp::NotificationMetadata>& notifications);

}  // namespace lpad::cli
