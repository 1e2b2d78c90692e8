// ES10b.CancelSession (SGP.22 section 5.7.16): a signed cancellation for the session's
// transaction ends it; one for another transaction is refused and changes nothing.
#include <gtest/gtest.h>

#include "rsp/cancel_session.h"
#include "download_fixture.h"

namespace lpad::test {
namespace {

class CancelSessionTest : public DownloadTest {
 protected:
  void SetUp() override {
    DownloadTest::SetUp();
    start();
    ASSERT_TRUE(get_challenge());
    ASSERT_TRUE(std::holds_alternative<rsp::AuthenticateResponseOk>(authenticate(recorded_authenticate_server())));
  }
  rsp::CancelSessionResponse cancel(Bytes transaction_id, rsp::CancelSessionReason reason) {
    auto response = send(rsp::encode_cancel_session_request({std::move(transaction_id), reason}));
    EXPECT_TRUE(response) << hex_of(response);
    auto decoded = rsp::decode_cancel_session_response(*tlv::decode(*response));
    EXPECT_TRUE(decoded);
    return *decoded;
  }
};

TEST_F(CancelSessionTest, SignedCancellationEndsTheSession) {
  auto response = cancel(hex(secret("transactionId")), rsp::CancelSessionReason::end_user_rejection);
  ASSERT_TRUE(std::holds_alternative<rsp::CancelSessionResponseOk>(response));
  const auto& ok = std::get<rsp::CancelSessionResponseOk>(response);
  EXPECT_TRUE(verifies_with_euicc_key(ok.euicc_cancel_session_signed, ok.signature));
  auto signed_part = rsp::decode_euicc_cancel_session_signed(*tlv::decode(ok.euicc_cancel_session_signed));
  ASSERT_TRUE(signed_part);
  EXPECT_EQ(to_hex(signed_part->transaction_id), secret("transactionId"));
  EXPECT_EQ(signed_part->smdp_oid, "2.999.10");
  EXPECT_EQ(signed_part->reason, rsp::CancelSessionReason::end_user_rejection);
  expect_session_gone();
  expect_nothing_installed();
}

TEST_F(CancelSessionTest, AnotherTransactionIdIsInvalidTransactionIdAndKeepsTheSession) {
  auto response = cancel(Bytes(16, 0x77), rsp::CancelSessionReason::timeout);
  ASSERT_TRUE(std::holds_alternative<rsp::CancelSessionError>(response));
  EXPECT_EQ(std::get<rsp::CancelSessionError>(response), rsp::CancelSessionError::invalid_transaction_id);
  EXPECT_TRUE(std::holds_alternative<rsp::PrepareDownloadResponseOk>(prepare(recorded_prepare_download())));
}

TEST_F(CancelSessionTest, CancellationAfterPrepareDownloadEndsTheSession) {
  ASSERT_TRUE(std::holds_alternative<rsp::PrepareDownloadResponseOk>(prepare(recorded_prepare_download())));
  auto response = cancel(hex(secret("transactionId")), rsp::CancelSessionReason::postponed);
  ASSERT_TRUE(std::holds_alternative<rsp::CancelSessionResponseOk>(response));
  auto bpp = send(recorded_bpp_pieces()[0]);
  ASSERT_FALSE(bpp);
  EXPECT_EQ(bpp.error(), veuicc::sw::conditions_not_satisfied);
  expect_nothing_installed();
}

}  // namespace
}  // namespace lpad::test
