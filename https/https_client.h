// A blocking HTTPS client on libcurl for the ES9+ and ES11 JSON functions: POST only, TLS always
// verified against the configured CI roots with the host name checked, time limits on everything,
// proxy settings from the environment honoured (libcurl reads https_proxy/no_proxy).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "https/https_options.h"

namespace lpad::https {

struct HttpResponse {
  long status = 0;           // HTTP status code
  std::string content_type;  // as the server sent it, may be empty
  std::string body;
};

class HttpsClient {
 public:
  // Loads the trust anchors and checks the options (https.bad-option if one does not parse).
  static Result<HttpsClient> create(HttpsOptions options);

  HttpsClient(HttpsClient&&) noexcept;
  HttpsClient& operator=(HttpsClient&&) noexcept;
  ~HttpsClient();

  // POSTs `body` to `url` (https:// only) with the extra `headers` ("Name: value"). Any HTTP
  // status is a response; transport and TLS failures are errors (https.*).
  Result<HttpResponse> post(std::string_view url, std::string_view body, const std::vector<std::string>& headers);

  const HttpsOptions& options() const;

 private:
  struct State;
  explicit HttpsClient(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace lpad::https
