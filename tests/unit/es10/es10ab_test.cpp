#include <gtest/gtest.h>

#include "es10/es10a.h"
#include "es10/es10b.h"
#include "es10/es10c.h"
#include "es10_fixture.h"

namespace lpad::test {
namespace {

TEST_F(Es10Test, ConfiguredAddressesAreReadAndSet) {
  connect(two_profiles());
  auto before = es10::get_configured_addresses(channel());
  ASSERT_TRUE(before) << before.error().describe();
  EXPECT_EQ(before->root_ds_address, "lpa.ds.gsma.com");
  EXPECT_FALSE(before->default_dp_address);
  ASSERT_TRUE(es10::set_default_dp_address(channel(), "smdp.test.lpad"));
  EXPECT_EQ(es10::get_configured_addresses(channel())->default_dp_address, "smdp.test.lpad");
  ASSERT_TRUE(es10::set_default_dp_address(channel(), ""));
  EXPECT_FALSE(es10::get_configured_addresses(channel())->default_dp_address);
}

TEST_F(Es10Test, EuiccInfo1CarriesTheSgp26CiPkidAndItsDer) {
  connect(two_profiles());
  auto info = es10::get_euicc_info1(channel());
  ASSERT_TRUE(info) << info.error().describe();
  EXPECT_EQ(to_hex(info->info.ci_pkids_for_verification.at(0)), "F54172BDF98A95D65CBEB88A38A1C11D800A85C3");
  EXPECT_EQ(info->der.front(), 0xBF);
}

TEST_F(Es10Test, EuiccInfo2ReportsFreeMemory) {
  connect(two_profiles());
  auto info = es10::get_euicc_info2(channel());
  ASSERT_TRUE(info) << info.error().describe();
  EXPECT_TRUE(info->free_nvm());
}

TEST_F(Es10Test, ChallengeIsSixteenFreshBytes) {
  connect(two_profiles());
  auto a = es10::get_euicc_challenge(channel());
  auto b = es10::get_euicc_challenge(channel());
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->size(), 16u);
  EXPECT_NE(*a, *b);
}

TEST_F(Es10Test, NotificationsAreListedRetrievedAndRemoved) {
  veuicc::EuiccState state;
  state.profiles.push_back(recorded_notifying_profile());  // notifies enable, disable and delete
  connect(state);
  auto enabled = es10::enable_profile(channel(), state.profiles[0].metadata.iccid);
  ASSERT_TRUE(enabled) << enabled.error().describe();
  auto listed = es10::list_notifications(channel());
  ASSERT_TRUE(listed) << listed.error().describe();
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().operation, rsp::NotificationEvent::enable);
  auto seq = listed->front().seq_number;

  auto pending = es10::retrieve_notifications(channel(), seq);
  ASSERT_TRUE(pending) << pending.error().describe();
  ASSERT_EQ(pending->size(), 1u);
  EXPECT_EQ(pending->front().metadata.seq_number, seq);
  EXPECT_EQ(pending->front().der.front(), 0x30);  // OtherSignedNotification

  ASSERT_TRUE(es10::remove_notification(channel(), seq));
  EXPECT_TRUE(es10::list_notifications(channel())->empty());
  auto again = es10::remove_notification(channel(), seq);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, Errc::es10_notification_not_found);
}

TEST_F(Es10Test, RetrievingAnAbsentNotificationIsNotFound) {
  connect(two_profiles());
  auto r = es10::retrieve_notifications(channel(), 42);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::es10_notification_not_found);
}

TEST_F(Es10Test, ShortApdusCarry255ByteBlocks) {
  connect(two_profiles());
  EXPECT_EQ(channel().block_size(), 255u);
}

TEST_F(Es10Test, ForcedSmallBlocksStillCarryTheCommand) {
  es10::ChannelOptions options;
  options.max_block_size = 8;
  connect(two_profiles(), {}, options);
  channel().reset_counters();
  ASSERT_TRUE(es10::set_nickname(channel(), *Iccid::from_digits(kDisabledIccid), "A nickname of some length"));
  // BF29 1F 5A0A.. 90 19 ..: 33 bytes in 8-byte blocks, then GET RESPONSE for the answer
  EXPECT_EQ(channel().counters().apdus, 6u);
  EXPECT_EQ((*es10::get_profiles_info(channel()))[1].nickname, "A nickname of some length");
}

TEST_F(Es10Test, AnotherIsdrAidIsTriedWhenTheFirstDoesNotSelect) {
  es10::ChannelOptions options;
  options.isdr_aids = {hex("A0000005591010FFFFFFFF8900000999"), es10::kIsdrAid};
  connect(two_profiles(), {}, options);
  EXPECT_TRUE(es10::get_eid(channel()));
}

TEST_F(Es10Test, CardRemovedMidOperationIsATypedError) {
  veuicc::FaultPlan faults;
  faults.remove_after = 3;  // MANAGE CHANNEL, SELECT, then one STORE DATA
  connect(two_profiles(), faults);
  ASSERT_TRUE(es10::get_eid(channel()));
  auto r = es10::get_eid(channel());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::apdu_card_removed);
}

TEST(BoundProfilePackage, SplitsIntoTheSgp22Pieces) {
  auto bpp = read_file(shared_dir() / "vectors" / "download-sgp26" / "bpp.der");
  auto pieces = es10::split_bound_profile_package(bpp);
  ASSERT_TRUE(pieces) << pieces.error().describe();
  // BF36+BF23, A0, A1 header, one 88, A2, A3 header, thirteen 86 (vectors README).
  ASSERT_EQ(pieces->size(), 19u);
  EXPECT_EQ((*pieces)[0][0], 0xBF);
  EXPECT_EQ((*pieces)[0][1], 0x36);
  EXPECT_EQ((*pieces)[1][0], 0xA0);
  EXPECT_EQ((*pieces)[2][0], 0xA1);
  EXPECT_EQ((*pieces)[3].size(), 173u);
  EXPECT_EQ((*pieces)[4].size() - 2, 74u);
  EXPECT_EQ((*pieces)[5][0], 0xA3);
  EXPECT_EQ((*pieces)[6][0], 0x86);
  EXPECT_EQ((*pieces)[7].size(), 1036u);
  std::size_t total = 0;
  for (auto piece : *pieces) total += piece.size();
  EXPECT_EQ(total, bpp.size());
}

}  // namespace
}  // namespace lpad::test
