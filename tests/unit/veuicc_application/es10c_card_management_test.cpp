// ES10c eUICCMemoryReset, GetEID and SetNickname (SGP.22 sections 5.7.19-5.7.21).
#include "application_fixture.h"

namespace lpad::test {
namespace {

using tlv::Element;
using tlv::Tag;

// EuiccMemoryResetRequest ::= [52] SEQUENCE { resetOptions [2] BIT STRING }
Element memory_reset(std::initializer_list<std::size_t> options) {
  return Element::constructed(Tag{0xBF34}, {tlv::bit_string(Tag{0x82}, tlv::BitString::named(options))});
}
constexpr std::size_t kOperational = 0, kTest = 1, kDefaultAddress = 2;

class CardManagementTest : public ApplicationTest {
 protected:
  void SetUp() override {
    ApplicationTest::SetUp();
    veuicc::EuiccState s;
    s.profiles = recorded_two_profiles();  // one operational (enabled), one test
    s.default_dp_address = "testsmdpplus1.example.com";
    start(s);
  }
};

TEST_F(CardManagementTest, MemoryResetDeletesOperationalProfilesEvenTheEnabledOne) {
  EXPECT_EQ(answer(memory_reset({kOperational})), hex("BF3403800100"));
  ASSERT_EQ(saved_state().profiles.size(), 1u);
  EXPECT_EQ(saved_state().profiles[0].metadata.profile_class, rsp::ProfileClass::test);
  EXPECT_EQ(saved_state().default_dp_address, "testsmdpplus1.example.com");
}

TEST_F(CardManagementTest, MemoryResetDeletesFieldLoadedTestProfiles) {
  EXPECT_EQ(answer(memory_reset({kTest})), hex("BF3403800100"));
  ASSERT_EQ(saved_state().profiles.size(), 1u);
  EXPECT_EQ(saved_state().profiles[0].metadata.profile_class, rsp::ProfileClass::operational);
}

TEST_F(CardManagementTest, MemoryResetForgetsTheDefaultSmdpAddress) {
  EXPECT_EQ(answer(memory_reset({kDefaultAddress})), hex("BF3403800100"));
  EXPECT_FALSE(saved_state().default_dp_address.has_value());
  EXPECT_EQ(saved_state().profiles.size(), 2u);
}

TEST_F(CardManagementTest, MemoryResetWithNothingToDeleteSaysSo) {
  answer(memory_reset({kOperational, kTest, kDefaultAddress}));
  EXPECT_EQ(answer(memory_reset({kOperational, kTest, kDefaultAddress})), hex("BF3403800101"));
}

TEST_F(CardManagementTest, MemoryResetCreatesNoNotifications) {
  answer(memory_reset({kOperational, kTest}));
  EXPECT_TRUE(state().notifications.empty());
}

TEST_F(CardManagementTest, GetEidAnswersTheSgp26Eid) {
  EXPECT_EQ(answer(es10_vector_der("GetEuiccDataRequest-EID")), es10_vector_der("GetEuiccDataResponse-EID"));
}

TEST_F(CardManagementTest, GetEidForAnotherTagIsRefusedWith6A80) {
  auto response = send(Element::constructed(Tag{0xBF3E}, {tlv::octets(Tag{0x5C}, hex("4F"))}));
  ASSERT_FALSE(response.has_value());
  EXPECT_EQ(response.error(), veuicc::sw::incorrect_data);
}

TEST_F(CardManagementTest, SetNicknameNamesTheProfile) {
  // The recorded request sets "My test eSIM" on 8949449999999990049F; take the seeded one away first.
  answer(Element::constructed(Tag{0xBF29}, {cmd::iccid("8949449999999990049"), tlv::utf8(Tag{0x90}, "")}));
  ASSERT_FALSE(state().profiles[0].nickname.has_value());
  EXPECT_EQ(answer(es10_vector_der("SetNicknameRequest")), hex("BF2903800100"));
  auto request = Element::constructed(Tag{0xBF2D}, {tlv::octets(Tag{0x5C}, hex("90"))});
  // profile 1: 90 0C "My test eSIM"; profile 2 has none
  EXPECT_EQ(answer(request), hex("BF2D14A012E30E900C4D792074657374206553494DE300"));
}

TEST_F(CardManagementTest, SetNicknameWithAnEmptyNicknameRemovesIt) {
  auto request = Element::constructed(Tag{0xBF29}, {cmd::iccid("8949449999999990049"), tlv::utf8(Tag{0x90}, "")});
  EXPECT_EQ(answer(request), hex("BF2903800100"));
  EXPECT_FALSE(saved_state().profiles[0].nickname.has_value());
}

TEST_F(CardManagementTest, SetNicknameOfAnUnknownIccidIsIccidNotFound) {
  auto request = Element::constructed(Tag{0xBF29}, {cmd::iccid("89000000000000000001"), tlv::utf8(Tag{0x90}, "x")});
  EXPECT_EQ(answer(request), hex("BF2903800101"));
}

}  // namespace
}  // namespace lpad::test
