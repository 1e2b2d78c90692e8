// ES9+ over HTTPS: each function is one call_function with its request body and answer reader.
#include "es9p/es9p_messages.h"
#include "rsp_binding/function_call.h"

namespace lpad::es9p {
namespace {

class HttpsEs9p final : public Es9p {
 public:
  HttpsEs9p(https::HttpsClient& client, std::string address) : client_(client), address_(std::move(address)) {}

  const std::string& address() const override { return address_; }

  Result<InitiateAuthenticationOk> initiate_authentication(ByteView euicc_challenge, ByteView euicc_info1) override {
    auto response = call("initiateAuthentication", es9p::initiate_authentication_request(euicc_challenge, euicc_info1, address_));
    if (!response) return unexpected(response.error());
    return parse_initiate_authentication(*response);
  }

  Result<AuthenticateClientOk> authenticate_client(std::string_view transaction_id, ByteView authenticate_server_response) override {
    auto response = call("authenticateClient", es9p::authenticate_client_request(transaction_id, authenticate_server_response));
    if (!response) return unexpected(response.error());
    return parse_authenticate_client(*response);
  }

  Result<Bytes> get_bound_profile_package(std::string_view transaction_id, ByteView prepare_download_response) override {
    auto response = call("getBoundProfilePackage", get_bound_profile_package_request(transaction_id, prepare_download_response));
    if (!response) return unexpected(response.error());
    return parse_get_bound_profile_package(*response);
  }

  Result<void> handle_notification(ByteView pending_notification) override {
    auto response = call("handleNotification", handle_notification_request(pending_notification), /*expect_body=*/false);
    if (!response) return unexpected(response.error());
    return {};
  }

  Result<void> cancel_session(std::string_view transaction_id, ByteView cancel_session_response) override {
    auto response = call("cancelSession", cancel_session_request(transaction_id, cancel_session_response));
    if (!response) return unexpected(response.error());
    return {};
  }

 private:
  Result<nlohmann::json> call(std::string_view function, const nlohmann::json& request, bool expect_body = true) {
    return rsp_binding::call_function(client_, address_, kInterface, function, request, expect_body);
  }

  https::HttpsClient& client_;
  std::string address_;
};

}  // namespace

std::unique_ptr<Es9p> make_https_es9p(https::HttpsClient& client, std::string address) {
  return std::make_unique<HttpsEs9p>(client, std::move(address));
}

}  // namespace lpad::es9p
