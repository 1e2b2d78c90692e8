// The ES9+ request bodies and answer readers (SGP.22 6.5.2.6 to 6.5.2.10), apart from the HTTPS
// exchange, so tests and the fuzzer run them on recorded or arbitrary answers without a network.
// Parsers take an answer whose functionExecutionStatus was already checked (parse_function_response).
#pragma once

#include <nlohmann/json.hpp>

#include <string_view>

#include "es9p/es9p.h"

namespace lpad::es9p {

inline constexpr std::string_view kInterface = "es9plus";

nlohmann::json initiate_authentication_request(ByteView euicc_challenge, ByteView euicc_info1, std::string_view smdp_address);
Result<InitiateAuthenticationOk> parse_initiate_authentication(const nlohmann::json& response);

nlohmann::json authenticate_client_request(std::string_view transaction_id, ByteView authenticate_server_response);
Result<AuthenticateClientOk> parse_authenticate_client(const nlohmann::json& response);

nlohmann::json get_bound_profile_package_request(std::string_view transaction_id, ByteView prepare_download_response);
Result<Bytes> parse_get_bound_profile_package(const nlohmann::json& response);  // the BPP DER

nlohmann::json handle_notification_request(ByteView pending_notification);
nlohmann::json cancel_session_request(std::string_view transaction_id, ByteView cancel_session_response);

}  // namespace lpad::es9p
