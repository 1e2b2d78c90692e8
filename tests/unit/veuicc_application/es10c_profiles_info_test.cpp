// ES10c GetProfilesInfo (SGP.22 section 5.7.15): search criteria and tag lists.
#include "application_fixture.h"

namespace lpad::test {
namespace {

using tlv::Element;
using tlv::Tag;

Element search(Element criterion) {
  return Element::constructed(Tag{0xBF2D}, {Element::constructed(Tag{0xA0}, {std::move(criterion)})});
}

class ProfilesInfoTest : public ApplicationTest {
 protected:
  void SetUp() override {
    ApplicationTest::SetUp();
    veuicc::EuiccState s;
    s.profiles = recorded_two_profiles();
    start(s);
  }
};

TEST_F(ProfilesInfoTest, WithoutCriteriaEveryProfileIsReportedInFull) {
  EXPECT_EQ(answer(cmd::empty(0xBF2D)), es10_vector_der("ProfileInfoListResponse-two-profiles"));
}

TEST_F(ProfilesInfoTest, SearchByIccidWithTagListReturnsOnlyTheListedMembers) {
  // The recorded request: iccid 8949449999999990049F, tags 5A 9F70 90 91 92 93 94 95. The answer
  // is the first recorded profile without its ISD-P AID (4F was not asked for).
  auto expected = hex(
      "BF2D819BA08198E381955A0A989444999999990940F99F700101900C4D792074657374206553494D910A4F736D6F636F6D53504E92"
      "1C5453343856322D53414950322D312D424552544C562D554E49515545930101944589504E470D0A1A0A0000000D49484452000000"
      "01000000010802000000907753DE0000000C49444154789C63909BF01F00027D01AE71F321CD0000000049454E44AE426082950102");
  EXPECT_EQ(answer(es10_vector_der("ProfileInfoListRequest-iccid-taglist")), expected);
}

TEST_F(ProfilesInfoTest, SearchByIsdpAidFindsThatProfile) {
  auto request = Element::constructed(
      Tag{0xBF2D}, {Element::constructed(Tag{0xA0}, {cmd::aid("A0000005591010FFFFFFFF8900001100")}), tlv::octets(Tag{0x5C}, hex("5A"))});
  EXPECT_EQ(answer(request), hex("BF2D10A00EE30C5A0A98001032547698103214"));
}

TEST_F(ProfilesInfoTest, SearchByProfileClassFindsTheProfilesOfThatClass) {
  auto request = Element::constructed(
      Tag{0xBF2D}, {Element::constructed(Tag{0xA0}, {tlv::integer(Tag{0x95}, 0)}), tlv::octets(Tag{0x5C}, hex("5A9F70"))});
  EXPECT_EQ(answer(request), hex("BF2D14A012E3105A0A980010325476981032149F700100"));
}

TEST_F(ProfilesInfoTest, TagListWithMultiByteTagsSelectsThem) {
  auto request = Element::constructed(Tag{0xBF2D}, {tlv::octets(Tag{0x5C}, hex("9F70"))});
  EXPECT_EQ(answer(request), hex("BF2D0EA00CE3049F700101E3049F700100"));
}

TEST_F(ProfilesInfoTest, AnUnknownIccidGivesAnEmptyList) {
  EXPECT_EQ(answer(search(cmd::iccid("89000000000000000001"))), es10_vector_der("ProfileInfoListResponse-empty"));
}

TEST_F(ProfilesInfoTest, AnUnknownProfileClassIsIncorrectInputValues) {
  EXPECT_EQ(answer(search(tlv::integer(Tag{0x95}, 7))), hex("BF2D03810101"));
}

TEST_F(ProfilesInfoTest, ASearchCriterionOfAnotherTagIsIncorrectInputValues) {
  EXPECT_EQ(answer(search(tlv::octets(Tag{0x80}, hex("01")))), hex("BF2D03810101"));
}

TEST_F(ProfilesInfoTest, ATruncatedTagListIsIncorrectInputValues) {
  auto request = Element::constructed(Tag{0xBF2D}, {tlv::octets(Tag{0x5C}, hex("5A9F"))});
  EXPECT_EQ(answer(request), hex("BF2D03810101"));
}

}  // namespace
}  // namespace lpad::test
