#include "rsp/profile.h"

#include <gtest/gtest.h>

#include "rsp/tags.h"
#include "support/shared_data.h"

namespace lpad::rsp {
namespace {

using test::es10_vector_der;

std::vector<ProfileInfo> profiles_of(const Bytes& der) {
  auto response = tlv::decode(der, tags::kProfileInfoList);
  EXPECT_TRUE(response);
  std::vector<ProfileInfo> out;
  for (const auto& node : response->require(tags::profile::kProfileInfoListOk)->children()) {
    auto p = decode_profile_info(node);
    EXPECT_TRUE(p) << p.error().describe();
    if (p) out.push_back(*p);
  }
  return out;
}

TEST(ProfileInfo, DecodesTheRecordedListOfTwoProfiles) {
  auto profiles = profiles_of(es10_vector_der("ProfileInfoListResponse-two-profiles"));
  ASSERT_EQ(profiles.size(), 2u);
  const auto& p = profiles[0];
  EXPECT_EQ(p.iccid->digits(), "8949449999999990049");
  EXPECT_EQ(to_hex(*p.isdp_aid), "A0000005591010FFFFFFFF8900001000");
  EXPECT_EQ(p.state, ProfileState::enabled);
  EXPECT_EQ(p.nickname, "My test eSIM");
  EXPECT_EQ(p.service_provider_name, "OsmocomSPN");
  EXPECT_EQ(p.profile_name, "TS48V2-SAIP2-1-BERTLV-UNIQUE");
  EXPECT_EQ(p.icon_type, IconType::png);
  EXPECT_EQ(p.icon->size(), 69u);
  EXPECT_EQ(p.profile_class, ProfileClass::operational);
  EXPECT_EQ(profiles[1].state, ProfileState::disabled);
  EXPECT_EQ(profiles[1].profile_class, ProfileClass::test);
  EXPECT_FALSE(profiles[1].nickname);
}

TEST(ProfileInfo, AbsentProfileClassStaysAbsent) {
  // ProfileInfo.profileClass is OPTIONAL without DEFAULT: an LPA must not invent one.
  auto profiles = profiles_of(es10_vector_der("ProfileInfoListResponse-default-profileClass-omitted"));
  ASSERT_EQ(profiles.size(), 2u);
  EXPECT_FALSE(profiles[0].profile_class);
}

TEST(ProfileInfo, EncodesEachProfileAsRecorded) {
  auto der = es10_vector_der("ProfileInfoListResponse-two-profiles");
  auto profiles = profiles_of(der);
  auto list = tlv::Element::constructed(tags::profile::kProfileInfoListOk);
  for (const auto& p : profiles) list.add(encode_profile_info(p));
  EXPECT_EQ(to_hex(tlv::Element::constructed(tags::kProfileInfoList, {std::move(list)}).encode()), to_hex(der));
}

TEST(ProfileInfo, RejectsAProfileStateOutsideTheEnumeration) {
  auto der = test::hex("E3 04 9F70 01 07");
  auto p = decode_profile_info(*tlv::decode(der));
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().code, Errc::tlv_bad_value);
}

TEST(ProfileMetadata, DecodesTheRecordedStoreMetadataRequest) {
  auto der = es10_vector_der("StoreMetadataRequest-recorded");
  auto m = decode_profile_metadata(*tlv::decode(der));
  ASSERT_TRUE(m) << m.error().describe();
  EXPECT_EQ(m->iccid.digits(), "8949449999999990049");
  EXPECT_EQ(m->service_provider_name, "OsmocomSPN");
  EXPECT_EQ(m->profile_class, ProfileClass::operational);
  ASSERT_EQ(m->notification_configuration.size(), 3u);
  EXPECT_EQ(m->notification_configuration[0].operations, (NotificationEvents{NotificationEvent::enable}));
  EXPECT_EQ(m->notification_configuration[2].operations, (NotificationEvents{NotificationEvent::delete_profile}));
  EXPECT_EQ(m->notification_configuration[1].address, "testsmdpplus1.example.com");
}

TEST(ProfileMetadata, EncodingLeavesOutTheDefaultClassAndDecodesBack) {
  auto recorded = *decode_profile_metadata(*tlv::decode(es10_vector_der("StoreMetadataRequest-recorded")));
  auto der = encode_profile_metadata(recorded).encode();
  // The recording's encoder wrote 95 01 02 (the DEFAULT); DER leaves it out: 3 bytes shorter.
  EXPECT_EQ(der.size(), es10_vector_der("StoreMetadataRequest-recorded").size() - 3);
  EXPECT_EQ(*decode_profile_metadata(*tlv::decode(der)), recorded);
}

TEST(ProfileMetadata, PolicyRulesAndOwnerRoundTrip) {
  ProfileMetadata m{*Iccid::from_digits("89000123456789012341"), "SP", "Name", IconType::jpg, Bytes{1, 2}, ProfileClass::test,
                    {{NotificationEvents{NotificationEvent::install, NotificationEvent::delete_profile}, "smdp.test.lpad"}},
                    OperatorId{{0x21, 0xF3, 0x54}, Bytes{0xFF}, std::nullopt}, PolicyRules{false, true, true}};
  auto der = encode_profile_metadata(m).encode();
  EXPECT_EQ(*decode_profile_metadata(*tlv::decode(der)), m);
}

TEST(ProfileMetadata, MissingIccidIsAMissingElement) {
  auto der = test::hex("BF25 06 91 01 41 92 01 42");
  auto m = decode_profile_metadata(*tlv::decode(der));
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().code, Errc::tlv_missing_element);
}

TEST(PolicyRules, NamedBitsInDerForm) {
  EXPECT_EQ(encode_policy_rules({false, true, false}), tlv::BitString::named({1}));
  EXPECT_EQ(encode_policy_rules({false, false, false}), tlv::BitString{});
  EXPECT_EQ(decode_policy_rules(tlv::BitString::named({2})), (PolicyRules{false, false, true}));
}

}  // namespace
}  // namespace lpad::rsp
