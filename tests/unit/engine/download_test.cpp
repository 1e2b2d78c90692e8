// The download procedure (SGP.22 section 3.1) against the software eUICC and the recorded SM-DP+.
#include <gtest/gtest.h>

#include "engine/download.h"
#include "rsp/cancel_session.h"
#include "unit/engine/engine_fixture.h"

namespace lpad::test {
namespace {

using engine::Progress;
using rsp::CancelSessionReason;

Error server_error(Errc code) { return Error{code, "refused by the test"}; }

TEST_F(EngineTest, DownloadInstallsTheRecordedProfile) {
  auto result = download();
  ASSERT_TRUE(result) << result.error().describe();
  EXPECT_EQ(result->metadata.iccid.digits(), "8949449999999990049");
  ASSERT_EQ(state().profiles.size(), 1u);
  EXPECT_EQ(state().profiles[0].isdp_aid, result->isdp_aid);
}

TEST_F(EngineTest, DownloadCallsTheSmdpFunctionsInSgp22Order) {
  ASSERT_TRUE(download());
  EXPECT_EQ(servers_.server.functions(),
            (std::vector<std::string>{"initiateAuthentication", "authenticateClient", "getBoundProfilePackage", "handleNotification"}));
}

TEST_F(EngineTest, DownloadSendsTheMatchingIdAndDeviceInfoInCtxParams1) {
  ASSERT_TRUE(download());
  auto response = rsp::decode_authenticate_server_response(*tlv::decode(servers_.server.last("authenticateClient")->payload));
  ASSERT_TRUE(response);
  auto signed1 = rsp::decode_euicc_signed1(*tlv::decode(std::get<rsp::AuthenticateResponseOk>(*response).euicc_signed1));
  ASSERT_TRUE(signed1);
  auto ctx = rsp::decode_ctx_params1(*tlv::decode(signed1->ctx_params1));
  ASSERT_TRUE(ctx);
  EXPECT_EQ(ctx->matching_id, secret("matchingId"));
  EXPECT_EQ(ctx->device_info.tac, hex("35230145"));
}

TEST_F(EngineTest, InstallNotificationIsDeliveredAndThenRemovedFromTheCard) {
  auto result = download();
  ASSERT_TRUE(result);
  EXPECT_TRUE(result->install_notification.delivered);
  EXPECT_TRUE(result->install_notification.removed);
  EXPECT_EQ(result->install_notification.metadata.operation, rsp::NotificationEvent::install);
  EXPECT_TRUE(pending_notifications().empty());
  auto pir = rsp::decode_profile_installation_result(*tlv::decode(servers_.server.last("handleNotification")->payload));
  ASSERT_TRUE(pir);
  EXPECT_TRUE(pir->data.succeeded());
}

TEST_F(EngineTest, UndeliveredInstallNotificationStaysOnTheCardAfterRetries) {
  servers_.server.failures["handleNotification"] = server_error(Errc::https_connect_failed);
  auto result = download();
  ASSERT_TRUE(result) << "the profile is installed even when the SM-DP+ cannot be told";
  EXPECT_FALSE(result->install_notification.delivered);
  ASSERT_TRUE(result->install_notification.error);
  EXPECT_EQ(result->install_notification.error->code, Errc::https_connect_failed);
  auto calls = servers_.server.functions();
  EXPECT_EQ(std::count(calls.begin(), calls.end(), "handleNotification"), 3);
  ASSERT_EQ(pending_notifications().size(), 1u);
}

TEST_F(EngineTest, NotificationRefusedByTheServerIsNotRetried) {
  servers_.server.failures["handleNotification"] = server_error(Errc::server_function_failed);
  auto result = download();
  ASSERT_TRUE(result);
  auto calls = servers_.server.functions();
  EXPECT_EQ(std::count(calls.begin(), calls.end(), "handleNotification"), 1);
  EXPECT_EQ(pending_notifications().size(), 1u);
}

TEST_F(EngineTest, ConsentIsAskedWithNameProviderAndClass) {
  std::optional<rsp::ProfileMetadata> shown;
  engine::DownloadCallbacks callbacks;
  callbacks.consent = [&](const engine::ProfileOffer& offer) {
    shown = offer.metadata;
    EXPECT_FALSE(offer.confirmation_code_required);
    return true;
  };
  ASSERT_TRUE(download(callbacks));
  ASSERT_TRUE(shown);
  EXPECT_FALSE(shown->profile_name.empty());
  EXPECT_FALSE(shown->service_provider_name.empty());
  EXPECT_EQ(shown->profile_class, rsp::ProfileClass::operational);
}

TEST_F(EngineTest, DeclinedConsentCancelsOnCardAndAtServerAsEndUserRejection) {
  engine::DownloadCallbacks callbacks;
  callbacks.consent = [](const engine::ProfileOffer&) { return false; };
  auto result = download(callbacks);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::engine_rejected_by_user);
  EXPECT_EQ(reason_sent_to_server(), CancelSessionReason::end_user_rejection);
  EXPECT_TRUE(state().profiles.empty());
  expect_session_gone();
}

TEST_F(EngineTest, StopRequestedWhileAskingForConsentCancelsWithTheStopsReasonAndCode) {
  engine::DownloadCallbacks callbacks;
  bool asked = false;
  callbacks.consent = [&](const engine::ProfileOffer&) { asked = true; return false; };
  callbacks.stop_requested = [&]() -> std::optional<engine::StopRequest> {
    if (!asked) return std::nullopt;
    return engine::StopRequest{Errc::job_answer_timeout, "nobody answered", CancelSessionReason::timeout};
  };
  auto result = download(callbacks);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::job_answer_timeout);
  EXPECT_EQ(reason_sent_to_server(), CancelSessionReason::timeout);
  expect_session_gone();
}

TEST_F(EngineTest, StopRequestedAfterAuthenticationCancelsBothSessionsAsPostponed) {
  engine::DownloadCallbacks callbacks;
  std::string opened;
  callbacks.session_opened = [&](const std::string& transaction_id) { opened = transaction_id; };
  callbacks.stop_requested = [&]() -> std::optional<engine::StopRequest> {
    return engine::StopRequest{Errc::job_cancelled, "cancelled", CancelSessionReason::postponed};
  };
  auto result = download(callbacks);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::job_cancelled);
  EXPECT_FALSE(opened.empty());
  EXPECT_EQ(reason_sent_to_server(), CancelSessionReason::postponed);
  EXPECT_TRUE(state().profiles.empty());
  expect_session_gone();
}

TEST_F(EngineTest, PointOfNoReturnIsAnnouncedOnceBeforeInstalling) {
  engine::DownloadCallbacks callbacks;
  int announced = 0;
  callbacks.point_of_no_return = [&]() -> std::optional<engine::StopRequest> {
    ++announced;
    return std::nullopt;
  };
  ASSERT_TRUE(download(callbacks));
  EXPECT_EQ(announced, 1);
}

TEST_F(EngineTest, StopGivenAtThePointOfNoReturnCancelsBeforeLoading) {
  engine::DownloadCallbacks callbacks;
  callbacks.point_of_no_return = []() -> std::optional<engine::StopRequest> {
    return engine::StopRequest{Errc::job_cancelled, "cancelled", CancelSessionReason::postponed};
  };
  auto result = download(callbacks);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::job_cancelled);
  EXPECT_EQ(reason_sent_to_server(), CancelSessionReason::postponed);
  EXPECT_TRUE(state().profiles.empty());
  expect_session_gone();
}

TEST_F(EngineTest, RequiredConfirmationCodeMissingCancelsAsPostponed) {
  // The flag is changed after signing: the card would refuse PrepareDownload, but the engine
  // must stop before it, for want of a code.
  servers_.server.edit_offer = [](es9p::AuthenticateClientOk& offer) {
    auto signed2 = *rsp::decode_smdp_signed2(*tlv::decode(offer.smdp_signed2));
    signed2.cc_required = true;
    offer.smdp_signed2 = rsp::encode_smdp_signed2(signed2).encode();
  };
  auto result = download();
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::engine_confirmation_code_needed);
  EXPECT_EQ(reason_sent_to_server(), CancelSessionReason::postponed);
}

TEST_F(EngineTest, ConfirmationCodeIsAskedOnlyWhenRequired) {
  bool asked = false;
  engine::DownloadCallbacks callbacks;
  callbacks.confirmation_code = [&]() -> std::optional<std::string> { asked = true; return "1234"; };
  ASSERT_TRUE(download(callbacks));
  EXPECT_FALSE(asked);
}

TEST_F(EngineTest, ServerRefusalAtGetBoundProfilePackageCancelsOnTheCardOnly) {
  servers_.server.failures["getBoundProfilePackage"] = server_error(Errc::server_confirmation_code_refused);
  auto result = download();
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::server_confirmation_code_refused);
  EXPECT_EQ(servers_.server.last("cancelSession"), nullptr) << "a server that answered Failed has ended its session";
  EXPECT_NE(result.error().message.find("cancelled on the eUICC"), std::string::npos) << result.error().message;
  expect_session_gone();
}

TEST_F(EngineTest, TransportFailureAtGetBoundProfilePackageCancelsAtTheServerToo) {
  servers_.server.failures["getBoundProfilePackage"] = server_error(Errc::https_transport_failure);
  auto result = download();
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::https_transport_failure);
  EXPECT_EQ(reason_sent_to_server(), CancelSessionReason::undefined_reason);
  expect_session_gone();
}

TEST_F(EngineTest, TimeoutIsTheCancelReasonAfterARequestTimedOut) {
  servers_.server.failures["getBoundProfilePackage"] = server_error(Errc::https_timeout);
  ASSERT_FALSE(download());
  EXPECT_EQ(reason_sent_to_server(), CancelSessionReason::timeout);
}

TEST_F(EngineTest, PackageWithOtherMetadataCancelsAsMetadataMismatch) {
  servers_.server.edit_bpp = [](Bytes& bpp) {
    // StoreMetadata travels in clear in the 88 segments: change the service provider's name.
    Bytes name{'O', 's', 'm', 'o'};
    auto found = std::search(bpp.begin(), bpp.end(), name.begin(), name.end());
    ASSERT_NE(found, bpp.end());
    *found = 'X';
  };
  auto result = download();
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::engine_server_inconsistent);
  EXPECT_EQ(reason_sent_to_server(), CancelSessionReason::metadata_mismatch);
  EXPECT_TRUE(state().profiles.empty());
}

TEST_F(EngineTest, CardRefusingTheServerSignatureIsReportedAndTheServerTold) {
  servers_.server.edit_initiate = [](es9p::InitiateAuthenticationOk& ok) { ok.server_signature1.back() ^= 0x01; };
  auto result = download();
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::engine_card_refused);
  EXPECT_EQ(servers_.server.functions(), (std::vector<std::string>{"initiateAuthentication", "authenticateClient"}));
  auto sent = rsp::decode_authenticate_server_response(*tlv::decode(servers_.server.last("authenticateClient")->payload));
  ASSERT_TRUE(sent);
  EXPECT_TRUE(std::holds_alternative<rsp::AuthenticateResponseError>(*sent));
}

TEST_F(EngineTest, ServerAnswerForAnotherChallengeIsRefusedBeforeTheCardSeesIt) {
  hooks().next_euicc_challenge.reset();  // the card makes a fresh challenge the recording cannot match
  auto result = download();
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::engine_server_inconsistent);
  EXPECT_EQ(servers_.server.functions(), (std::vector<std::string>{"initiateAuthentication"}));
}

TEST_F(EngineTest, ServerCallingItselfByAnotherAddressIsRefused) {
  servers_.server.address_ = "other.example.com";
  auto request = recorded_request();
  request.smdp_address = "other.example.com";
  auto result = engine::download_profile(*channel_, servers_, request, {}, no_wait_retry_);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::engine_server_inconsistent);
}

TEST_F(EngineTest, ProgressRunsThroughEveryStageToOneHundredWithoutGoingBack) {
  std::vector<std::string> stages;
  int last = -1;
  bool monotonic = true;
  engine::DownloadCallbacks callbacks;
  callbacks.progress = [&](const Progress& p) {
    if (stages.empty() || stages.back() != p.stage) stages.emplace_back(p.stage);
    monotonic = monotonic && p.percent >= last;
    last = p.percent;
  };
  ASSERT_TRUE(download(callbacks));
  EXPECT_TRUE(monotonic);
  EXPECT_EQ(last, 100);
  EXPECT_EQ(stages, (std::vector<std::string>{"authenticating", "confirming", "preparing", "downloading", "installing",
                                              "notifying", "done"}));
}

}  // namespace
}  // namespace lpad::test
