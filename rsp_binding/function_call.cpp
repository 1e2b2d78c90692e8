// One ES9+/ES11 function call over HTTPS: URL and RSP headers of SGP.22 6.5.1, then the answer checks.
#include <fmt/format.h>

#include "rsp_binding/function_call.h"
#include "rsp_binding/function_status.h"

namespace lpad::rsp_binding {

Result<nlohmann::json> call_function(https::HttpsClient& client, std::string_view address,
                                     std::string_view interface_path, std::string_view function,
                                     const nlohmann::json& request, bool expect_body) {
  const std::string url = fmt::format("https://{}/gsma/rsp2/{}/{}", address, interface_path, function);
  const std::vector<std::string> headers{
      "Content-Type: application/json",
      "Accept: application/json",
      fmt::format("X-Admin-Protocol: {}", kAdminProtocol),
  };
  // Replacing invalid UTF-8 instead of throwing: nothing may escape as an exception.
  const std::string body = request.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  auto response = client.post(url, body, headers);
  if (!response) return unexpected(response.error());
  auto parsed = parse_function_response(function, *response, expect_body);
  if (!parsed && parsed.error().code == Errc::https_http_status)
    parsed.error().message = fmt::format("{} answered {} with HTTP status {}", address, function, response->status);
  // The status tables speak of "the SM-DP+"; an SM-DS's refusal is worded for the SM-DS.
  if (!parsed && parsed.error().server && !parsed.error().server->subject_code.empty() && interface_path == "es11")
    return unexpected(error_from_status(function, *parsed.error().server, ServerRole::smds));
  if (!parsed) return parsed;
  // An answer for another session must never be taken for this one's.
  if (const auto sent = request.find("transactionId"); sent != request.end() && sent->is_string())
    if (auto echoed = check_echoed_transaction_id(*parsed, sent->get<std::string>()); !echoed) {
      echoed.error().message = fmt::format("{} ({})", echoed.error().message, function);
      return unexpected(echoed.error());
    }
  return parsed;
}

}  // namespace lpad::rsp_binding
