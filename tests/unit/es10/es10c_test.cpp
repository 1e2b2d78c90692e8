#include "es10/es10c.h"

#include <gtest/gtest.h>

#include "es10_fixture.h"

namespace lpad::test {
namespace {

using es10::ProfileId;

TEST_F(Es10Test, GetEidReadsTheCardsEid) {
  connect(two_profiles());
  EXPECT_EQ(*es10::get_eid(channel()), "89049032123451234512345678901235");
}

TEST_F(Es10Test, GetProfilesInfoListsEveryProfile) {
  connect(two_profiles());
  auto profiles = es10::get_profiles_info(channel());
  ASSERT_TRUE(profiles) << profiles.error().describe();
  ASSERT_EQ(profiles->size(), 2u);
  EXPECT_EQ((*profiles)[0].iccid->digits(), kEnabledIccid);
  EXPECT_EQ((*profiles)[0].state, rsp::ProfileState::enabled);
  EXPECT_EQ((*profiles)[0].nickname, "My test eSIM");
  EXPECT_EQ((*profiles)[1].profile_class, rsp::ProfileClass::test);
}

TEST_F(Es10Test, GetProfilesInfoSearchesByIccid) {
  connect(two_profiles());
  auto profiles = es10::get_profiles_info(channel(), {ProfileId{iccid(kDisabledIccid)}, std::nullopt, std::nullopt});
  ASSERT_TRUE(profiles);
  ASSERT_EQ(profiles->size(), 1u);
  EXPECT_EQ(profiles->front().profile_name, "Test Profile 2");
}

TEST_F(Es10Test, EnableSwitchesTheEnabledProfile) {
  connect(two_profiles());
  ASSERT_TRUE(es10::enable_profile(channel(), iccid(kDisabledIccid)));
  auto profiles = *es10::get_profiles_info(channel());
  EXPECT_EQ(profiles[0].state, rsp::ProfileState::disabled);
  EXPECT_EQ(profiles[1].state, rsp::ProfileState::enabled);
}

TEST_F(Es10Test, EnableByAidWorksLikeByIccid) {
  connect(two_profiles());
  ASSERT_TRUE(es10::enable_profile(channel(), hex("A0000005591010FFFFFFFF8900001100")));
  EXPECT_EQ((*es10::get_profiles_info(channel()))[1].state, rsp::ProfileState::enabled);
}

TEST_F(Es10Test, EnablingTheEnabledProfileIsAWrongStateError) {
  connect(two_profiles());
  auto r = es10::enable_profile(channel(), iccid(kEnabledIccid));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::es10_profile_wrong_state);
}

TEST_F(Es10Test, UnknownProfileIsNotFound) {
  connect(two_profiles());
  auto r = es10::disable_profile(channel(), iccid("89000000000000000001"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::es10_profile_not_found);
}

TEST_F(Es10Test, DisablingAProfileWithPpr1IsRefusedByPolicy) {
  auto state = two_profiles();
  state.profiles[0].metadata.policy_rules = rsp::PolicyRules{false, true, false};
  connect(state);
  auto r = es10::disable_profile(channel(), iccid(kEnabledIccid));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::es10_disallowed_by_policy);
}

TEST_F(Es10Test, DeleteRemovesADisabledProfile) {
  connect(two_profiles());
  ASSERT_TRUE(es10::delete_profile(channel(), iccid(kDisabledIccid)));
  EXPECT_EQ(es10::get_profiles_info(channel())->size(), 1u);
}

TEST_F(Es10Test, DeletingTheEnabledProfileIsAWrongStateError) {
  connect(two_profiles());
  auto r = es10::delete_profile(channel(), iccid(kEnabledIccid));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::es10_profile_wrong_state);
}

TEST_F(Es10Test, NicknameIsSetAndCleared) {
  connect(two_profiles());
  ASSERT_TRUE(es10::set_nickname(channel(), iccid(kDisabledIccid), "Travel"));
  EXPECT_EQ((*es10::get_profiles_info(channel()))[1].nickname, "Travel");
  ASSERT_TRUE(es10::set_nickname(channel(), iccid(kDisabledIccid), ""));
  EXPECT_FALSE((*es10::get_profiles_info(channel()))[1].nickname);
}

TEST_F(Es10Test, NicknameOfUnknownProfileIsNotFound) {
  connect(two_profiles());
  auto r = es10::set_nickname(channel(), iccid("89000000000000000001"), "x");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::es10_profile_not_found);
}

TEST_F(Es10Test, MemoryResetDeletesTestProfilesOnly) {
  connect(two_profiles());
  ASSERT_TRUE(es10::memory_reset(channel(), {false, true, false}));
  auto profiles = *es10::get_profiles_info(channel());
  ASSERT_EQ(profiles.size(), 1u);
  EXPECT_EQ(profiles[0].iccid->digits(), kEnabledIccid);
}

TEST_F(Es10Test, MemoryResetWithNothingToDoSaysSo) {
  connect(veuicc::EuiccState{});
  auto r = es10::memory_reset(channel(), {true, true, false});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::es10_nothing_to_delete);
}

}  // namespace
}  // namespace lpad::test
