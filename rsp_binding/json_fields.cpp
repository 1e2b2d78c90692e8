// Readers for the fields of ES9+/ES11 response objects: each names the missing or malformed field.
#include <fmt/format.h>

#include "rsp_binding/function_call.h"

namespace lpad::rsp_binding {

Result<std::string> string_field(const nlohmann::json& object, std::string_view name) {
  if (!object.is_object()) return fail(Errc::server_bad_response, "the answer is not a JSON object");
  const auto it = object.find(name);
  if (it == object.end()) return fail(Errc::server_bad_response, fmt::format("the answer has no {}", name));
  if (!it->is_string()) return fail(Errc::server_bad_response, fmt::format("{} in the answer is not a string", name));
  return it->get<std::string>();
}

Result<Bytes> base64_field(const nlohmann::json& object, std::string_view name) {
  auto text = string_field(object, name);
  if (!text) return unexpected(text.error());
  auto bytes = base64_decode(*text);
  if (!bytes) return fail(Errc::server_bad_response, fmt::format("{} in the answer is not valid base64: {}", name, bytes.error().message));
  if (bytes->empty()) return fail(Errc::server_bad_response, fmt::format("{} in the answer is empty", name));
  return bytes;
}

Result<void> base64_fields(const nlohmann::json& object, std::initializer_list<std::pair<std::string_view, Bytes*>> fields) {
  for (const auto& [name, destination] : fields) {
    auto bytes = base64_field(object, name);
    if (!bytes) return unexpected(bytes.error());
    *destination = std::move(*bytes);
  }
  return {};
}

Result<std::string> transaction_id_field(const nlohmann::json& object) {
  auto text = string_field(object, "transactionId");
  if (!text) return unexpected(text.error());
  // SGP.22 TransactionId: OCTET STRING (SIZE(1..16)), written as hex in JSON.
  auto bytes = from_hex(*text);
  if (!bytes || bytes->empty() || bytes->size() > 16 || text->find(' ') != std::string::npos)
    return fail(Errc::server_bad_response, "transactionId in the answer is not 1 to 16 bytes of hex");
  return text;
}

Result<void> check_echoed_transaction_id(const nlohmann::json& response, std::string_view sent) {
  if (!response.is_object() || !response.contains("transactionId")) return {};
  auto echoed = transaction_id_field(response);
  if (!echoed) return unexpected(echoed.error());
  // Compared as bytes: servers differ in the case of their hex.
  auto echoed_bytes = from_hex(*echoed);
  auto sent_bytes = from_hex(sent);
  if (!echoed_bytes || !sent_bytes || *echoed_bytes != *sent_bytes)
    return fail(Errc::server_bad_response, "the transactionId in the answer is not the one of this session");
  return {};
}

}  // namespace lpad::rsp_binding
