// The codec against SGP.22 structures: trees built from the ASN.1 in
// ../shared/asn1/RSPDefinitions.asn must encode to the DER an independent implementation produced
// (../shared/vectors/es10-structures.json), and that DER must decode to the values it recorded.
#include <gtest/gtest.h>

#include "support/shared_data.h"
#include "tlv/builder.h"
#include "tlv/decoder.h"
#include "tlv/values.h"

namespace lpad::tlv {
namespace {

using test::es10_vector_der;
using test::es10_vector_value;
using test::hex;

// Tags as RSPDefinitions.asn gives them (AUTOMATIC TAGS; explicit [n] noted).
constexpr Tag kEuiccInfo1{0xBF20};             // EUICCInfo1 ::= [32] SEQUENCE
constexpr Tag kSvn{0x82};                      //   svn [2] VersionType
constexpr Tag kCiPkidsForVerification{0xA9};   //   [9] SEQUENCE OF SubjectKeyIdentifier
constexpr Tag kCiPkidsForSigning{0xAA};        //   [10] SEQUENCE OF SubjectKeyIdentifier
constexpr Tag kSubjectKeyIdentifier{0x04};     //   SubjectKeyIdentifier ::= OCTET STRING
constexpr Tag kGetEuiccDataResponse{0xBF3E};   // GetEuiccDataResponse ::= [62] SEQUENCE
constexpr Tag kEidValue{0x5A};                 //   eidValue [APPLICATION 26] Octet16
constexpr Tag kProfileInfoListResponse{0xBF2D};  // ProfileInfoListResponse ::= [45] CHOICE
constexpr Tag kProfileInfoListOk{0xA0};        //   profileInfoListOk SEQUENCE OF ProfileInfo
constexpr Tag kProfileInfo{0xE3};              // ProfileInfo ::= [PRIVATE 3] SEQUENCE
constexpr Tag kIccid{0x5A};
constexpr Tag kIsdpAid{0x4F};
constexpr Tag kProfileState{0x9F70};
constexpr Tag kProfileNickname{0x90};
constexpr Tag kServiceProviderName{0x91};
constexpr Tag kProfileName{0x92};
constexpr Tag kIconType{0x93};
constexpr Tag kIcon{0x94};
constexpr Tag kProfileClass{0x95};

Bytes json_hex(const nlohmann::json& v) { return hex(v["hex"].get<std::string>()); }

TEST(RspStructures, GetEuiccDataResponseEncodesAsRecorded) {
  auto value = es10_vector_value("GetEuiccDataResponse-EID");
  auto der = Element::constructed(kGetEuiccDataResponse, {octets(kEidValue, json_hex(value["eidValue"]))}).encode();
  EXPECT_EQ(to_hex(der), to_hex(es10_vector_der("GetEuiccDataResponse-EID")));
}

TEST(RspStructures, GetEuiccDataResponseDecodesTheEid) {
  auto der = es10_vector_der("GetEuiccDataResponse-EID");
  auto node = decode(der, kGetEuiccDataResponse);
  ASSERT_TRUE(node);
  EXPECT_EQ(to_hex(node->require(kEidValue)->value()), "89049032123451234512345678901235");
}

Element euicc_info1(const nlohmann::json& value) {
  auto verification = Element::constructed(kCiPkidsForVerification);
  for (const auto& pkid : value["euiccCiPKIdListForVerification"]) verification.add(octets(kSubjectKeyIdentifier, json_hex(pkid)));
  auto signing = Element::constructed(kCiPkidsForSigning);
  for (const auto& pkid : value["euiccCiPKIdListForSigning"]) signing.add(octets(kSubjectKeyIdentifier, json_hex(pkid)));
  return Element::constructed(kEuiccInfo1, {octets(kSvn, json_hex(value["svn"])), std::move(verification), std::move(signing)});
}

TEST(RspStructures, EuiccInfo1EncodesAsRecorded) {
  for (auto name : {"EUICCInfo1-svn2.2.0-sgp26", "EUICCInfo1-es9p_client"}) {
    EXPECT_EQ(to_hex(euicc_info1(es10_vector_value(name)).encode()), to_hex(es10_vector_der(name))) << name;
  }
}

TEST(RspStructures, EuiccInfo1DecodesSvnAndCiPkids) {
  auto der = es10_vector_der("EUICCInfo1-svn2.2.0-sgp26");
  auto node = decode(der, kEuiccInfo1);
  ASSERT_TRUE(node);
  EXPECT_EQ(to_hex(node->require(kSvn)->value()), "020200");
  auto pkids = node->require(kCiPkidsForVerification);
  ASSERT_TRUE(pkids);
  ASSERT_EQ(pkids->child_count(), 1u);
  EXPECT_EQ(to_hex((*pkids->children().begin()).value()), "F54172BDF98A95D65CBEB88A38A1C11D800A85C3");
}

// ProfileInfo from the recorded JSON value; DEFAULT operational(2) written explicitly when the
// value holds the number, as the recording's encoder does.
Element profile_info(const nlohmann::json& p) {
  auto e = Element::constructed(kProfileInfo);
  e.add(octets(kIccid, json_hex(p["iccid"])));
  e.add(octets(kIsdpAid, json_hex(p["isdpAid"])));
  e.add(integer(kProfileState, p["profileState"].get<int>()));
  if (p.contains("profileNickname")) e.add(utf8(kProfileNickname, p["profileNickname"].get<std::string>()));
  e.add(utf8(kServiceProviderName, p["serviceProviderName"].get<std::string>()));
  e.add(utf8(kProfileName, p["profileName"].get<std::string>()));
  if (p.contains("iconType")) e.add(integer(kIconType, p["iconType"].get<int>()));
  if (p.contains("icon")) e.add(octets(kIcon, json_hex(p["icon"])));
  if (p["profileClass"].is_number()) e.add(integer(kProfileClass, p["profileClass"].get<int>()));
  return e;
}

TEST(RspStructures, ProfileInfoListWithTwoProfilesEncodesAsRecorded) {
  for (auto name : {"ProfileInfoListResponse-two-profiles", "ProfileInfoListResponse-default-profileClass-omitted"}) {
    auto value = es10_vector_value(name);
    auto list = Element::constructed(kProfileInfoListOk);
    for (const auto& p : value["value"]) list.add(profile_info(p));
    auto der = Element::constructed(kProfileInfoListResponse, {std::move(list)}).encode();
    EXPECT_EQ(to_hex(der), to_hex(es10_vector_der(name))) << name;
  }
}

TEST(RspStructures, ProfileInfoListWithTwoProfilesDecodesEveryField) {
  auto der = es10_vector_der("ProfileInfoListResponse-two-profiles");
  auto response = decode(der, kProfileInfoListResponse);
  ASSERT_TRUE(response);
  auto list = response->require(kProfileInfoListOk);
  ASSERT_TRUE(list);
  std::vector<Node> profiles(list->children().begin(), list->children().end());
  ASSERT_EQ(profiles.size(), 2u);

  const auto& first = profiles[0];
  EXPECT_EQ(first.tag(), kProfileInfo);
  EXPECT_EQ(read_iccid(*first.require(kIccid))->digits(), "8949449999999990049");
  EXPECT_EQ(to_hex(first.require(kIsdpAid)->value()), "A0000005591010FFFFFFFF8900001000");
  EXPECT_EQ(*read_integer(*first.require(kProfileState)), 1);
  EXPECT_EQ(*read_utf8(*first.require(kProfileNickname)), "My test eSIM");
  EXPECT_EQ(*read_utf8(*first.require(kServiceProviderName)), "OsmocomSPN");
  EXPECT_EQ(*read_utf8(*first.require(kProfileName)), "TS48V2-SAIP2-1-BERTLV-UNIQUE");
  EXPECT_EQ(*read_integer(*first.require(kIconType)), 1);
  EXPECT_EQ(first.require(kIcon)->value().size(), 69u);
  EXPECT_EQ(*read_integer(*first.require(kProfileClass)), 2);

  const auto& second = profiles[1];
  EXPECT_EQ(read_iccid(*second.require(kIccid))->digits(), "89000123456789012341");
  EXPECT_EQ(*read_integer(*second.require(kProfileState)), 0);
  EXPECT_FALSE(second.find(kProfileNickname));
  EXPECT_EQ(*read_integer(*second.require(kProfileClass)), 0);
}

TEST(RspStructures, EveryRecordedStructureDecodesStrictly) {
  auto doc = test::read_json(test::shared_dir() / "vectors" / "es10-structures.json");
  for (const auto& s : doc["structures"]) {
    auto der = hex(s["der_hex"].get<std::string>());
    auto node = decode(der);
    EXPECT_TRUE(node) << s["name"] << ": " << (node ? "" : node.error().describe());
  }
}

}  // namespace
}  // namespace lpad::tlv
