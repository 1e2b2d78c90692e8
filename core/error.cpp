#include "core/error.h"

#include <fmt/format.h>

namespace lpad {

std::string_view errc_name(Errc code) {
  switch (code) {
    case Errc::tlv_truncated: return "tlv.truncated";
    case Errc::tlv_length_too_long: return "tlv.length-too-long";
    case Errc::tlv_indefinite_length: return "tlv.indefinite-length";
    case Errc::tlv_non_minimal_length: return "tlv.non-minimal-length";
    case Errc::tlv_tag_too_long: return "tlv.tag-too-long";
    case Errc::tlv_non_minimal_tag: return "tlv.non-minimal-tag";
    case Errc::tlv_too_deep: return "tlv.too-deep";
    case Errc::tlv_trailing_bytes: return "tlv.trailing-bytes";
    case Errc::tlv_missing_element: return "tlv.missing-element";
    case Errc::tlv_unexpected_tag: return "tlv.unexpected-tag";
    case Errc::tlv_bad_value: return "tlv.bad-value";
    case Errc::ac_empty: return "activation-code.empty";
    case Errc::ac_unsupported_format: return "activation-code.unsupported-format";
    case Errc::ac_missing_address: return "activation-code.missing-address";
    case Errc::ac_invalid_address: return "activation-code.invalid-address";
    case Errc::ac_invalid_matching_id: return "activation-code.invalid-matching-id";
    case Errc::ac_invalid_oid: return "activation-code.invalid-oid";
    case Errc::ac_invalid_confirmation_flag: return "activation-code.invalid-confirmation-flag";
    case Errc::ac_control_character: return "activation-code.control-character";
    case Errc::ac_field_too_long: return "activation-code.field-too-long";
    case Errc::ac_too_many_fields: return "activation-code.too-many-fields";
    case Errc::qr_image_unreadable: return "qr.image-unreadable";
    case Errc::qr_no_code_found: return "qr.no-code-found";
    case Errc::qr_not_activation_code: return "qr.not-activation-code";
    case Errc::apdu_protocol_error: return "apdu.protocol-error";
    case Errc::apdu_timeout: return "apdu.timeout";
    case Errc::apdu_card_removed: return "apdu.card-removed";
    case Errc::apdu_transport_failure: return "apdu.transport-failure";
    case Errc::apdu_no_channel: return "apdu.no-channel";
    case Errc::es10_unexpected_status: return "es10.unexpected-status";
    case Errc::es10_bad_response: return "es10.bad-response";
    case Errc::es10_profile_not_found: return "es10.profile-not-found";
    case Errc::es10_profile_wrong_state: return "es10.profile-wrong-state";
    case Errc::es10_disallowed_by_policy: return "es10.disallowed-by-policy";
    case Errc::es10_cat_busy: return "es10.cat-busy";
    case Errc::es10_nothing_to_delete: return "es10.nothing-to-delete";
    case Errc::es10_notification_not_found: return "es10.notification-not-found";
    case Errc::es10_card_refused: return "es10.card-refused";
    case Errc::io_error: return "io-error";
    case Errc::invalid_argument: return "invalid-argument";
    case Errc::veuicc_state_corrupt: return "veuicc.state-corrupt";
    case Errc::veuicc_transport_closed: return "veuicc.transport-closed";
    case Errc::veuicc_vpcd_unreachable: return "veuicc.vpcd-unreachable";
    case Errc::veuicc_pty_failed: return "veuicc.pty-failed";
    case Errc::veuicc_bad_endpoint: return "veuicc.bad-endpoint";
    case Errc::crypto_openssl_failure: return "crypto.openssl-failure";
    case Errc::crypto_bad_input: return "crypto.bad-input";
    case Errc::crypto_bad_key: return "crypto.bad-key";
    case Errc::crypto_bad_certificate: return "crypto.bad-certificate";
    case Errc::crypto_bad_signature: return "crypto.bad-signature";
    case Errc::crypto_chain_untrusted: return "crypto.chain-untrusted";
    case Errc::crypto_bad_mac: return "crypto.bad-mac";
    case Errc::crypto_bad_padding: return "crypto.bad-padding";
    case Errc::crypto_bad_segment: return "crypto.bad-segment";
    case Errc::crypto_session_failed: return "crypto.session-failed";
    case Errc::https_bad_option: return "https.bad-option";
    case Errc::https_connect_failed: return "https.connect-failed";
    case Errc::https_timeout: return "https.timeout";
    case Errc::https_tls_untrusted: return "https.tls-untrusted";
    case Errc::https_tls_hostname_mismatch: return "https.tls-hostname-mismatch";
    case Errc::https_tls_failure: return "https.tls-failure";
    case Errc::https_http_status: return "https.http-status";
    case Errc::https_transport_failure: return "https.transport-failure";
    case Errc::server_bad_response: return "server.bad-response";
    case Errc::server_function_failed: return "server.function-failed";
    case Errc::server_matching_id_refused: return "server.matching-id-refused";
    case Errc::server_confirmation_code_missing: return "server.confirmation-code-missing";
    case Errc::server_confirmation_code_refused: return "server.confirmation-code-refused";
    case Errc::server_retries_exceeded: return "server.retries-exceeded";
    case Errc::server_order_expired: return "server.order-expired";
    case Errc::server_transaction_unknown: return "server.transaction-unknown";
    case Errc::server_euicc_rejected: return "server.euicc-rejected";
    case Errc::server_unsupported: return "server.unsupported";
    case Errc::engine_rejected_by_user: return "download.rejected-by-user";
    case Errc::engine_confirmation_code_needed: return "download.confirmation-code-needed";
    case Errc::engine_card_refused: return "download.card-refused";
    case Errc::engine_server_inconsistent: return "download.server-inconsistent";
    case Errc::engine_install_failed: return "download.install-failed";
    case Errc::engine_notification_undelivered: return "notification.undelivered";
    case Errc::engine_no_smds: return "discovery.no-smds";
    case Errc::daemon_not_authorized: return "daemon.not-authorized";
    case Errc::daemon_busy: return "daemon.busy";
    case Errc::daemon_no_such_object: return "daemon.no-such-object";
    case Errc::daemon_interactive_authorization_required: return "daemon.interactive-authorization-required";
    case Errc::daemon_unavailable: return "daemon.unavailable";
    case Errc::daemon_modem_inhibit_refused: return "daemon.modem-inhibit-refused";
    case Errc::job_cancelled: return "job.cancelled";
    case Errc::job_owner_left: return "job.owner-left";
    case Errc::job_answer_timeout: return "job.answer-timeout";
    case Errc::job_wrong_state: return "job.wrong-state";
  }
  return "unknown";
}

std::string Error::describe() const {
  std::string where = offset ? fmt::format(" at offset {}", *offset) : "";
  std::string card = status ? fmt::format(" (status {})", status->to_string()) : "";
  std::string server_codes =
      server ? fmt::format(" (subject {}, reason {})", server->subject_code, server->reason_code) : "";
  return fmt::format("{}{}: {}{}{}", errc_name(code), where, message, card, server_codes);
}

}  // namespace lpad
