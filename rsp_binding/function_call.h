// The JSON binding SGP.22 section 6.5 defines for ES9+ and ES11: every function is a POST of a
// JSON object to https://<address>/gsma/rsp2/<interface>/<function> with the RSP headers, and
// every answer carries header.functionExecutionStatus, which is turned into a typed error here.
#pragma once

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <string>
#include <utility>
#include <string_view>

#include "core/bytes.h"
#include "core/error.h"
#include "https/https_client.h"

namespace lpad::rsp_binding {

inline constexpr std::string_view kAdminProtocol = "gsma/rsp/v2.2.0";

// Calls `function` ("initiateAuthentication") of `interface_path` ("es9plus" or "es11") at
// `address` (host[:port]). Returns the response object after checking its status: Executed-Success
// (and Executed-WithWarning) pass; Failed becomes the server.* error its statusCodeData names.
// When `expect_body` is false an empty 204 answer is success (handleNotification). When the
// request has a transactionId, an answer carrying another one is server.bad-response.
Result<nlohmann::json> call_function(https::HttpsClient& client, std::string_view address,
                                     std::string_view interface_path, std::string_view function,
                                     const nlohmann::json& request, bool expect_body = true);

// The checks call_function makes on an answer, without the network (tests, fuzzing): the HTTP
// status (200; with `expect_body` false also 204 or an empty 200), the JSON and the header's
// functionExecutionStatus. An empty object stands for an answer without a body.
Result<nlohmann::json> parse_function_response(std::string_view function, const https::HttpResponse& response,
                                               bool expect_body = true);

// header.functionExecutionStatus of a parsed answer: success, or the typed error it reports.
Result<void> check_execution_status(std::string_view function, const nlohmann::json& response);

// Field readers for response objects: a missing or malformed field is server.bad-response naming it.
Result<std::string> string_field(const nlohmann::json& object, std::string_view name);
Result<Bytes> base64_field(const nlohmann::json& object, std::string_view name);
// Several base64 fields at once, each into its destination; the first failure names its field.
Result<void> base64_fields(const nlohmann::json& object, std::initializer_list<std::pair<std::string_view, Bytes*>> fields);
// transactionId: a hex string of 1 to 16 bytes (SGP.22 TransactionId), returned as written.
Result<std::string> transaction_id_field(const nlohmann::json& object);
// Where the answer carries a transactionId, it must be the one sent (hex, either case): another
// session's answer is server.bad-response naming transactionId. An answer without one passes.
Result<void> check_echoed_transaction_id(const nlohmann::json& response, std::string_view sent);

std::string base64_encode(ByteView data);
Result<Bytes> base64_decode(std::string_view text);

}  // namespace lpad::rsp_binding
