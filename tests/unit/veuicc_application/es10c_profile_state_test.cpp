// ES10c EnableProfile, DisableProfile, DeleteProfile (SGP.22 sections 5.7.16-5.7.18): result
// codes, one enabled profile at a time, PPR1 and PPR2.
#include "application_fixture.h"

namespace lpad::test {
namespace {

constexpr std::string_view kFirst = "8949449999999990049";    // operational, enabled
constexpr std::string_view kSecond = "89000123456789012341";  // test, disabled
constexpr std::string_view kSecondAid = "A0000005591010FFFFFFFF8900001100";

class ProfileStateTest : public ApplicationTest {
 protected:
  // The two recorded profiles; `first_rules` are the enabled one's policy rules.
  void start_with(std::optional<rsp::PolicyRules> first_rules = std::nullopt,
                  std::optional<rsp::PolicyRules> second_rules = std::nullopt) {
    veuicc::EuiccState s;
    s.profiles = recorded_two_profiles();
    s.profiles[0].metadata.policy_rules = first_rules;
    s.profiles[1].metadata.policy_rules = second_rules;
    start(s);
  }
  rsp::ProfileState state_of(std::string_view iccid) {
    for (const auto& p : state().profiles)
      if (p.metadata.iccid.digits() == iccid) return p.state;
    ADD_FAILURE() << "no profile " << iccid;
    return rsp::ProfileState::disabled;
  }
};

rsp::PolicyRules ppr1() { return {false, true, false}; }
rsp::PolicyRules ppr2() { return {false, false, true}; }

TEST_F(ProfileStateTest, EnableProfileEnablesItAndDisablesThePreviousOne) {
  start_with();
  EXPECT_EQ(answer(cmd::enable(cmd::iccid(kSecond))), es10_vector_der("EnableProfileResponse-ok"));
  EXPECT_EQ(state_of(kSecond), rsp::ProfileState::enabled);
  EXPECT_EQ(state_of(kFirst), rsp::ProfileState::disabled);
}

TEST_F(ProfileStateTest, EnableProfileAcceptsTheRecordedRequest) {
  veuicc::EuiccState s;
  s.profiles = recorded_two_profiles();
  s.profiles[0].state = rsp::ProfileState::disabled;
  start(s);
  EXPECT_EQ(answer(es10_vector_der("EnableProfileRequest-iccid")), es10_vector_der("EnableProfileResponse-ok"));
  EXPECT_EQ(state_of(kFirst), rsp::ProfileState::enabled);
}

TEST_F(ProfileStateTest, EnableProfileByIsdpAid) {
  start_with();
  EXPECT_EQ(answer(cmd::enable(cmd::aid(kSecondAid))), hex("BF3103800100"));
  EXPECT_EQ(state_of(kSecond), rsp::ProfileState::enabled);
}

TEST_F(ProfileStateTest, EnableProfileOfAnUnknownIccidIsIccidOrAidNotFound) {
  start_with();
  EXPECT_EQ(answer(cmd::enable(cmd::iccid("89000000000000000001"))), hex("BF3103800101"));
}

TEST_F(ProfileStateTest, EnableProfileOfTheEnabledProfileIsProfileNotInDisabledState) {
  start_with();
  EXPECT_EQ(answer(cmd::enable(cmd::iccid(kFirst))), hex("BF3103800102"));
}

TEST_F(ProfileStateTest, EnableProfileIsDisallowedByPolicyWhenTheEnabledProfileHasPpr1) {
  start_with(ppr1());
  EXPECT_EQ(answer(cmd::enable(cmd::iccid(kSecond))), hex("BF3103800103"));
  EXPECT_EQ(state_of(kFirst), rsp::ProfileState::enabled);
  EXPECT_EQ(state_of(kSecond), rsp::ProfileState::disabled);
}

TEST_F(ProfileStateTest, EnableProfileWithoutRefreshFlagIsRefusedWith6A80) {
  start_with();
  auto request = tlv::Element::constructed(tlv::Tag{0xBF31}, {tlv::Element::constructed(tlv::Tag{0xA0}, {cmd::iccid(kSecond)})});
  auto response = send(request);
  ASSERT_FALSE(response.has_value());
  EXPECT_EQ(response.error(), veuicc::sw::incorrect_data);
}

TEST_F(ProfileStateTest, DisableProfileDisablesTheEnabledProfile) {
  start_with();
  EXPECT_EQ(answer(cmd::disable(cmd::iccid(kFirst))), hex("BF3203800100"));
  EXPECT_EQ(state_of(kFirst), rsp::ProfileState::disabled);
  EXPECT_EQ(saved_state().profiles[0].state, rsp::ProfileState::disabled);
}

TEST_F(ProfileStateTest, DisableProfileOfAnUnknownAidIsIccidOrAidNotFound) {
  start_with();
  EXPECT_EQ(answer(cmd::disable(cmd::aid("A0000005591010FFFFFFFF8900009900"))), hex("BF3203800101"));
}

TEST_F(ProfileStateTest, DisableProfileOfADisabledProfileIsProfileNotInEnabledState) {
  start_with();
  EXPECT_EQ(answer(cmd::disable(cmd::iccid(kSecond))), hex("BF3203800102"));
}

TEST_F(ProfileStateTest, DisableProfileWithPpr1IsDisallowedByPolicy) {
  start_with(ppr1());
  EXPECT_EQ(answer(cmd::disable(cmd::iccid(kFirst))), hex("BF3203800103"));
  EXPECT_EQ(state_of(kFirst), rsp::ProfileState::enabled);
}

TEST_F(ProfileStateTest, DeleteProfileDeletesADisabledProfile) {
  start_with();
  EXPECT_EQ(answer(cmd::remove(cmd::iccid(kSecond))), hex("BF3303800100"));
  ASSERT_EQ(state().profiles.size(), 1u);
  EXPECT_EQ(saved_state().profiles.size(), 1u);
}

TEST_F(ProfileStateTest, DeleteProfileAcceptsTheRecordedRequest) {
  veuicc::EuiccState s;
  s.profiles = recorded_two_profiles();
  s.profiles[0].state = rsp::ProfileState::disabled;
  start(s);
  EXPECT_EQ(answer(es10_vector_der("DeleteProfileRequest-iccid")), hex("BF3303800100"));
  EXPECT_EQ(state().profiles.size(), 1u);
}

TEST_F(ProfileStateTest, DeleteProfileOfTheEnabledProfileIsProfileNotInDisabledState) {
  start_with();
  EXPECT_EQ(answer(cmd::remove(cmd::iccid(kFirst))), hex("BF3303800102"));
  EXPECT_EQ(state().profiles.size(), 2u);
}

TEST_F(ProfileStateTest, DeleteProfileWithPpr2IsDisallowedByPolicy) {
  start_with(std::nullopt, ppr2());
  EXPECT_EQ(answer(cmd::remove(cmd::iccid(kSecond))), hex("BF3303800103"));
  EXPECT_EQ(state().profiles.size(), 2u);
}

TEST_F(ProfileStateTest, DeleteProfileOfAnUnknownIccidIsIccidOrAidNotFound) {
  start_with();
  EXPECT_EQ(answer(cmd::remove(cmd::iccid("89000000000000000001"))), hex("BF3303800101"));
}

TEST_F(ProfileStateTest, ProfilesWithoutNotificationConfigurationCreateNoNotifications) {
  start_with();
  answer(cmd::enable(cmd::iccid(kSecond)));
  answer(cmd::disable(cmd::iccid(kSecond)));
  answer(cmd::remove(cmd::iccid(kSecond)));
  EXPECT_TRUE(state().notifications.empty());
  EXPECT_EQ(state().next_seq_number, 1u);
}

}  // namespace
}  // namespace lpad::test
