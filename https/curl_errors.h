// libcurl failures as lpad errors: which https.* code a CURLcode is, with a message naming the
// server and the function (never a request or response body).
#pragma once

#include <curl/curl.h>

#include <string_view>

#include "core/error.h"

namespace lpad::https {

// `ssl_verify_result` is CURLINFO_SSL_VERIFYRESULT (an X509_V_ERR_* value, 0 when unknown),
// `detail` libcurl's CURLOPT_ERRORBUFFER text, `target` e.g. "smdp.example.com (initiateAuthentication)".
Error curl_failure(CURLcode code, long ssl_verify_result, std::string_view detail, std::string_view target);

// The failures where the request never reached the server, so sending it again is safe:
// resolution and connection failures, and a time-out before the TLS session was up (libcurl sends
// the request only after the handshake). `tls_established` is CURLINFO_APPCONNECT_TIME_T > 0.
bool failed_before_sending(CURLcode code, bool tls_established);

}  // namespace lpad::https
