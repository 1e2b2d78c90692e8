#include "es11/es11_messages.h"

#include <fmt/format.h>

#include "rsp_binding/function_call.h"

namespace lpad::es11 {

nlohmann::json initiate_authentication_request(ByteView euicc_challenge, ByteView euicc_info1, std::string_view smds_address) {
  return rsp_binding::initiate_authentication_request(euicc_challenge, euicc_info1, "smdsAddress", smds_address);
}

Result<std::vector<EventEntry>> parse_authenticate_client(const nlohmann::json& response) {
  std::vector<EventEntry> events;
  if (!response.is_object()) return fail(Errc::server_bad_response, "the answer to authenticateClient is not a JSON object");
  const auto entries = response.find("eventEntries");
  if (entries == response.end()) return events;
  if (!entries->is_array()) return fail(Errc::server_bad_response, "eventEntries in the answer is not a list");
  for (std::size_t i = 0; i < entries->size(); ++i) {
    const auto& entry = (*entries)[i];
    auto event_id = rsp_binding::string_field(entry, "eventId");
    auto address = rsp_binding::string_field(entry, "rspServerAddress");
    if (!event_id || !address)
      return fail(Errc::server_bad_response,
                  fmt::format("event {} of the answer: {}", i + 1, (!event_id ? event_id.error() : address.error()).message));
    events.push_back({std::move(*event_id), std::move(*address)});
  }
  return events;
}

}  // namespace lpad::es11
