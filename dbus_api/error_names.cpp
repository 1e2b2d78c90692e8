#include "dbus_api/error_names.h"

#include <optional>
#include <string_view>
#include <utility>

namespace lpad::dbus_api {
namespace {

std::string_view short_name(Errc code) {
  switch (code) {
    case Errc::invalid_argument:
    case Errc::engine_no_smds:
    case Errc::qr_image_unreadable:
    case Errc::qr_no_code_found:
    case Errc::qr_not_activation_code:
      return "InvalidArgument";
    case Errc::ac_empty:
    case Errc::ac_unsupported_format:
    case Errc::ac_missing_address:
    case Errc::ac_invalid_address:
    case Errc::ac_invalid_matching_id:
    case Errc::ac_invalid_oid:
    case Errc::ac_invalid_confirmation_flag:
    case Errc::ac_control_character:
    case Errc::ac_field_too_long:
    case Errc::ac_too_many_fields:
      return "ActivationCodeInvalid";
    case Errc::daemon_not_authorized: return "NotAuthorized";
    case Errc::es10_cat_busy:
    case Errc::daemon_busy:
      return "Busy";
    case Errc::es10_profile_not_found:
    case Errc::daemon_no_such_object:
      return "NoSuchProfile";
    case Errc::es10_profile_wrong_state: return "ProfileWrongState";
    case Errc::es10_disallowed_by_policy: return "PolicyForbids";
    case Errc::es10_notification_not_found: return "NoSuchNotification";
    case Errc::es10_card_refused:
    case Errc::engine_card_refused:
    case Errc::es10_nothing_to_delete:
      return "CardRefused";
    case Errc::apdu_card_removed:
    case Errc::apdu_transport_failure:
    case Errc::apdu_no_channel:
    case Errc::daemon_modem_inhibit_refused:
      return "CardUnavailable";
    case Errc::apdu_protocol_error:
    case Errc::es10_unexpected_status:
    case Errc::es10_bad_response:
    case Errc::tlv_truncated:
    case Errc::tlv_length_too_long:
    case Errc::tlv_indefinite_length:
    case Errc::tlv_non_minimal_length:
    case Errc::tlv_tag_too_long:
    case Errc::tlv_non_minimal_tag:
    case Errc::tlv_too_deep:
    case Errc::tlv_trailing_bytes:
    case Errc::tlv_missing_element:
    case Errc::tlv_unexpected_tag:
    case Errc::tlv_bad_value:
      return "CardProtocol";
    case Errc::apdu_timeout:
    case Errc::https_timeout:
      return "Timeout";
    case Errc::https_connect_failed:
    case Errc::https_transport_failure:
    case Errc::https_http_status:
      return "Network";
    case Errc::https_tls_untrusted:
    case Errc::https_tls_hostname_mismatch:
    case Errc::https_tls_failure:
      return "Tls";
    case Errc::server_bad_response:
    case Errc::engine_server_inconsistent:
      return "ServerProtocol";
    case Errc::server_function_failed:
    case Errc::server_transaction_unknown:
    case Errc::server_euicc_rejected:
    case Errc::server_unsupported:
      return "ServerRefused";
    case Errc::server_matching_id_refused:
    case Errc::server_order_expired:
      return "MatchingIdRefused";
    case Errc::server_confirmation_code_missing: return "ConfirmationCodeRequired";
    case Errc::server_confirmation_code_refused: return "ConfirmationCodeRefused";
    case Errc::server_retries_exceeded: return "RetriesExceeded";
    case Errc::engine_install_failed: return "InstallFailed";
    case Errc::engine_notification_undelivered: return "NotificationUndelivered";
    case Errc::engine_rejected_by_user:
    case Errc::engine_confirmation_code_needed:
    case Errc::job_cancelled:
    case Errc::job_owner_left:
    case Errc::job_answer_timeout:
      return "Cancelled";
    case Errc::job_wrong_state: return "JobWrongState";
    default: return "Failed";
  }
}

// The code errc_name() calls `name`, if any: every code lies below 1000 (core/error.h), so the
// enum itself is the list and no second one has to be kept in step with it.
std::optional<Errc> code_named(std::string_view name) {
  for (unsigned value = 0; value < 1000; ++value) {
    auto code = static_cast<Errc>(value);
    if (errc_name(code) == name && name != "unknown") return code;
  }
  return std::nullopt;
}

}  // namespace

std::string error_name(Errc code) {
  // The bus's own name for it: clients (gdbus, busctl) already know to retry with interaction.
  if (code == Errc::daemon_interactive_authorization_required) return "org.freedesktop.DBus.Error.InteractiveAuthorizationRequired";
  return std::string(kErrorPrefix) + std::string(short_name(code));
}

std::string error_message(const Error& error) { return error.describe(); }

Error error_from_dbus(std::string_view dbus_name, std::string_view message) {
  const auto end = message.find_first_of(": ");
  const auto first_word = message.substr(0, end);
  if (auto code = code_named(first_word)) {
    auto rest = end == std::string_view::npos ? std::string_view{} : message.substr(end);
    while (!rest.empty() && (rest.front() == ':' || rest.front() == ' ')) rest.remove_prefix(1);
    return Error{*code, std::string(rest)};
  }
  if (dbus_name == "org.freedesktop.DBus.Error.InteractiveAuthorizationRequired")
    return Error{Errc::daemon_interactive_authorization_required, std::string(message)};
  if (dbus_name == "org.freedesktop.DBus.Error.AccessDenied" ||
      dbus_name == std::string(kErrorPrefix) + "NotAuthorized")
    return Error{Errc::daemon_not_authorized, std::string(message)};
  if (dbus_name == "org.freedesktop.DBus.Error.UnknownObject" || dbus_name == "org.freedesktop.DBus.Error.UnknownMethod")
    return Error{Errc::daemon_no_such_object, std::string(message)};
  if (dbus_name == "org.freedesktop.DBus.Error.InvalidArgs")
    return Error{Errc::invalid_argument, std::string(message)};
  return Error{Errc::io_error, std::string(dbus_name) + ": " + std::string(message)};
}

}  // namespace lpad::dbus_api
