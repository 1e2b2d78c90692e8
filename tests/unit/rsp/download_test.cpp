// The download codecs (rsp/authentication.h, prepare_download.h, bound_profile_package.h,
// profile_installation_result.h, cancel_session.h) against what pySim/osmo-smdpp recorded.
#include <gtest/gtest.h>

#include "rsp/authentication.h"
#include "rsp/bound_profile_package.h"
#include "rsp/cancel_session.h"
#include "rsp/prepare_download.h"
#include "rsp/profile_installation_result.h"
#include "rsp/tags.h"
#include "support/shared_data.h"

namespace lpad::rsp {
namespace {

using test::es10_vector_der;
using test::hex;

const auto kTransactionId = hex("B2D48628B6F8495CB5718144C095148C");

// A field of the recorded download, as messages-decoded.json gives it in hex.
Bytes recorded(int seq, const std::string& side, const std::string& field) {
  static const auto doc = test::read_json(test::shared_dir() / "vectors" / "download-sgp26" / "messages-decoded.json");
  for (const auto& m : doc["messages"])
    if (m["seq"] == seq) return hex(m[side][field]["der_hex"].get<std::string>());
  throw std::invalid_argument("no such recorded field");
}

TEST(EuiccChallengeResponse, EncodesAsRecorded) {
  auto der = es10_vector_der("GetEuiccChallengeResponse-recorded");
  EXPECT_EQ(to_hex(encode_euicc_challenge_response(hex("8161b5325a49bd1156eb92b1390e5ef9")).encode()), to_hex(der));
  EXPECT_EQ(to_hex(*decode_euicc_challenge_response(*tlv::decode(der))), "8161B5325A49BD1156EB92B1390E5EF9");
}

TEST(ServerSigned1, DecodesAndEncodesTheRecording) {
  auto der = es10_vector_der("ServerSigned1-recorded");
  auto value = decode_server_signed1(*tlv::decode(der));
  ASSERT_TRUE(value) << value.error().describe();
  EXPECT_EQ(value->transaction_id, kTransactionId);
  EXPECT_EQ(value->server_address, "testsmdpplus1.example.com");
  EXPECT_EQ(to_hex(value->server_challenge), "C9F63E72E2AF1344BC752920F93A38F4");
  EXPECT_EQ(to_hex(encode_server_signed1(*value).encode()), to_hex(der));
}

TEST(AuthenticateServerResponse, ErrorEncodesAsTheVector) {
  AuthenticateServerResponse error = AuthenticateResponseError{kTransactionId, AuthenticateErrorCode::invalid_certificate};
  EXPECT_EQ(to_hex(encode_authenticate_server_response(error).encode()), to_hex(es10_vector_der("AuthenticateServerResponse-error")));
  auto decoded = decode_authenticate_server_response(*tlv::decode(es10_vector_der("AuthenticateServerResponse-error")));
  ASSERT_TRUE(decoded);
  EXPECT_EQ(*decoded, error);
}

TEST(AuthenticateServerResponse, RecordedOkDecodesIntoEuiccSigned1AndCtxParams1) {
  auto der = recorded(2, "request", "authenticateServerResponse");
  auto response = decode_authenticate_server_response(*tlv::decode(der));
  ASSERT_TRUE(response) << response.error().describe();
  const auto& ok = std::get<AuthenticateResponseOk>(*response);
  EXPECT_EQ(ok.euicc_signature1.size(), 64u);
  EXPECT_EQ(to_hex(encode_authenticate_server_response(*response).encode()), to_hex(der));

  auto signed1 = decode_euicc_signed1(*tlv::decode(ok.euicc_signed1));
  ASSERT_TRUE(signed1) << signed1.error().describe();
  EXPECT_EQ(signed1->transaction_id, kTransactionId);
  EXPECT_EQ(signed1->server_address, "testsmdpplus1.example.com");
  EXPECT_EQ(to_hex(signed1->euicc_info2), to_hex(es10_vector_der("EUICCInfo2-es9p_client")));
  EXPECT_EQ(to_hex(encode_euicc_signed1(*signed1).encode()), to_hex(ok.euicc_signed1));

  auto ctx = decode_ctx_params1(*tlv::decode(signed1->ctx_params1));
  ASSERT_TRUE(ctx) << ctx.error().describe();
  EXPECT_EQ(ctx->matching_id, "TS48V2-SAIP2-1-BERTLV-UNIQUE");
  EXPECT_EQ(to_hex(ctx->device_info.tac), "35230145");
  EXPECT_TRUE(ctx->device_info.capabilities.empty());
  EXPECT_FALSE(ctx->device_info.imei);
  EXPECT_EQ(to_hex(encode_ctx_params1(*ctx).encode()), to_hex(signed1->ctx_params1));
}

TEST(CtxParams1, DeviceCapabilitiesAndImeiRoundTrip) {
  CtxParams1 params{std::nullopt, DeviceInfo{hex("01020304"), {{0, hex("080000")}, {5, hex("0F0000")}}, hex("1122334455667788")}};
  auto der = encode_ctx_params1(params).encode();
  auto decoded = decode_ctx_params1(*tlv::decode(der));
  ASSERT_TRUE(decoded) << decoded.error().describe();
  EXPECT_EQ(*decoded, params);
}

TEST(AuthenticateServerRequest, RoundTripsTheRecordedServerMessage) {
  // What an LPA builds from initiateAuthentication's answer (signature without its 5F3740 DO header).
  auto pkid_tlv = recorded(1, "response", "euiccCiPKIdToBeUsed");
  auto signature_do = recorded(1, "response", "serverSignature1");
  AuthenticateServerRequest request{recorded(1, "response", "serverSigned1"), Bytes(signature_do.begin() + 3, signature_do.end()),
                                    Bytes(pkid_tlv.begin() + 2, pkid_tlv.end()), recorded(1, "response", "serverCertificate"),
                                    hex("A028801C5453343856322D53414950322D312D424552544C562D554E49515545A108800435230145A100")};
  auto der = encode_authenticate_server_request(request).encode();
  EXPECT_EQ(to_hex(ByteView(der).first(2)), "BF38");
  auto decoded = decode_authenticate_server_request(*tlv::decode(der));
  ASSERT_TRUE(decoded) << decoded.error().describe();
  EXPECT_EQ(*decoded, request);
  EXPECT_EQ(to_hex(decoded->euicc_ci_pkid), "F54172BDF98A95D65CBEB88A38A1C11D800A85C3");
}

TEST(SmdpSigned2, DecodesAndEncodesTheRecording) {
  auto der = es10_vector_der("SmdpSigned2-recorded");
  auto value = decode_smdp_signed2(*tlv::decode(der));
  ASSERT_TRUE(value) << value.error().describe();
  EXPECT_EQ(value->transaction_id, kTransactionId);
  EXPECT_FALSE(value->cc_required);
  EXPECT_FALSE(value->bpp_euicc_otpk);
  EXPECT_EQ(to_hex(encode_smdp_signed2(*value).encode()), to_hex(der));
}

TEST(PrepareDownloadRequest, HashCcIsOptionalBetweenSignatureAndCertificate) {
  PrepareDownloadRequest request{es10_vector_der("SmdpSigned2-recorded"), Bytes(64, 0x11), std::nullopt,
                                 recorded(2, "response", "smdpCertificate")};
  auto without = decode_prepare_download_request(*tlv::decode(encode_prepare_download_request(request).encode()));
  ASSERT_TRUE(without) << without.error().describe();
  EXPECT_EQ(*without, request);
  request.hash_cc = Bytes(32, 0xCC);
  auto with = decode_prepare_download_request(*tlv::decode(encode_prepare_download_request(request).encode()));
  ASSERT_TRUE(with) << with.error().describe();
  EXPECT_EQ(*with, request);
}

TEST(PrepareDownloadResponse, RecordedOkRoundTrips) {
  auto der = es10_vector_der("PrepareDownloadResponse-ok-recorded");
  auto response = decode_prepare_download_response(*tlv::decode(der));
  ASSERT_TRUE(response) << response.error().describe();
  const auto& ok = std::get<PrepareDownloadResponseOk>(*response);
  auto signed2 = decode_euicc_signed2(*tlv::decode(ok.euicc_signed2));
  ASSERT_TRUE(signed2) << signed2.error().describe();
  EXPECT_EQ(signed2->transaction_id, kTransactionId);
  EXPECT_EQ(to_hex(signed2->euicc_otpk).substr(0, 10), "04E2846819");
  EXPECT_FALSE(signed2->hash_cc);
  EXPECT_EQ(to_hex(encode_euicc_signed2(*signed2).encode()), to_hex(ok.euicc_signed2));
  EXPECT_EQ(to_hex(encode_prepare_download_response(*response).encode()), to_hex(der));
}

TEST(PrepareDownloadResponse, ErrorsEncodeAsTheVectors) {
  PrepareDownloadResponse invalid_signature = PrepareDownloadResponseError{kTransactionId, DownloadErrorCode::invalid_signature};
  PrepareDownloadResponse undefined = PrepareDownloadResponseError{kTransactionId, DownloadErrorCode::undefined_error};
  EXPECT_EQ(to_hex(encode_prepare_download_response(invalid_signature).encode()),
            to_hex(es10_vector_der("PrepareDownloadResponse-error-invalidSignature")));
  EXPECT_EQ(to_hex(encode_prepare_download_response(undefined).encode()),
            to_hex(es10_vector_der("PrepareDownloadResponse-error-undefined")));
  auto decoded = decode_prepare_download_response(*tlv::decode(es10_vector_der("PrepareDownloadResponse-error-undefined")));
  ASSERT_TRUE(decoded);
  EXPECT_EQ(*decoded, undefined);
}

TEST(InitialiseSecureChannelRequest, RecordedRequestRoundTripsAndNamesWhatSmdpSignCovers) {
  auto bpp = test::read_file(test::shared_dir() / "vectors" / "download-sgp26" / "bpp.der");
  auto node = tlv::decode(bpp, tags::kBoundProfilePackage);
  ASSERT_TRUE(node);
  auto isc_node = node->require(tags::kInitialiseSecureChannel);
  ASSERT_TRUE(isc_node);
  auto isc = decode_initialise_secure_channel(*isc_node);
  ASSERT_TRUE(isc) << isc.error().describe();
  EXPECT_EQ(isc->remote_op_id, kRemoteOpInstallBoundProfilePackage);
  EXPECT_EQ(isc->transaction_id, kTransactionId);
  EXPECT_EQ(isc->control_ref_template.key_type, 0x88);
  EXPECT_EQ(isc->control_ref_template.key_length, 0x10);
  EXPECT_EQ(std::string(isc->control_ref_template.host_id.begin(), isc->control_ref_template.host_id.end()), "mahlzeit");
  EXPECT_EQ(to_hex(encode_initialise_secure_channel(*isc).encode()), to_hex(isc_node->encoded()));

  auto euicc_otpk = hex("04e2846819264c8baa9762d4b77cc945fde1d6117db4e9f7587f925cdba257d9adda78869cd480f0b5262e249814908d79d3ab775bc7be30eb4552f7edddb7073b");
  auto signed_data = initialise_secure_channel_signed_data(*isc_node, euicc_otpk);
  // 82 01 01 | 80 10 .. | A6 10 .. | 5F49 41 .. | 5F49 41 euiccOtpk
  EXPECT_EQ(signed_data.size(), 3u + 18 + 18 + 68 + 68);
  EXPECT_EQ(to_hex(ByteView(signed_data).first(5)), "8201018010");
  EXPECT_EQ(to_hex(ByteView(signed_data).last(68)).substr(0, 6), "5F4941");
}

TEST(ProfileInstallationResult, RecordedSuccessDecodesAndReencodes) {
  auto der = es10_vector_der("ProfileInstallationResult-success-recorded");
  auto pir = decode_profile_installation_result(*tlv::decode(der));
  ASSERT_TRUE(pir) << pir.error().describe();
  const auto& data = pir->data;
  EXPECT_EQ(data.transaction_id, kTransactionId);
  EXPECT_EQ(data.notification.seq_number, 1u);
  EXPECT_EQ(data.notification.operation, NotificationEvent::install);
  EXPECT_EQ(data.notification.address, "testsmdpplus1.example.com");
  EXPECT_EQ(data.notification.iccid->digits(), "8949449999999990049");
  EXPECT_EQ(data.smdp_oid, "2.999.10");
  ASSERT_TRUE(data.succeeded());
  const auto& success = std::get<InstallSuccess>(data.final_result);
  EXPECT_EQ(to_hex(success.aid), "A0000005591010FFFFFFFF8900001000");
  EXPECT_EQ(to_hex(success.sima_response), "3007A0053003800100");

  auto data_der = encode_profile_installation_result_data(data);
  ASSERT_TRUE(data_der);
  EXPECT_EQ(to_hex(data_der->encode()), to_hex(pir->data_der));
  EXPECT_EQ(to_hex(encode_profile_installation_result(pir->data_der, pir->euicc_sign_pir).encode()), to_hex(der));
}

TEST(ProfileInstallationResult, ErrorResultRoundTrips) {
  ProfileInstallationResultData data{kTransactionId,
                                     {7, NotificationEvent::install, "smdp.example.com", std::nullopt},
                                     "2.999.10",
                                     InstallError{BppCommandId::load_profile_elements, InstallErrorReason::scp03t_security_error, std::nullopt}};
  auto element = encode_profile_installation_result_data(data);
  ASSERT_TRUE(element);
  auto der = element->encode();
  // finalResult [2] { errorResult [1] { bppCommandId [0] 5, errorReason [1] 8 } }
  EXPECT_NE(to_hex(der).find("A208A106800105810108"), std::string::npos);
  auto decoded = decode_profile_installation_result_data(*tlv::decode(der));
  ASSERT_TRUE(decoded) << decoded.error().describe();
  EXPECT_EQ(*decoded, data);
}

TEST(CancelSession, RequestMatchesTheVector) {
  auto der = es10_vector_der("CancelSessionRequest-endUserRejection");
  auto request = decode_cancel_session_request(*tlv::decode(der));
  ASSERT_TRUE(request) << request.error().describe();
  EXPECT_EQ(request->transaction_id, kTransactionId);
  EXPECT_EQ(request->reason, CancelSessionReason::end_user_rejection);
  EXPECT_EQ(to_hex(encode_cancel_session_request(*request).encode()), to_hex(der));
}

TEST(CancelSession, ResponsesRoundTrip) {
  EuiccCancelSessionSigned signed_part{kTransactionId, "2.999.10", CancelSessionReason::postponed};
  auto signed_der = encode_euicc_cancel_session_signed(signed_part);
  ASSERT_TRUE(signed_der);
  auto der = signed_der->encode();
  EXPECT_EQ(to_hex(der), "301A8010B2D48628B6F8495CB5718144C095148C810388370A820101");
  EXPECT_EQ(*decode_euicc_cancel_session_signed(*tlv::decode(der)), signed_part);

  CancelSessionResponse ok = CancelSessionResponseOk{der, Bytes(64, 0x22)};
  EXPECT_EQ(*decode_cancel_session_response(*tlv::decode(encode_cancel_session_response(ok).encode())), ok);
  CancelSessionResponse error = CancelSessionError::invalid_transaction_id;
  EXPECT_EQ(to_hex(encode_cancel_session_response(error).encode()), "BF4103810105");
  EXPECT_EQ(*decode_cancel_session_response(*tlv::decode(encode_cancel_session_response(error).encode())), error);
}

}  // namespace
}  // namespace lpad::rsp
