#include "https/curl_errors.h"

#include <gtest/gtest.h>

namespace lpad::https {
namespace {

constexpr std::string_view kTarget = "smdp.example.com (initiateAuthentication)";

Errc code_of(CURLcode code, long verify = 0, std::string_view detail = "") {
  return curl_failure(code, verify, detail, kTarget).code;
}

TEST(CurlErrors, MapsEachFamily) {
  EXPECT_EQ(code_of(CURLE_PEER_FAILED_VERIFICATION, 20), Errc::https_tls_untrusted);
  EXPECT_EQ(code_of(CURLE_PEER_FAILED_VERIFICATION, 62), Errc::https_tls_hostname_mismatch);
  EXPECT_EQ(code_of(CURLE_PEER_FAILED_VERIFICATION, 0,
                    "SSL: no alternative certificate subject name matches target host name 'x.test'"),
            Errc::https_tls_hostname_mismatch);
  EXPECT_EQ(code_of(CURLE_SSL_CONNECT_ERROR), Errc::https_tls_failure);
  EXPECT_EQ(code_of(CURLE_SSL_CERTPROBLEM), Errc::https_tls_failure);
  EXPECT_EQ(code_of(CURLE_OPERATION_TIMEDOUT), Errc::https_timeout);
  EXPECT_EQ(code_of(CURLE_COULDNT_CONNECT), Errc::https_connect_failed);
  EXPECT_EQ(code_of(CURLE_COULDNT_RESOLVE_HOST), Errc::https_connect_failed);
  EXPECT_EQ(code_of(CURLE_RECV_ERROR), Errc::https_transport_failure);
  EXPECT_EQ(code_of(CURLE_PARTIAL_FILE), Errc::https_transport_failure);
  EXPECT_EQ(code_of(CURLE_GOT_NOTHING), Errc::https_transport_failure);
  EXPECT_EQ(code_of(CURLE_SEND_ERROR), Errc::https_transport_failure);
}

TEST(CurlErrors, MessagesNameHostAndFunction) {
  for (CURLcode code : {CURLE_PEER_FAILED_VERIFICATION, CURLE_OPERATION_TIMEDOUT, CURLE_COULDNT_CONNECT, CURLE_RECV_ERROR,
                        CURLE_SSL_CONNECT_ERROR}) {
    Error e = curl_failure(code, 0, "", kTarget);
    EXPECT_NE(e.message.find(kTarget), std::string::npos) << e.message;
  }
}

TEST(CurlErrors, OnlyFailuresBeforeSendingAreRetried) {
  EXPECT_TRUE(failed_before_sending(CURLE_COULDNT_CONNECT, false));
  EXPECT_TRUE(failed_before_sending(CURLE_COULDNT_RESOLVE_HOST, false));
  EXPECT_TRUE(failed_before_sending(CURLE_OPERATION_TIMEDOUT, false));  // connect or handshake never finished
  EXPECT_FALSE(failed_before_sending(CURLE_OPERATION_TIMEDOUT, true));  // the request may have reached the server
  EXPECT_FALSE(failed_before_sending(CURLE_RECV_ERROR, true));
  EXPECT_FALSE(failed_before_sending(CURLE_SEND_ERROR, true));
  EXPECT_FALSE(failed_before_sending(CURLE_GOT_NOTHING, true));
  EXPECT_FALSE(failed_before_sending(CURLE_PEER_FAILED_VERIFICATION, false));
}

}  // namespace
}  // namespace lpad::https
