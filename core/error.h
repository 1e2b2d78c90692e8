// The one error type of the project. Every layer returns lpad::Result<T>; the code names what went
// wrong (stable, for scripts and D-Bus error names), the message says it to a person, and the
// optional fields carry where (byte offset) and the protocol's own code (status word, SGP.22 codes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/expected.h"
#include "core/status_word.h"

namespace lpad {

enum class Errc : std::uint16_t {
  // BER-TLV decoding and ASN.1 value reading (tlv/)
  tlv_truncated = 100,       // header or value runs past the end of the buffer
  tlv_length_too_long,       // length field of more than four bytes
  tlv_indefinite_length,     // 0x80: BER indefinite form, never valid in SGP.22
  tlv_non_minimal_length,    // length not in its shortest form where DER is required
  tlv_tag_too_long,          // tag of more than three bytes
  tlv_non_minimal_tag,       // multi-byte tag form used for a number that fits in fewer bytes
  tlv_too_deep,              // nesting beyond the decoder's limit
  tlv_trailing_bytes,        // bytes after the single TLV that was expected
  tlv_missing_element,       // a mandatory child is absent
  tlv_unexpected_tag,        // a TLV has another tag than the ASN.1 allows here
  tlv_bad_value,             // a value does not decode as its ASN.1 type (INTEGER, BOOLEAN, ...)

  // Activation codes, SGP.22 section 4.1 (qr/)
  ac_empty = 200,
  ac_unsupported_format,     // AC_Format other than "1"
  ac_missing_address,
  ac_invalid_address,        // not a host name with optional port (a URL, a path, bad characters)
  ac_invalid_matching_id,
  ac_invalid_oid,
  ac_invalid_confirmation_flag,
  ac_control_character,
  ac_field_too_long,
  ac_too_many_fields,

  // QR images (qr/)
  qr_image_unreadable = 300, // not a PNG, JPEG or PGM we can load
  qr_no_code_found,
  qr_not_activation_code,

  // Local input and files
  io_error = 400,
  invalid_argument,

  // Cryptography (crypto/): 500-599
  crypto_openssl_failure = 500,  // OpenSSL failed where it should not (allocation, provider)
  crypto_bad_input,              // wrong key, IV, block or curve size given to a primitive
  crypto_bad_key,                // a key or EC point that does not parse or is not on the curve
  crypto_bad_certificate,        // a certificate that does not parse or lacks a needed field
  crypto_bad_signature,          // a signature that is malformed or does not verify
  crypto_chain_untrusted,        // a certificate chain that does not verify to a given CI
  crypto_bad_mac,                // BSP: a segment's C-MAC does not match
  crypto_bad_padding,            // BSP: decrypted data without valid 80 00.. padding
  crypto_bad_segment,            // BSP: a segment with the wrong tag or an impossible length
  crypto_session_failed,         // BSP: the session already failed; SGP.22 stops the loading
  // APDU transports (apdu_backends/): 700-749
  apdu_protocol_error = 700,     // the card or modem broke the ISO 7816 / AT / QMI rules
  apdu_timeout,                  // no answer within the time limit
  apdu_card_removed,             // the card or reader went away mid-operation
  apdu_transport_failure,        // the reader, modem or service failed (names which in the message)
  apdu_no_channel,               // no logical channel free, or the application would not select

  // ES10 (es10/): 750-799, the card's answers to ES10 functions
  es10_unexpected_status = 750,  // a status word other than 9000 where the function needs success
  es10_bad_response,             // the card's response does not decode as the ASN.1 says
  es10_profile_not_found,        // iccidOrAidNotFound / iccidNotFound
  es10_profile_wrong_state,      // profileNotInDisabledState / profileNotInEnabledState
  es10_disallowed_by_policy,     // a profile policy rule (PPR1/PPR2) forbids it
  es10_cat_busy,                 // the card's toolkit is busy; try again
  es10_nothing_to_delete,
  es10_notification_not_found,
  es10_card_refused,             // any other error code the card returned (named in the message)

  // Software eUICC (veuicc/): 600-699
  veuicc_transport_closed = 600,  // the peer (vpcd, the AT host) closed the connection
  veuicc_vpcd_unreachable,        // no vpcd listening at the given host and port
  veuicc_pty_failed,              // a pseudo-terminal could not be opened or configured
  veuicc_bad_endpoint,            // a HOST:PORT that does not parse
  veuicc_state_corrupt = 650,     // the state file does not parse or has an unknown format

  // HTTPS to SM-DP+ and SM-DS (https/): 800-829
  https_bad_option = 800,        // a --resolve, --tls-ca or proxy setting that does not parse or load
  https_connect_failed,          // name resolution or TCP connection failed
  https_timeout,                 // connect or request time limit reached
  https_tls_untrusted,           // the server's certificate does not chain to a trusted CI root
  https_tls_hostname_mismatch,   // the certificate does not name the host we asked for
  https_tls_failure,             // any other TLS handshake failure
  https_http_status,             // an HTTP status the function does not allow (500, 404, ...)
  https_transport_failure,       // connection dropped mid-transfer, or another libcurl failure

  // ES9+/ES11 JSON binding (rsp_binding/, es9p/, es11/): 830-869, what the server said
  server_bad_response = 830,           // not JSON, a missing field, bad base64 or hex
  server_function_failed,              // functionExecutionStatus Failed, no more specific code
  server_matching_id_refused,          // 8.2.6: the activation code is unknown or already used
  server_confirmation_code_missing,    // 8.2.7 / 2.2
  server_confirmation_code_refused,    // 8.2.7 / 3.8: wrong confirmation code
  server_retries_exceeded,             // 6.4: too many attempts (confirmation code, download)
  server_order_expired,                // 8.8.5 / 4.10: the download order timed out
  server_transaction_unknown,          // 8.10.1 / 3.9: the server has no such session
  server_euicc_rejected,               // 8.1.x: the eUICC's certificate or signature was refused
  server_unsupported,                  // 8.8.2 / 8.8.3: no common CI or specification version

  // The download, discovery and notification procedures (engine/): 870-899
  engine_rejected_by_user = 870,       // consent refused (the session was cancelled)
  engine_confirmation_code_needed,     // the SM-DP+ needs a confirmation code and none was given
  engine_card_refused,                 // the eUICC refused AuthenticateServer or PrepareDownload
  engine_server_inconsistent,          // the server's answer does not match the session (transaction id, metadata)
  engine_install_failed,               // the ProfileInstallationResult reports an error
  engine_notification_undelivered,     // a notification could not be sent; it stays on the card
  engine_no_smds,                      // no SM-DS address known

  // The daemon (lpad/) and its jobs: 900-949
  daemon_not_authorized = 900,         // polkit refused, or the caller does not own the job
  daemon_busy,                         // the eUICC is held by a running job
  daemon_no_such_object,               // the eUICC or profile went away
  daemon_interactive_authorization_required,  // polkit wants a password and the call did not allow asking
  daemon_unavailable,                  // no lpad on the system bus (or no bus): a client's error
  daemon_modem_inhibit_refused,        // ModemManager would not hand over the modem (another client holds it, unknown device)
  job_cancelled = 920,                 // Job.Cancel
  job_owner_left,                      // the job's client left the bus while an answer was needed
  job_answer_timeout,                  // nobody answered the consent or confirmation-code question in time
  job_wrong_state,                     // the job is not in a state where the method applies
};

// A stable dotted name for the code, e.g. "tlv.truncated"; used in logs, --json output and D-Bus.
std::string_view errc_name(Errc code);

// SGP.22 section 6.5.1.2 statusCodeData: what a server says when a function fails.
struct ServerStatus {
  std::string subject_code;  // e.g. "8.2.6" (the matching ID)
  std::string reason_code;   // e.g. "3.8" (refused)
  std::string subject_identifier;
  std::string message;       // the server's own words, if any
  bool operator==(const ServerStatus&) const = default;
};

struct Error {
  Errc code;
  std::string message;                  // for a person; must never contain secrets
  std::optional<std::size_t> offset{};  // byte offset in the input, where it applies
  std::optional<StatusWord> status{};   // the card's status word, for errors a card reported
  std::optional<ServerStatus> server{}; // statusCodeData, for errors an SM-DP+ or SM-DS reported

  // "tlv.truncated at offset 12: value of tag 5A needs 10 bytes, 3 remain"
  std::string describe() const;
};

template <class T>
using Result = expected<T, Error>;

// Shorthand for `return lpad::fail(Errc::x, "...");` in functions returning Result<T>.
inline unexpected<Error> fail(Errc code, std::string message) {
  return unexpected<Error>(Error{code, std::move(message), std::nullopt});
}
inline unexpected<Error> fail_at(Errc code, std::size_t offset, std::string message) {
  return unexpected<Error>(Error{code, std::move(message), offset});
}

}  // namespace lpad
