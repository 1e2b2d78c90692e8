// libFuzzer target: arbitrary bytes as the body of an ES9+/ES11 answer, through the status checks
// and every answer reader. Nothing may crash or throw; base64 that decodes must encode back to itself.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "es11/es11_messages.h"
#include "es9p/es9p_messages.h"
#include "rsp_binding/function_call.h"
#include "rsp_binding/function_status.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace lpad;
  const std::string body(reinterpret_cast<const char*>(data), size);

  if (auto decoded = rsp_binding::base64_decode(body); decoded && rsp_binding::base64_encode(*decoded) != body) std::abort();

  // The first byte picks the HTTP status, so 204 and error statuses are covered too.
  const long statuses[] = {200, 204, 500};
  const long status = size > 0 ? statuses[data[0] % 3] : 200;
  const https::HttpResponse response{status, "application/json", body};
  for (bool expect_body : {true, false}) {
    auto parsed = rsp_binding::parse_function_response("fuzz", response, expect_body);
    if (!parsed) continue;
    static_cast<void>(es9p::parse_initiate_authentication(*parsed));
    static_cast<void>(es9p::parse_authenticate_client(*parsed));
    static_cast<void>(es9p::parse_get_bound_profile_package(*parsed));
    static_cast<void>(es11::parse_authenticate_client(*parsed));
    static_cast<void>(rsp_binding::check_echoed_transaction_id(*parsed, "B2D48628B6F8495CB5718144C095148C"));
  }

  // Status mapping on arbitrary codes: split the input at the first two NUL bytes.
  const auto first = body.find('\0');
  const auto second = first == std::string::npos ? std::string::npos : body.find('\0', first + 1);
  ServerStatus codes{body.substr(0, first), first == std::string::npos ? "" : body.substr(first + 1, second - first - 1), "", ""};
  static_cast<void>(rsp_binding::error_from_status("fuzz", codes).describe());
  static_cast<void>(rsp_binding::error_from_status("fuzz", codes, rsp_binding::ServerRole::smds).describe());
  return 0;
}
