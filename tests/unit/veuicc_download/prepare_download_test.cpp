// ES10b.PrepareDownload refusals (SGP.22 section 5.7.14): each answers PrepareDownloadResponseError
// with its code, and ends the session.
#include <gtest/gtest.h>

#include "download_fixture.h"

namespace lpad::test {
namespace {

class PrepareDownloadTest : public DownloadTest {
 protected:
  void SetUp() override {
    DownloadTest::SetUp();
    start();
    ASSERT_TRUE(get_challenge());
    ASSERT_TRUE(std::holds_alternative<rsp::AuthenticateResponseOk>(authenticate(recorded_authenticate_server())));
  }

  void expect_refused(const rsp::PrepareDownloadRequest& request, rsp::DownloadErrorCode code) {
    auto response = prepare(request);
    ASSERT_TRUE(std::holds_alternative<rsp::PrepareDownloadResponseError>(response));
    EXPECT_EQ(std::get<rsp::PrepareDownloadResponseError>(response).code, code);
    expect_session_gone();
    expect_nothing_installed();
  }

  // smdpSigned2 signed anew with the SGP.26 DPpb key, as an SM-DP+ that asks for other things would.
  static rsp::PrepareDownloadRequest signed_by_dppb(const rsp::SmdpSigned2& signed2, std::optional<Bytes> hash_cc) {
    auto key = crypto::load_private_key_pem(read_file(sgp26_dir() / "SK_S_SM_DPpb_ECDSA_NIST.pem"));
    auto der = rsp::encode_smdp_signed2(signed2).encode();
    auto covered = der;
    auto signature1 = tlv::octets(rsp::tags::kSignature, recorded_euicc_signature1()).encode();
    covered.insert(covered.end(), signature1.begin(), signature1.end());
    auto request = recorded_prepare_download();
    request.smdp_signed2 = der;
    request.smdp_signature2 = *crypto::ecdsa_sign(*key, covered);
    request.hash_cc = std::move(hash_cc);
    return request;
  }
};

TEST_F(PrepareDownloadTest, AnotherTransactionIdIsInvalidTransactionId) {
  expect_refused(signed_by_dppb({Bytes(16, 0x77), false, std::nullopt}, std::nullopt), rsp::DownloadErrorCode::invalid_transaction_id);
}

TEST_F(PrepareDownloadTest, TamperedSmdpSignature2IsInvalidSignature) {
  auto request = recorded_prepare_download();
  request.smdp_signature2[20] ^= 0x01;
  expect_refused(request, rsp::DownloadErrorCode::invalid_signature);
}

TEST_F(PrepareDownloadTest, DpAuthCertificateInPlaceOfDpPbIsInvalidCertificate) {
  auto request = recorded_prepare_download();
  request.smdp_certificate = read_file(sgp26_dir() / "CERT_S_SM_DPauth_ECDSA_NIST.der");
  expect_refused(request, rsp::DownloadErrorCode::invalid_certificate);
}

TEST_F(PrepareDownloadTest, ConfirmationCodeRequiredWithoutHashCcIsRefused) {
  auto transaction_id = hex(secret("transactionId"));
  expect_refused(signed_by_dppb({transaction_id, true, std::nullopt}, std::nullopt), rsp::DownloadErrorCode::undefined_error);
}

TEST_F(PrepareDownloadTest, ConfirmationCodeHashGoesIntoEuiccSigned2) {
  auto transaction_id = hex(secret("transactionId"));
  auto response = prepare(signed_by_dppb({transaction_id, true, std::nullopt}, Bytes(32, 0xCC)));
  ASSERT_TRUE(std::holds_alternative<rsp::PrepareDownloadResponseOk>(response));
  auto signed2 = rsp::decode_euicc_signed2(*tlv::decode(std::get<rsp::PrepareDownloadResponseOk>(response).euicc_signed2));
  ASSERT_TRUE(signed2);
  EXPECT_EQ(signed2->hash_cc, Bytes(32, 0xCC));
}

}  // namespace
}  // namespace lpad::test
