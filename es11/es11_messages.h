// The ES11 request bodies and answer readers (SGP.22 6.5.2.x), apart from the HTTPS exchange, for
// tests and the fuzzer. Parsers take an answer whose functionExecutionStatus was already checked.
#pragma once

#include <nlohmann/json.hpp>

#include <string_view>
#include <vector>

#include "es11/es11.h"

namespace lpad::es11 {

inline constexpr std::string_view kInterface = "es11";

nlohmann::json initiate_authentication_request(ByteView euicc_challenge, ByteView euicc_info1, std::string_view smds_address);
// authenticateClient's answer: {header, eventEntries: [{eventId, rspServerAddress}]}; no
// eventEntries means no events.
Result<std::vector<EventEntry>> parse_authenticate_client(const nlohmann::json& response);

}  // namespace lpad::es11
