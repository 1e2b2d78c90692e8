// The acceptance test: the recorded SGP.26 download replayed against the software eUICC
// installs the recorded profile, byte for byte, with every signature verifying.
#include <gtest/gtest.h>

#include "download_fixture.h"

namespace lpad::test {
namespace {

TEST_F(DownloadTest, RecordedDownloadInstallsTheRecordedProfile) {
  start();
  // GetEUICCChallenge
  auto challenge = get_challenge();
  ASSERT_TRUE(challenge) << hex_of(challenge);
  EXPECT_EQ(to_hex(*challenge), to_hex(es10_vector_der("GetEuiccChallengeResponse-recorded")));

  // AuthenticateServer: serverSignature1 verified on the card, euiccSigned1 echoes the session.
  auto authenticated = authenticate(recorded_authenticate_server());
  ASSERT_TRUE(std::holds_alternative<rsp::AuthenticateResponseOk>(authenticated));
  const auto& ok1 = std::get<rsp::AuthenticateResponseOk>(authenticated);
  EXPECT_EQ(ok1.euicc_signature1, recorded_euicc_signature1());
  EXPECT_EQ(ok1.euicc_certificate, read_file(sgp26_dir() / "CERT_EUICC_ECDSA_NIST.der"));
  EXPECT_EQ(ok1.eum_certificate, read_file(sgp26_dir() / "CERT_EUM_ECDSA_NIST.der"));
  auto signed1 = rsp::decode_euicc_signed1(*tlv::decode(ok1.euicc_signed1));
  ASSERT_TRUE(signed1);
  EXPECT_EQ(to_hex(signed1->transaction_id), secret("transactionId"));
  EXPECT_EQ(signed1->server_address, "testsmdpplus1.example.com");
  EXPECT_EQ(to_hex(signed1->server_challenge), "C9F63E72E2AF1344BC752920F93A38F4");
  EXPECT_EQ(signed1->ctx_params1, recorded_ctx_params1());
  EXPECT_EQ(to_hex(ByteView(signed1->euicc_info2).first(2)), "BF22");

  // PrepareDownload: smdpSignature2 verified over the recorded euiccSignature1; the recorded otPK.
  auto prepared = prepare(recorded_prepare_download());
  ASSERT_TRUE(std::holds_alternative<rsp::PrepareDownloadResponseOk>(prepared));
  const auto& ok2 = std::get<rsp::PrepareDownloadResponseOk>(prepared);
  auto signed2 = rsp::decode_euicc_signed2(*tlv::decode(ok2.euicc_signed2));
  ASSERT_TRUE(signed2);
  EXPECT_EQ(to_hex(signed2->euicc_otpk), to_hex(hex(secret("otPK.EUICC.ECKA"))));
  EXPECT_FALSE(signed2->hash_cc);
  auto signed_by_euicc2 = ok2.euicc_signed2;
  auto smdp_signature2 = recorded(2, "response", "smdpSignature2");  // with its 5F3740 header
  signed_by_euicc2.insert(signed_by_euicc2.end(), smdp_signature2.begin(), smdp_signature2.end());
  EXPECT_TRUE(verifies_with_euicc_key(signed_by_euicc2, ok2.euicc_signature2));

  // LoadBoundProfilePackage: smdpSign verified, every segment unwrapped, the profile installed.
  auto pir = load(recorded_bpp_pieces());
  ASSERT_TRUE(pir.data.succeeded());
  EXPECT_TRUE(verifies_with_euicc_key(pir.data_der, pir.euicc_sign_pir));
  EXPECT_EQ(to_hex(pir.data.transaction_id), secret("transactionId"));
  EXPECT_EQ(pir.data.smdp_oid, "2.999.10");
  EXPECT_EQ(pir.data.notification.operation, rsp::NotificationEvent::install);
  EXPECT_EQ(pir.data.notification.address, "testsmdpplus1.example.com");
  EXPECT_EQ(pir.data.notification.iccid->digits(), "8949449999999990049");
  const auto& success = std::get<rsp::InstallSuccess>(pir.data.final_result);
  EXPECT_EQ(to_hex(success.aid), "A0000005591010FFFFFFFF8900001000");
  EXPECT_EQ(to_hex(success.sima_response), "3007A0053003800100");

  // The profile and its notification, in memory and on disk.
  for (const auto& s : {state(), saved_state()}) {
    ASSERT_EQ(s.profiles.size(), 1u);
    const auto& profile = s.profiles[0];
    EXPECT_EQ(profile.metadata.iccid.digits(), "8949449999999990049");
    EXPECT_EQ(profile.metadata.profile_name, "TS48V2-SAIP2-1-BERTLV-UNIQUE");
    EXPECT_EQ(profile.state, rsp::ProfileState::disabled);
    EXPECT_EQ(profile.isdp_aid, success.aid);
    EXPECT_EQ(profile.smdp_oid, "2.999.10");
    EXPECT_EQ(profile.smdp_address, "testsmdpplus1.example.com");
    EXPECT_TRUE(profile.package == read_file(recording_dir() / "upp.der")) << "the package is not upp.der";
    ASSERT_EQ(s.notifications.size(), 1u);
    EXPECT_EQ(s.notifications[0].metadata, pir.data.notification);
    EXPECT_EQ(to_hex(s.notifications[0].pending_notification), to_hex(rsp::encode_profile_installation_result(pir.data_der, pir.euicc_sign_pir).encode()));
  }
  expect_session_gone();
}

TEST_F(DownloadTest, EuiccSignature1OfTheCardVerifiesOverEuiccSigned1) {
  start();
  ASSERT_TRUE(get_challenge());
  auto authenticated = authenticate(recorded_authenticate_server(), /*recorded_signature=*/false);
  ASSERT_TRUE(std::holds_alternative<rsp::AuthenticateResponseOk>(authenticated));
  const auto& ok = std::get<rsp::AuthenticateResponseOk>(authenticated);
  EXPECT_TRUE(verifies_with_euicc_key(ok.euicc_signed1, ok.euicc_signature1));
}

TEST_F(DownloadTest, PowerResetEndsTheSession) {
  start();
  ASSERT_TRUE(get_challenge());
  ASSERT_TRUE(std::holds_alternative<rsp::AuthenticateResponseOk>(authenticate(recorded_authenticate_server())));
  app_->on_card_reset();
  expect_session_gone();
}

}  // namespace
}  // namespace lpad::test
