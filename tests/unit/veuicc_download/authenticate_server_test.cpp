// ES10b.AuthenticateServer refusals (SGP.22 section 5.7.13): each answers AuthenticateResponseError
// with its code and the session's transactionId, and ends the session.
#include <gtest/gtest.h>

#include "download_fixture.h"

namespace lpad::test {
namespace {

class AuthenticateServerTest : public DownloadTest {
 protected:
  void expect_refused(const rsp::AuthenticateServerRequest& request, rsp::AuthenticateErrorCode code) {
    auto response = authenticate(request);
    ASSERT_TRUE(std::holds_alternative<rsp::AuthenticateResponseError>(response));
    const auto& error = std::get<rsp::AuthenticateResponseError>(response);
    EXPECT_EQ(error.code, code);
    EXPECT_EQ(to_hex(error.transaction_id), secret("transactionId"));
    expect_session_gone();
    expect_nothing_installed();
  }
};

TEST_F(AuthenticateServerTest, AnotherChallengeIsEuiccChallengeMismatch) {
  start();
  ASSERT_TRUE(get_challenge(Bytes(16, 0x42)));
  expect_refused(recorded_authenticate_server(), rsp::AuthenticateErrorCode::euicc_challenge_mismatch);
}

TEST_F(AuthenticateServerTest, UnknownCiPkidIsCiPkUnknown) {
  start();
  ASSERT_TRUE(get_challenge());
  auto request = recorded_authenticate_server();
  request.euicc_ci_pkid[0] ^= 0xFF;
  expect_refused(request, rsp::AuthenticateErrorCode::ci_pk_unknown);
}

TEST_F(AuthenticateServerTest, TamperedServerSignature1IsInvalidSignature) {
  start();
  ASSERT_TRUE(get_challenge());
  auto request = recorded_authenticate_server();
  request.server_signature1[10] ^= 0x01;
  expect_refused(request, rsp::AuthenticateErrorCode::invalid_signature);
}

TEST_F(AuthenticateServerTest, DpAuthNotIssuedByTheNamedCiIsInvalidCertificate) {
  // The card also trusts the GSMA root CI; the server names it but shows the SGP.26 CERT.DPauth.
  auto gsma_ci = crypto::Certificate::load(read_file(shared_dir() / "pki" / "gsma-ci" / "81370f5125d0b1d408d4c3b232e6d25e795bebfb.pem"));
  ASSERT_TRUE(gsma_ci);
  identity_->cis.push_back(*gsma_ci);
  start();
  ASSERT_TRUE(get_challenge());
  auto request = recorded_authenticate_server();
  request.euicc_ci_pkid = *gsma_ci->subject_key_identifier();
  expect_refused(request, rsp::AuthenticateErrorCode::invalid_certificate);
}

TEST_F(AuthenticateServerTest, DpPbCertificateInPlaceOfDpAuthIsInvalidCertificate) {
  start();
  ASSERT_TRUE(get_challenge());
  auto request = recorded_authenticate_server();
  request.server_certificate = read_file(sgp26_dir() / "CERT_S_SM_DPpb_ECDSA_NIST.der");
  expect_refused(request, rsp::AuthenticateErrorCode::invalid_certificate);
}

TEST_F(AuthenticateServerTest, WithoutChallengeIsNoSessionContext) {
  start();
  expect_refused(recorded_authenticate_server(), rsp::AuthenticateErrorCode::no_session_context);
}

TEST_F(AuthenticateServerTest, MalformedRequestIsRefusedWith6A80) {
  start();
  ASSERT_TRUE(get_challenge());
  auto response = send(hex("BF3803800100"));
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error(), veuicc::sw::incorrect_data);
}

}  // namespace
}  // namespace lpad::test
