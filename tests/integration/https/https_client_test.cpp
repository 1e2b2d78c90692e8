#include <netinet/in.h>
#include <sys/socket.h>

#include <gtest/gtest.h>

#include <chrono>

#include "es11/es11.h"
#include "es9p/es9p.h"
#include "rsp_binding/function_call.h"
#include "integration/https/rsp_test_server.h"

namespace lpad::https {
namespace {

using namespace std::chrono_literals;

class HttpsClientTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new test::RspTestServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static std::string address(std::string_view host = "smdp.test.lpad") {
    return std::string(host) + ":" + std::to_string(server_->port());
  }
  // Trusts the test PKI's CI, and sends smdp.test.lpad (or `host`) to the server on loopback.
  static HttpsOptions trusting(std::string_view host = "smdp.test.lpad") {
    HttpsOptions options;
    options.extra_trust_anchors = {server_->ci_pem()};
    options.resolve = {address(host) + ":127.0.0.1"};
    options.request_timeout = 10s;
    return options;
  }
  static HttpsClient client(HttpsOptions options) {
    auto made = HttpsClient::create(std::move(options));
    if (!made) throw std::runtime_error(made.error().describe());
    return std::move(*made);
  }
  static Result<nlohmann::json> call(HttpsClient& c, std::string_view function, std::string_view host = "smdp.test.lpad",
                                     bool expect_body = true) {
    return rsp_binding::call_function(c, address(host), "es9plus", function, nlohmann::json{{"a", "b"}}, expect_body);
  }

  static test::RspTestServer* server_;
};
test::RspTestServer* HttpsClientTest::server_ = nullptr;

TEST_F(HttpsClientTest, TrustedServerAnswersThroughResolve) {
  auto https = client(trusting());
  auto smdp = es9p::make_https_es9p(https, address());
  auto ok = smdp->initiate_authentication(Bytes(16, 0x11), Bytes{0xBF, 0x20, 0x00});
  ASSERT_TRUE(ok) << ok.error().describe();
  EXPECT_EQ(ok->transaction_id, "B2D48628B6F8495CB5718144C095148C");
  EXPECT_EQ(ok->server_signature1.size(), 67u);
}

TEST_F(HttpsClientTest, SendsTheRspHeadersToTheFunctionsPath) {
  auto https = client(trusting());
  auto answer = call(https, "echo");
  ASSERT_TRUE(answer) << answer.error().describe();
  EXPECT_EQ((*answer)["path"], "/gsma/rsp2/es9plus/echo");
  const auto& headers = (*answer)["headers"];
  EXPECT_EQ(headers["content-type"], "application/json");
  EXPECT_EQ(headers["x-admin-protocol"], "gsma/rsp/v2.2.0");
  EXPECT_EQ(headers["user-agent"], "lpad/" LPAD_VERSION);
  EXPECT_EQ(nlohmann::json::parse((*answer)["body"].get<std::string>()), (nlohmann::json{{"a", "b"}}));
}

TEST_F(HttpsClientTest, Es11UsesItsOwnPath) {
  auto https = client(trusting());
  auto smds = es11::make_https_es11(https, address());
  auto ok = smds->initiate_authentication(Bytes(16, 0x11), Bytes{0xBF, 0x20, 0x00});
  ASSERT_TRUE(ok) << ok.error().describe();
  EXPECT_EQ(ok->transaction_id, "B2D48628B6F8495CB5718144C095148C");
}

TEST_F(HttpsClientTest, DefaultTrustStoreRefusesTheTestPki) {
  HttpsOptions options = trusting();
  options.extra_trust_anchors.clear();
  options.test_mode = true;  // even the GSMA test CIs do not cover a private lab CI
  auto https = client(options);
  auto r = call(https, "echo");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::https_tls_untrusted) << r.error().describe();
  EXPECT_NE(r.error().message.find("smdp.test.lpad"), std::string::npos);
}

TEST_F(HttpsClientTest, WrongHostNameIsRefused) {
  auto https = client(trusting("other.test.lpad"));
  auto r = call(https, "echo", "other.test.lpad");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::https_tls_hostname_mismatch) << r.error().describe();
}

TEST_F(HttpsClientTest, InsecureModeSkipsVerification) {
  HttpsOptions options = trusting("other.test.lpad");
  options.extra_trust_anchors.clear();
  options.insecure_skip_tls_verification = true;
  auto https = client(options);
  auto r = call(https, "echo", "other.test.lpad");
  EXPECT_TRUE(r) << r.error().describe();
}

TEST_F(HttpsClientTest, Http500IsAnHttpStatusError) {
  auto https = client(trusting());
  auto r = call(https, "status500");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::https_http_status);
  EXPECT_NE(r.error().message.find("500"), std::string::npos);
  EXPECT_NE(r.error().message.find("status500"), std::string::npos);
}

TEST_F(HttpsClientTest, ConnectionDroppedMidBodyIsATransportFailure) {
  auto https = client(trusting());
  auto r = call(https, "drop");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::https_transport_failure) << r.error().describe();
}

TEST_F(HttpsClientTest, SilentServerTimesOut) {
  HttpsOptions options = trusting();
  options.request_timeout = 700ms;
  auto https = client(options);
  const auto start = std::chrono::steady_clock::now();
  auto r = call(https, "hang");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::https_timeout) << r.error().describe();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);  // a timeout is never retried
}

TEST_F(HttpsClientTest, ClosedPortFailsToConnectAfterRetries) {
  int port = 0;
  {  // a port that was free a moment ago: nothing listens there
    UniqueFd s(::socket(AF_INET, SOCK_STREAM, 0));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    ASSERT_EQ(::bind(s.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    ASSERT_EQ(::getsockname(s.get(), reinterpret_cast<sockaddr*>(&addr), &len), 0);
    port = ntohs(addr.sin_port);
  }
  HttpsOptions options;
  options.resolve = {"smdp.test.lpad:" + std::to_string(port) + ":127.0.0.1"};
  options.max_retries = 2;
  options.retry_backoff = 100ms;
  auto https = client(options);
  const auto start = std::chrono::steady_clock::now();
  auto r = https.post("https://smdp.test.lpad:" + std::to_string(port) + "/gsma/rsp2/es9plus/initiateAuthentication", "{}", {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::https_connect_failed) << r.error().describe();
  EXPECT_GE(std::chrono::steady_clock::now() - start, 300ms);  // backoff 100 ms, then 200 ms
  EXPECT_NE(r.error().message.find("initiateAuthentication"), std::string::npos);
}

TEST_F(HttpsClientTest, NotificationsAndCancelSessionNeedNoBody) {
  auto https = client(trusting());
  auto smdp = es9p::make_https_es9p(https, address());
  auto notified = smdp->handle_notification(Bytes{0xBF, 0x37, 0x00});
  EXPECT_TRUE(notified) << notified.error().describe();
  auto cancelled = smdp->cancel_session("0A0B", Bytes{0xBF, 0x41, 0x00});
  EXPECT_TRUE(cancelled) << cancelled.error().describe();
  // A body is required elsewhere: 204 from getBoundProfilePackage would be an error (see unit tests).
}

TEST_F(HttpsClientTest, AnswerForAnotherSessionIsRefused) {
  auto https = client(trusting());
  auto smdp = es9p::make_https_es9p(https, address());
  auto bpp = smdp->get_bound_profile_package("b2d48628b6f8495cb5718144c095148c", Bytes{0xBF, 0x21, 0x00});
  ASSERT_TRUE(bpp) << bpp.error().describe();
  EXPECT_EQ((*bpp)[0], 0xBF);
  auto other = smdp->get_bound_profile_package("0A0B", Bytes{0xBF, 0x21, 0x00});
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, Errc::server_bad_response);
  EXPECT_NE(other.error().message.find("transactionId"), std::string::npos) << other.error().message;
}

TEST_F(HttpsClientTest, FailedStatusBecomesItsTypedError) {
  auto https = client(trusting());
  auto smdp = es9p::make_https_es9p(https, address());
  auto r = smdp->authenticate_client("B2D48628B6F8495CB5718144C095148C", Bytes{0xBF, 0x38, 0x00});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::server_matching_id_refused);
  ASSERT_TRUE(r.error().server);
  EXPECT_EQ(r.error().server->subject_code, "8.2.6");
  EXPECT_EQ(r.error().server->reason_code, "3.8");
}

}  // namespace
}  // namespace lpad::https
