#include "rsp_binding/function_status.h"

#include <fmt/format.h>

#include <array>

namespace lpad::rsp_binding {
namespace {

// One row of SGP.22's per-function error tables: subject code, reason code ("" matches any) and
// what it means for the person downloading. More specific rows come first.
struct KnownStatus {
  std::string_view subject;
  std::string_view reason;
  Errc code;
  std::string_view sentence;
};

// Sentences say {server}: the same codes come from an SM-DP+ (ES9+) and an SM-DS (ES11).
constexpr std::array kKnownStatuses{
    // 8.2.6 matching ID: the activation code itself (never echoed: it is a secret)
    KnownStatus{"8.2.6", "", Errc::server_matching_id_refused,
                "the {server} refused the activation code: it is unknown or was already used"},
    // 8.2.7 confirmation code
    KnownStatus{"8.2.7", "2.2", Errc::server_confirmation_code_missing,
                "the {server} needs the confirmation code for this download"},
    KnownStatus{"8.2.7", "6.4", Errc::server_retries_exceeded,
                "too many wrong confirmation codes; ask the operator for a new activation code"},
    KnownStatus{"8.2.7", "", Errc::server_confirmation_code_refused, "the confirmation code is wrong"},
    // 8.8.5 download order
    KnownStatus{"8.8.5", "4.10", Errc::server_order_expired,
                "the download order has expired; ask the operator for a new activation code"},
    KnownStatus{"8.8.5", "6.4", Errc::server_retries_exceeded,
                "this profile was already tried too many times; ask the operator for a new activation code"},
    KnownStatus{"8.8.5", "", Errc::server_function_failed,
                "the {server} has no download order it can serve for this activation code"},
    // 8.10.1 transaction ID
    KnownStatus{"8.10.1", "", Errc::server_transaction_unknown,
                "the {server} does not know this session (it may have expired); start again"},
    // 8.1.x the eUICC
    KnownStatus{"8.1", "4.8", Errc::server_function_failed,
                "the eUICC does not have enough free memory for this profile; delete a profile and try again"},
    KnownStatus{"8.1.1", "", Errc::server_euicc_rejected,
                "the {server} refused this eUICC: the download is meant for another EID"},
    KnownStatus{"8.1.2", "6.3", Errc::server_euicc_rejected, "the {server} refused this eUICC: its EUM certificate has expired"},
    KnownStatus{"8.1.3", "6.3", Errc::server_euicc_rejected, "the {server} refused this eUICC: its certificate has expired"},
    KnownStatus{"8.1", "", Errc::server_euicc_rejected, "the {server} refused this eUICC's certificate or signature"},
    KnownStatus{"8.1.2", "", Errc::server_euicc_rejected, "the {server} refused this eUICC's certificate or signature"},
    KnownStatus{"8.1.3", "", Errc::server_euicc_rejected, "the {server} refused this eUICC's certificate or signature"},
    // 8.8.x the SM-DP+'s and 8.9.x the SM-DS's own address and capabilities
    KnownStatus{"8.8.1", "", Errc::server_function_failed,
                "the SM-DP+ address in the request is not this server's (check the activation code)"},
    KnownStatus{"8.9.1", "", Errc::server_function_failed, "the SM-DS address in the request is not this server's"},
    KnownStatus{"8.8.2", "", Errc::server_unsupported,
                "the SM-DP+ trusts none of the GSMA CIs this eUICC knows (no common security configuration)"},
    KnownStatus{"8.9.2", "", Errc::server_unsupported,
                "the SM-DS trusts none of the GSMA CIs this eUICC knows (no common security configuration)"},
    KnownStatus{"8.8.3", "", Errc::server_unsupported, "the SM-DP+ does not support this eUICC's SGP.22 version"},
    KnownStatus{"8.9.3", "", Errc::server_unsupported, "the SM-DS does not support this eUICC's SGP.22 version"},
    KnownStatus{"8.8.4", "", Errc::server_unsupported, "the SM-DP+ has no certificate from a GSMA CI this eUICC trusts"},
    KnownStatus{"8.9.4", "", Errc::server_unsupported, "the SM-DS has no certificate from a GSMA CI this eUICC trusts"},
    KnownStatus{"8.11.1", "", Errc::server_unsupported, "the {server} does not know the GSMA CI this eUICC asked for"},
    // 8.2.x the profile
    KnownStatus{"8.2", "1.2", Errc::server_function_failed, "the profile has not been released for download yet"},
    KnownStatus{"8.2", "", Errc::server_function_failed, "the SM-DP+ cannot provide the profile"},
    KnownStatus{"8.2.1", "", Errc::server_function_failed, "the SM-DP+ refused the profile's ICCID"},
    KnownStatus{"8.2.5", "", Errc::server_function_failed,
                "the profile type of this order is not available for this eUICC"},
    // 8.8 / 8.9 the servers themselves
    KnownStatus{"8.8", "", Errc::server_function_failed, "the SM-DP+ cannot serve this request"},
    KnownStatus{"8.9", "", Errc::server_function_failed, "the SM-DS cannot serve this request"},
};

// SGP.22 6.5.2 reason codes, for the message of codes without a row above.
std::string_view reason_words(std::string_view reason) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 19> kReasons{{
      {"1.1", "unknown or unauthorised requester"},
      {"1.2", "not allowed"},
      {"1.3", "unknown function provider"},
      {"2.1", "invalid"},
      {"2.2", "mandatory element missing"},
      {"2.3", "conditional element missing"},
      {"3.1", "unsupported"},
      {"3.3", "already in use"},
      {"3.7", "unavailable"},
      {"3.8", "refused"},
      {"3.9", "unknown"},
      {"3.10", "invalid association"},
      {"4.2", "execution error"},
      {"4.8", "insufficient memory"},
      {"4.10", "time to live expired"},
      {"5.1", "inaccessible"},
      {"6.1", "verification failed"},
      {"6.3", "expired"},
      {"6.4", "maximum number of retries exceeded"},
  }};
  for (const auto& [code, words] : kReasons)
    if (code == reason) return words;
  return "";
}

// The row for `subject` and `reason`, if any; nullptr otherwise.
const KnownStatus* known_status(std::string_view subject, std::string_view reason) {
  for (const auto& known : kKnownStatuses)
    if (known.subject == subject && (known.reason.empty() || known.reason == reason)) return &known;
  return nullptr;
}

// The row for the subject, else for its nearest parent (8.2.3 falls back to 8.2, "the profile"),
// so a code the tables gained later still gets a sentence about the right thing.
const KnownStatus* nearest_known_status(std::string_view subject, std::string_view reason) {
  for (std::string_view code = subject; !code.empty();) {
    if (const auto* known = known_status(code, reason)) return known;
    const auto dot = code.rfind('.');
    if (dot == std::string_view::npos) break;
    code = code.substr(0, dot);
  }
  return nullptr;
}

}  // namespace

Error error_from_status(std::string_view function, const ServerStatus& status, ServerRole role) {
  const std::string_view server = role == ServerRole::smds ? "SM-DS" : "SM-DP+";
  if (const auto* known = nearest_known_status(status.subject_code, status.reason_code)) {
    Error error{known->code, fmt::format("{} ({})", fmt::format(fmt::runtime(known->sentence), fmt::arg("server", server)), function)};
    error.server = status;
    return error;
  }
  const std::string_view words = reason_words(status.reason_code);
  Error error{Errc::server_function_failed,
              fmt::format("the {} refused {}: subject code {}, reason code {}{}", server, function,
                          status.subject_code.empty() ? "(none)" : status.subject_code,
                          status.reason_code.empty() ? "(none)" : status.reason_code,
                          words.empty() ? std::string{} : fmt::format(" ({})", words))};
  error.server = status;
  return error;
}

}  // namespace lpad::rsp_binding
