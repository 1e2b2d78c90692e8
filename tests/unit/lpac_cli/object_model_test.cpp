// lpad's property maps and dictionaries read as the types direct mode renders; sdbus::Variant
// needs no bus for this.
#include "lpac-cli/daemon/object_model.h"

#include <gtest/gtest.h>

namespace lpad::cli::daemon {
namespace {

using sdbus::Variant;

TEST(ObjectModel, ProfilePropertiesReadAsProfileInfo) {
  Properties p{{"Iccid", Variant(std::string("8949449999999990049"))},
               {"IsdpAid", Variant(std::string("A0000005591010FFFFFFFF8900001000"))},
               {"State", Variant(std::string("enabled"))},
               {"Nickname", Variant(std::string(""))},
               {"ServiceProviderName", Variant(std::string("OsmocomSPN"))},
               {"ProfileName", Variant(std::string("TS48"))},
               {"ProfileClass", Variant(std::string("test"))},
               {"IconType", Variant(std::string(""))},
               {"PolicyRules", Variant(std::vector<std::string>{"delete-not-allowed"})}};
  auto profile = profile_from_properties("/org/lpad/Lpad1/euicc/0/profile/8949449999999990049", p);
  const auto& info = profile.info;
  ASSERT_TRUE(info.iccid);
  EXPECT_EQ(info.iccid->digits(), "8949449999999990049");
  EXPECT_EQ(to_hex(*info.isdp_aid), "A0000005591010FFFFFFFF8900001000");
  EXPECT_EQ(info.state, rsp::ProfileState::enabled);
  EXPECT_FALSE(info.nickname);  // "" is absent, as direct mode shows it
  EXPECT_EQ(info.service_provider_name, "OsmocomSPN");
  EXPECT_EQ(info.profile_class, rsp::ProfileClass::test);
  EXPECT_FALSE(info.icon_type);
  ASSERT_TRUE(info.policy_rules);
  EXPECT_TRUE(info.policy_rules->delete_not_allowed);
  EXPECT_FALSE(info.policy_rules->disable_not_allowed);
}

TEST(ObjectModel, MistypedOrMissingKeysReadAsAbsent) {
  auto profile = profile_from_properties("/p", {{"State", Variant(std::uint32_t{1})}});
  EXPECT_FALSE(profile.info.iccid);
  EXPECT_FALSE(profile.info.state);
}

TEST(ObjectModel, JobErrorKeepsTheCodeAndTheServerStatus) {
  Properties error{{"name", Variant(std::string("org.lpad.Lpad1.Error.MatchingIdRefused"))},
                   {"code", Variant(std::string("server.matching-id-refused"))},
                   {"message", Variant(std::string("the SM-DP+ does not know this activation code"))},
                   {"server_subject_code", Variant(std::string("8.2.6"))},
                   {"server_reason_code", Variant(std::string("3.8"))}};
  auto update = job_update_from_properties({{"State", Variant(std::string("failed"))}, {"Error", Variant(error)}});
  EXPECT_EQ(update.state, "failed");
  ASSERT_TRUE(update.error);
  EXPECT_EQ(update.error->code, Errc::server_matching_id_refused);
  EXPECT_EQ(update.error->message, "the SM-DP+ does not know this activation code");
  ASSERT_TRUE(update.error->server);
  EXPECT_EQ(update.error->server->subject_code, "8.2.6");
  EXPECT_EQ(update.error->server->reason_code, "3.8");
  EXPECT_FALSE(update.result);
}

TEST(ObjectModel, JobErrorWhoseMessageStartsWithTheCode) {
  Properties error{{"name", Variant(std::string("org.lpad.Lpad1.Error.Cancelled"))},
                   {"code", Variant(std::string("job.cancelled"))},
                   {"message", Variant(std::string("job.cancelled: cancelled on the eUICC and at the SM-DP+"))},
                   {"status_word", Variant(std::string("6A88"))}};
  auto e = error_from_dict(error);
  EXPECT_EQ(e.code, Errc::job_cancelled);
  EXPECT_EQ(e.message, "cancelled on the eUICC and at the SM-DP+");
  ASSERT_TRUE(e.status);
  EXPECT_EQ(e.status->value, 0x6A88);
}

TEST(ObjectModel, DownloadResultAndItsNotification) {
  Properties delivery{{"seq_number", Variant(std::uint64_t{4})},     {"operation", Variant(std::string("install"))},
                      {"address", Variant(std::string("smdp.test"))}, {"iccid", Variant(std::string("8949449999999990049"))},
                      {"delivered", Variant(true)},                   {"removed", Variant(true)}};
  Properties result{{"profile", Variant(sdbus::ObjectPath("/org/lpad/Lpad1/euicc/0/profile/8949449999999990049"))},
                    {"iccid", Variant(std::string("8949449999999990049"))},
                    {"isdp_aid", Variant(std::string("A0000005591010FFFFFFFF8900001200"))},
                    {"notification", Variant(delivery)},
                    {"some_future_key", Variant(std::string("ignored"))}};
  auto update = job_update_from_properties({{"State", Variant(std::string("succeeded"))}, {"Result", Variant(result)}});
  ASSERT_TRUE(update.result);
  EXPECT_EQ(update.result->profile_path, "/org/lpad/Lpad1/euicc/0/profile/8949449999999990049");
  EXPECT_EQ(update.result->isdp_aid, "A0000005591010FFFFFFFF8900001200");
  ASSERT_TRUE(update.result->notification);
  EXPECT_EQ(update.result->notification->metadata.seq_number, 4u);
  EXPECT_EQ(update.result->notification->metadata.operation, rsp::NotificationEvent::install);
  EXPECT_TRUE(update.result->notification->removed);
  EXPECT_FALSE(update.result->notification->error);
}

TEST(ObjectModel, UndeliveredNotificationCarriesItsError) {
  Properties error{{"name", Variant(std::string("org.lpad.Lpad1.Error.Network"))},
                   {"code", Variant(std::string("https.connect-failed"))},
                   {"message", Variant(std::string("cannot connect"))}};
  Properties delivery{{"seq_number", Variant(std::uint64_t{2})}, {"operation", Variant(std::string("disable"))},
                      {"address", Variant(std::string("smdp.test"))}, {"delivered", Variant(false)},
                      {"removed", Variant(false)}, {"error", Variant(error)}};
  auto d = delivery_from_dict(delivery);
  EXPECT_EQ(d.metadata.operation, rsp::NotificationEvent::disable);
  EXPECT_FALSE(d.metadata.iccid);
  ASSERT_TRUE(d.error);
  EXPECT_EQ(d.error->code, Errc::https_connect_failed);
}

TEST(ObjectModel, ProfileMetadataIsTheOffer) {
  Properties metadata{{"iccid", Variant(std::string("8949449999999990049"))},
                      {"service_provider_name", Variant(std::string("OsmocomSPN"))},
                      {"profile_name", Variant(std::string("TS48"))},
                      {"profile_class", Variant(std::string("operational"))},
                      {"policy_rules", Variant(std::vector<std::string>{})},
                      {"confirmation_code_required", Variant(true)}};
  auto update = job_update_from_properties({{"State", Variant(std::string("waiting-for-consent"))},
                                            {"ProfileMetadata", Variant(metadata)},
                                            {"Stage", Variant(std::string("confirming"))},
                                            {"Percent", Variant(std::uint32_t{30})}});
  ASSERT_TRUE(update.offer);
  EXPECT_EQ(update.offer->metadata.profile_name, "TS48");
  EXPECT_EQ(update.offer->metadata.profile_class, rsp::ProfileClass::operational);
  EXPECT_TRUE(update.offer->confirmation_code_required);
  EXPECT_EQ(update.stage, "confirming");
  EXPECT_EQ(update.percent, 30u);
  EXPECT_FALSE(job_update_from_properties({{"ProfileMetadata", Variant(Properties{})}}).offer);
}

TEST(ObjectModel, DiscoveryResultEvents) {
  std::vector<Properties> events{{{"event_id", Variant(std::string("E1"))}, {"smdp_address", Variant(std::string("smdp.test"))}}};
  auto result = job_result_from_dict({{"smds_address", Variant(std::string("lpa.ds.gsma.com"))}, {"events", Variant(events)}});
  EXPECT_EQ(result.smds_address, "lpa.ds.gsma.com");
  ASSERT_EQ(result.events.size(), 1u);
  EXPECT_EQ(result.events[0].event_id, "E1");
  EXPECT_EQ(result.events[0].smdp_address, "smdp.test");
}

TEST(ObjectModel, EuiccProperties) {
  auto e = euicc_from_properties("/org/lpad/Lpad1/euicc/3",
                                 {{"Eid", Variant(std::string("89049032123451234512345678901235"))},
                                  {"FreeNvm", Variant(std::uint64_t{520192})},
                                  {"CiPkids", Variant(std::vector<std::string>{"F54172BDF98A95D65CBEB88A38A1C11D800A85C3"})},
                                  {"Profiles", Variant(std::vector<sdbus::ObjectPath>{sdbus::ObjectPath("/a"), sdbus::ObjectPath("/b")})}});
  EXPECT_EQ(e.eid, "89049032123451234512345678901235");
  EXPECT_EQ(e.free_nvm, 520192u);
  EXPECT_EQ(e.ci_pkids.size(), 1u);
  EXPECT_EQ(e.profile_paths, (std::vector<std::string>{"/a", "/b"}));
  EXPECT_EQ(e.default_smdp_address, "");
}

TEST(ObjectModel, EuiccInfo2IsDecodedFromItsDer) {
  rsp::EuiccInfo2 served;
  served.profile_version = {2, 3, 1};
  served.sas_accreditation_number = "LPAD-TEST-SAS";
  served.ci_pkids_for_signing = {Bytes{0xF5, 0x41}};
  auto e = euicc_from_properties("/e", {{"EuiccInfo2", Variant(rsp::encode_euicc_info2(served).encode())}});
  ASSERT_TRUE(e.info2);
  EXPECT_EQ(*e.info2, served);
}

TEST(ObjectModel, EuiccInfo2ThatDoesNotDecodeReadsAsAbsent) {
  auto e = euicc_from_properties("/e", {{"EuiccInfo2", Variant(std::vector<std::uint8_t>{0xBF, 0x22, 0x05, 0x01})}});
  EXPECT_FALSE(e.info2);
}

}  // namespace
}  // namespace lpad::cli::daemon
