// ES11 over HTTPS: the SM-DS's mutual authentication, whose authenticateClient answer lists events.
#include "es11/es11_messages.h"
#include "rsp_binding/function_call.h"

namespace lpad::es11 {
namespace {

class HttpsEs11 final : public Es11 {
 public:
  HttpsEs11(https::HttpsClient& client, std::string address) : client_(client), address_(std::move(address)) {}

  const std::string& address() const override { return address_; }

  Result<rsp_binding::InitiateAuthenticationOk> initiate_authentication(ByteView euicc_challenge, ByteView euicc_info1) override {
    auto response = rsp_binding::call_function(client_, address_, kInterface, "initiateAuthentication",
                                               es11::initiate_authentication_request(euicc_challenge, euicc_info1, address_));
    if (!response) return unexpected(response.error());
    return rsp_binding::parse_initiate_authentication(*response);
  }

  Result<std::vector<EventEntry>> authenticate_client(std::string_view transaction_id, ByteView authenticate_server_response) override {
    auto response = rsp_binding::call_function(client_, address_, kInterface, "authenticateClient",
                                               rsp_binding::authenticate_client_request(transaction_id, authenticate_server_response));
    if (!response) return unexpected(response.error());
    return parse_authenticate_client(*response);
  }

 private:
  https::HttpsClient& client_;
  std::string address_;
};

}  // namespace

std::unique_ptr<Es11> make_https_es11(https::HttpsClient& client, std::string address) {
  return std::make_unique<HttpsEs11>(client, std::move(address));
}

}  // namespace lpad::es11
