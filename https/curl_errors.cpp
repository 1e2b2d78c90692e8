#include "https/curl_errors.h"

#include <fmt/format.h>

namespace lpad::https {
namespace {

constexpr long kX509HostnameMismatch = 62;  // X509_V_ERR_HOSTNAME_MISMATCH

// libcurl checks the name itself after the handshake (OpenSSL then reports success), so its own
// wording is the only sign of a name mismatch in that case.
bool mentions_host_name_mismatch(std::string_view detail) {
  return detail.find("does not match target host name") != std::string_view::npos ||
         detail.find("subject name matches target host name") != std::string_view::npos ||
         detail.find("hostname mismatch") != std::string_view::npos;
}

std::string with_detail(std::string sentence, std::string_view detail) {
  if (detail.empty()) return sentence;
  return fmt::format("{} ({})", sentence, detail);
}

}  // namespace

bool failed_before_sending(CURLcode code, bool tls_established) {
  if (code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_HOST) return true;
  return code == CURLE_OPERATION_TIMEDOUT && !tls_established;
}

Error curl_failure(CURLcode code, long ssl_verify_result, std::string_view detail, std::string_view target) {
  if (detail.empty()) detail = curl_easy_strerror(code);
  switch (code) {
    case CURLE_PEER_FAILED_VERIFICATION:
      if (ssl_verify_result == kX509HostnameMismatch || mentions_host_name_mismatch(detail))
        return {Errc::https_tls_hostname_mismatch,
                with_detail(fmt::format("the TLS certificate of {} is not for that host name", target), detail)};
      return {Errc::https_tls_untrusted,
              with_detail(fmt::format("the TLS certificate of {} does not chain to a trusted GSMA CI", target), detail)};
    case CURLE_OPERATION_TIMEDOUT:
      return {Errc::https_timeout, fmt::format("{} did not answer in time", target)};
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return {Errc::https_connect_failed, with_detail(fmt::format("cannot connect to {}", target), detail)};
    default:
      break;
  }
  if (code == CURLE_SSL_CONNECT_ERROR || code == CURLE_SSL_CERTPROBLEM || code == CURLE_SSL_CIPHER ||
      code == CURLE_SSL_ENGINE_NOTFOUND || code == CURLE_SSL_ENGINE_SETFAILED || code == CURLE_SSL_ENGINE_INITFAILED ||
      code == CURLE_SSL_CACERT_BADFILE || code == CURLE_SSL_SHUTDOWN_FAILED || code == CURLE_SSL_CRL_BADFILE ||
      code == CURLE_SSL_ISSUER_ERROR || code == CURLE_SSL_PINNEDPUBKEYNOTMATCH || code == CURLE_SSL_INVALIDCERTSTATUS ||
      code == CURLE_SSL_CLIENTCERT || code == CURLE_USE_SSL_FAILED)
    return {Errc::https_tls_failure, with_detail(fmt::format("the TLS handshake with {} failed", target), detail)};
  return {Errc::https_transport_failure, with_detail(fmt::format("the exchange with {} failed", target), detail)};
}

}  // namespace lpad::https
