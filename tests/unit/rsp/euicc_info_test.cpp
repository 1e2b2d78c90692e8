#include "rsp/euicc_info.h"

#include <gtest/gtest.h>

#include "support/shared_data.h"

namespace lpad::rsp {
namespace {

using test::es10_vector_der;

TEST(EuiccInfo1, RoundTripsTheRecordedStructure) {
  auto der = es10_vector_der("EUICCInfo1-svn2.2.0-sgp26");
  auto info = decode_euicc_info1(*tlv::decode(der));
  ASSERT_TRUE(info) << info.error().describe();
  EXPECT_EQ(info->svn, (Version{2, 2, 0}));
  ASSERT_EQ(info->ci_pkids_for_verification.size(), 1u);
  EXPECT_EQ(to_hex(info->ci_pkids_for_signing[0]), "F54172BDF98A95D65CBEB88A38A1C11D800A85C3");
  EXPECT_EQ(to_hex(encode_euicc_info1(*info).encode()), to_hex(der));
}

TEST(EuiccInfo2, RoundTripsTheRecordedStructure) {
  auto der = es10_vector_der("EUICCInfo2-es9p_client");
  auto info = decode_euicc_info2(*tlv::decode(der));
  ASSERT_TRUE(info) << info.error().describe();
  EXPECT_EQ(info->svn.to_string(), "2.4.0");
  EXPECT_EQ(info->firmware_version, (Version{0x23, 0x42, 0x00}));
  EXPECT_EQ(info->javacard_version, (Version{0x11, 0x02, 0x00}));
  EXPECT_EQ(info->sas_accreditation_number, "OSMOCOM-TEST-1");
  EXPECT_EQ(to_hex(encode_euicc_info2(*info).encode()), to_hex(der));
}

TEST(EuiccInfo2, ReadsFreeMemoryFromExtCardResource) {
  auto info = *decode_euicc_info2(*tlv::decode(es10_vector_der("EUICCInfo2-es9p_client")));
  // 81 01 00 82 04 00049C68 83 02 2223
  EXPECT_EQ(info.installed_applications(), 0u);
  EXPECT_EQ(info.free_nvm(), 0x49C68u);
  EXPECT_EQ(info.free_ram(), 0x2223u);
}

TEST(EuiccInfo2, RspCapabilityBits) {
  auto info = *decode_euicc_info2(*tlv::decode(es10_vector_der("EUICCInfo2-es9p_client")));
  // 9C, 6 bits: additionalProfile, testProfileSupport, deviceInfoExtensibility, bit 5
  EXPECT_TRUE(info.has(RspCapability::additional_profile));
  EXPECT_FALSE(info.has(RspCapability::crl_support));
  EXPECT_TRUE(info.has(RspCapability::test_profile_support));
}

TEST(ExtCardResource, BuiltFromCountsReadsBack) {
  EuiccInfo2 info;
  info.ext_card_resource = make_ext_card_resource(3, 0x49C68, 0x2223);
  EXPECT_EQ(to_hex(info.ext_card_resource), "8101038203049C688302222" "3");
  EXPECT_EQ(info.free_nvm(), 0x49C68u);
}

TEST(ConfiguredAddresses, RoundTripsTheRecordedStructure) {
  auto der = es10_vector_der("EuiccConfiguredAddressesResponse");
  auto a = decode_configured_addresses(*tlv::decode(der));
  ASSERT_TRUE(a);
  EXPECT_EQ(a->default_dp_address, "testsmdpplus1.example.com");
  EXPECT_EQ(a->root_ds_address, "lpa.ds.gsma.com");
  EXPECT_EQ(to_hex(encode_configured_addresses(*a).encode()), to_hex(der));
}

}  // namespace
}  // namespace lpad::rsp
