#include "engine/card_refusals.h"

#include <fmt/format.h>

namespace lpad::engine {

std::string describe(rsp::AuthenticateErrorCode code) {
  using C = rsp::AuthenticateErrorCode;
  switch (code) {
    case C::invalid_certificate: return "the eUICC does not accept the server's certificate";
    case C::invalid_signature: return "the server's signature does not verify on the eUICC";
    case C::unsupported_curve: return "the server uses an elliptic curve the eUICC does not support";
    case C::no_session_context: return "the eUICC has no session for this server";
    case C::invalid_oid: return "the server's certificate names another SM-DP+ than the activation code";
    case C::euicc_challenge_mismatch: return "the server answered another challenge than the eUICC's";
    case C::ci_pk_unknown: return "the server's certificate is issued by a CI the eUICC does not trust";
    case C::undefined_error: break;
  }
  return fmt::format("the eUICC refused the server (error {})", static_cast<int>(code));
}

std::string describe(rsp::DownloadErrorCode code) {
  using C = rsp::DownloadErrorCode;
  switch (code) {
    case C::invalid_certificate: return "the eUICC does not accept the SM-DP+'s profile binding certificate";
    case C::invalid_signature: return "the SM-DP+'s signature on the download does not verify on the eUICC";
    case C::unsupported_curve: return "the SM-DP+ uses an elliptic curve the eUICC does not support";
    case C::no_session_context: return "the eUICC has no download session";
    case C::invalid_transaction_id: return "the SM-DP+ answered for another download session";
    case C::undefined_error: break;
  }
  return fmt::format("the eUICC refused to prepare the download (error {})", static_cast<int>(code));
}

std::string describe(const rsp::InstallError& error) {
  using R = rsp::InstallErrorReason;
  std::string why;
  switch (error.reason) {
    case R::iccid_already_exists: why = "a profile with this ICCID is already on the eUICC"; break;
    case R::insufficient_memory: why = "the eUICC has not enough memory for this profile"; break;
    case R::interruption: why = "the installation was interrupted"; break;
    case R::pe_processing_error: why = "the eUICC could not process the profile's content"; break;
    case R::data_mismatch: why = "the profile's content does not match its metadata"; break;
    case R::scp03t_security_error: why = "the package failed the eUICC's integrity check (SCP03t)"; break;
    case R::scp03t_structure_error: why = "the package is not structured as SCP03t requires"; break;
    case R::invalid_signature: why = "the SM-DP+'s signature on the package does not verify"; break;
    case R::invalid_transaction_id: why = "the package belongs to another download session"; break;
    case R::unsupported_profile_class: why = "the eUICC does not accept profiles of this class"; break;
    case R::ppr_not_allowed: why = "the profile's policy rules are not allowed on this eUICC"; break;
    case R::test_profile_invalid_naa_key: why = "the test profile has an invalid network access key"; break;
    default: why = fmt::format("reason {}", static_cast<int>(error.reason)); break;
  }
  return fmt::format("the eUICC did not install the profile: {} (step {})", why, static_cast<int>(error.command));
}

}  // namespace lpad::engine
