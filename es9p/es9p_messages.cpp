#include "es9p/es9p_messages.h"

#include "rsp_binding/function_call.h"

namespace lpad::es9p {

using rsp_binding::base64_encode;

nlohmann::json initiate_authentication_request(ByteView euicc_challenge, ByteView euicc_info1, std::string_view smdp_address) {
  return rsp_binding::initiate_authentication_request(euicc_challenge, euicc_info1, "smdpAddress", smdp_address);
}

Result<InitiateAuthenticationOk> parse_initiate_authentication(const nlohmann::json& response) {
  return rsp_binding::parse_initiate_authentication(response);
}

nlohmann::json authenticate_client_request(std::string_view transaction_id, ByteView authenticate_server_response) {
  return rsp_binding::authenticate_client_request(transaction_id, authenticate_server_response);
}

Result<AuthenticateClientOk> parse_authenticate_client(const nlohmann::json& response) {
  AuthenticateClientOk ok;
  auto transaction_id = rsp_binding::transaction_id_field(response);
  if (!transaction_id) return unexpected(transaction_id.error());
  ok.transaction_id = std::move(*transaction_id);
  auto fields = rsp_binding::base64_fields(response, {{"profileMetadata", &ok.profile_metadata},
                                                      {"smdpSigned2", &ok.smdp_signed2},
                                                      {"smdpSignature2", &ok.smdp_signature2},
                                                      {"smdpCertificate", &ok.smdp_certificate}});
  if (!fields) return unexpected(fields.error());
  return ok;
}

nlohmann::json get_bound_profile_package_request(std::string_view transaction_id, ByteView prepare_download_response) {
  return {{"transactionId", std::string(transaction_id)}, {"prepareDownloadResponse", base64_encode(prepare_download_response)}};
}

Result<Bytes> parse_get_bound_profile_package(const nlohmann::json& response) {
  // The transactionId is checked for form only; whether it is this session's is the engine's call.
  if (auto transaction_id = rsp_binding::transaction_id_field(response); !transaction_id)
    return unexpected(transaction_id.error());
  return rsp_binding::base64_field(response, "boundProfilePackage");
}

nlohmann::json handle_notification_request(ByteView pending_notification) {
  return {{"pendingNotification", base64_encode(pending_notification)}};
}

nlohmann::json cancel_session_request(std::string_view transaction_id, ByteView cancel_session_response) {
  return {{"transactionId", std::string(transaction_id)}, {"cancelSessionResponse", base64_encode(cancel_session_response)}};
}

}  // namespace lpad::es9p
