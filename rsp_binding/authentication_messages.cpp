#include "rsp_binding/authentication_messages.h"

#include "rsp_binding/function_call.h"

namespace lpad::rsp_binding {

nlohmann::json initiate_authentication_request(ByteView euicc_challenge, ByteView euicc_info1,
                                               std::string_view address_field, std::string_view address) {
  return {{"euiccChallenge", base64_encode(euicc_challenge)},
          {"euiccInfo1", base64_encode(euicc_info1)},
          {std::string(address_field), std::string(address)}};
}

Result<InitiateAuthenticationOk> parse_initiate_authentication(const nlohmann::json& response) {
  InitiateAuthenticationOk ok;
  auto transaction_id = transaction_id_field(response);
  if (!transaction_id) return unexpected(transaction_id.error());
  ok.transaction_id = std::move(*transaction_id);
  auto fields = base64_fields(response, {{"serverSigned1", &ok.server_signed1},
                                         {"serverSignature1", &ok.server_signature1},
                                         {"euiccCiPKIdToBeUsed", &ok.euicc_ci_pkid_to_be_used},
                                         {"serverCertificate", &ok.server_certificate}});
  if (!fields) return unexpected(fields.error());
  return ok;
}

nlohmann::json authenticate_client_request(std::string_view transaction_id, ByteView authenticate_server_response) {
  return {{"transactionId", std::string(transaction_id)},
          {"authenticateServerResponse", base64_encode(authenticate_server_response)}};
}

}  // namespace lpad::rsp_binding
