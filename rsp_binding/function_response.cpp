// The answer side of SGP.22 6.5: HTTP status, JSON and functionExecutionStatus, checked before any
// function-specific field is read. Messages name the function, never the body (it may hold secrets).
#include <fmt/format.h>

#include "rsp_binding/function_call.h"
#include "rsp_binding/function_status.h"

namespace lpad::rsp_binding {
namespace {

// statusCodeData fields are optional strings; anything else is ignored rather than refused, since
// the status itself (Failed) is what matters.
std::string optional_string(const nlohmann::json& object, std::string_view name) {
  if (!object.is_object()) return {};
  const auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

}  // namespace

Result<void> check_execution_status(std::string_view function, const nlohmann::json& response) {
  if (!response.is_object() || !response.contains("header") || !response["header"].is_object())
    return fail(Errc::server_bad_response, fmt::format("the answer to {} has no header", function));
  const auto& header = response["header"];
  const auto execution = header.find("functionExecutionStatus");
  if (execution == header.end() || !execution->is_object())
    return fail(Errc::server_bad_response, fmt::format("the answer to {} has no functionExecutionStatus", function));
  const std::string status = optional_string(*execution, "status");
  if (status == "Executed-Success" || status == "Executed-WithWarning") return {};
  if (status != "Failed" && status != "Expired")
    return fail(Errc::server_bad_response, fmt::format("the answer to {} has an unknown execution status", function));
  const auto data = execution->find("statusCodeData");
  ServerStatus codes;
  if (data != execution->end()) {
    codes.subject_code = optional_string(*data, "subjectCode");
    codes.reason_code = optional_string(*data, "reasonCode");
    codes.subject_identifier = optional_string(*data, "subjectIdentifier");
    codes.message = optional_string(*data, "message");
  }
  if (status == "Expired" && codes.subject_code.empty()) {
    Error error{Errc::server_function_failed, fmt::format("the server let {} expire before executing it", function)};
    error.server = codes;
    return unexpected(std::move(error));
  }
  return unexpected(error_from_status(function, codes));
}

Result<nlohmann::json> parse_function_response(std::string_view function, const https::HttpResponse& response,
                                               bool expect_body) {
  const bool no_content = response.status == 204 || (response.status == 200 && response.body.empty());
  if (!expect_body && no_content) return nlohmann::json::object();
  if (response.status != 200)
    return fail(Errc::https_http_status, fmt::format("the server answered {} with HTTP status {}", function, response.status));
  auto parsed = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object())
    return fail(Errc::server_bad_response, fmt::format("the answer to {} is not a JSON object", function));
  if (auto status = check_execution_status(function, parsed); !status) return unexpected(status.error());
  return parsed;
}

}  // namespace lpad::rsp_binding
