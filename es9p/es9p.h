// ES9+, the LPA's interface to an SM-DP+ (SGP.22 sections 5.6 and 6.5.2): the five functions a
// download and its notifications need. An interface, so the engine's unit tests can replay a
// recorded server; the HTTPS implementation is make_https_es9p().
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/bytes.h"
#include "core/error.h"
#include "https/https_client.h"
#include "rsp_binding/authentication_messages.h"

namespace lpad::es9p {

using InitiateAuthenticationOk = rsp_binding::InitiateAuthenticationOk;

// authenticateClient's answer (6.5.2.8): the profile to confirm and the SM-DP+'s signed go-ahead.
struct AuthenticateClientOk {
  std::string transaction_id;
  Bytes profile_metadata;  // StoreMetadataRequest DER (BF25)
  Bytes smdp_signed2;      // SmdpSigned2 DER
  Bytes smdp_signature2;   // the 5F37 TLV
  Bytes smdp_certificate;  // CERT.DPpb.ECDSA DER
};

class Es9p {
 public:
  virtual ~Es9p() = default;

  virtual const std::string& address() const = 0;  // host[:port]
  virtual Result<InitiateAuthenticationOk> initiate_authentication(ByteView euicc_challenge, ByteView euicc_info1) = 0;
  virtual Result<AuthenticateClientOk> authenticate_client(std::string_view transaction_id,
                                                           ByteView authenticate_server_response) = 0;
  // The BoundProfilePackage DER (BF36).
  virtual Result<Bytes> get_bound_profile_package(std::string_view transaction_id, ByteView prepare_download_response) = 0;
  virtual Result<void> handle_notification(ByteView pending_notification) = 0;
  virtual Result<void> cancel_session(std::string_view transaction_id, ByteView cancel_session_response) = 0;
};

// ES9+ over `client` to the SM-DP+ at `address` (host[:port]). `client` must outlive the result.
std::unique_ptr<Es9p> make_https_es9p(https::HttpsClient& client, std::string address);

}  // namespace lpad::es9p
