// initiateAuthentication and authenticateClient carry the same mutual-authentication fields on
// ES9+ (SM-DP+) and ES11 (SM-DS), SGP.22 sections 6.5.2.6 and 6.5.2.8 (ES11: 6.5.2.x).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "core/bytes.h"
#include "core/error.h"

namespace lpad::rsp_binding {

// What a server answers to initiateAuthentication. Signed parts stay as the DER that was signed;
// the signature and PKID are the TLVs as sent (5F37 ..., 04 14 ...), ready for AuthenticateServer.
struct InitiateAuthenticationOk {
  std::string transaction_id;     // as the server wrote it (hex); echoed in every later call
  Bytes server_signed1;           // ServerSigned1 DER
  Bytes server_signature1;        // the 5F37 TLV
  Bytes euicc_ci_pkid_to_be_used; // the 04 TLV (SubjectKeyIdentifier)
  Bytes server_certificate;       // CERT.DPauth.ECDSA (or CERT.DSauth.ECDSA) DER
};

// initiateAuthentication's request: {euiccChallenge, euiccInfo1, <address_field>: address}, where
// address_field is "smdpAddress" (ES9+) or "smdsAddress" (ES11).
nlohmann::json initiate_authentication_request(ByteView euicc_challenge, ByteView euicc_info1,
                                               std::string_view address_field, std::string_view address);
// The fields of a successful initiateAuthentication answer (its status already checked).
Result<InitiateAuthenticationOk> parse_initiate_authentication(const nlohmann::json& response);

// authenticateClient's request: {transactionId, authenticateServerResponse}.
nlohmann::json authenticate_client_request(std::string_view transaction_id, ByteView authenticate_server_response);

}  // namespace lpad::rsp_binding
