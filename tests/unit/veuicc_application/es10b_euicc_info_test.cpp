// ES10b GetEUICCInfo1, GetEUICCInfo2 and GetRAT (SGP.22 sections 5.7.8, 5.7.12).
#include "application_fixture.h"
#include "rsp/euicc_info.h"

namespace lpad::test {
namespace {

const Bytes kSgp26Pkid = hex("F54172BDF98A95D65CBEB88A38A1C11D800A85C3");

rsp::EuiccInfo2 euicc_info2(const Bytes& response) {
  auto node = tlv::decode(response);
  EXPECT_TRUE(node.has_value());
  auto info = rsp::decode_euicc_info2(*node);
  EXPECT_TRUE(info.has_value()) << info.error().describe();
  return *info;
}

TEST_F(ApplicationTest, EuiccInfo1MatchesTheSgp26Vector) {
  veuicc::EuiccState s;
  s.configuration.svn = {2, 2, 0};
  start(s);
  EXPECT_EQ(answer(cmd::empty(0xBF20)), es10_vector_der("EUICCInfo1-svn2.2.0-sgp26"));
}

TEST_F(ApplicationTest, EuiccInfo2ReportsTheConfigurationAndTheCiPkids) {
  veuicc::EuiccState s;
  s.configuration.svn = {2, 2, 2};
  s.configuration.firmware_version = {1, 2, 3};
  s.configuration.profile_version = {2, 3, 1};
  start(s);
  auto info = euicc_info2(answer(cmd::empty(0xBF22)));
  EXPECT_EQ(info.svn, (rsp::Version{2, 2, 2}));
  EXPECT_EQ(info.firmware_version, (rsp::Version{1, 2, 3}));
  EXPECT_EQ(info.profile_version, (rsp::Version{2, 3, 1}));
  EXPECT_EQ(info.ci_pkids_for_verification, std::vector<Bytes>{kSgp26Pkid});
  EXPECT_EQ(info.ci_pkids_for_signing, std::vector<Bytes>{kSgp26Pkid});
  EXPECT_TRUE(info.has(rsp::RspCapability::test_profile_support));
}

TEST_F(ApplicationTest, EuiccInfo2FreeMemoryFollowsTheInstalledPackages) {
  veuicc::EuiccState s;
  s.configuration.total_nvm = 100000;
  s.configuration.free_ram = 4321;
  s.profiles.push_back(recorded_notifying_profile());  // a 4000-byte package
  start(s);
  auto info = euicc_info2(answer(cmd::empty(0xBF22)));
  EXPECT_EQ(info.free_nvm(), 96000u);
  EXPECT_EQ(info.free_ram(), 4321u);
  EXPECT_EQ(info.installed_applications(), 1u);
}

TEST_F(ApplicationTest, EuiccInfo2ClaimsAdditionalProfileWhileAnotherFits) {
  veuicc::EuiccState s;
  s.configuration.max_profiles = 2;
  s.profiles.push_back(recorded_notifying_profile());
  start(s);
  EXPECT_TRUE(euicc_info2(answer(cmd::empty(0xBF22))).has(rsp::RspCapability::additional_profile));
}

TEST_F(ApplicationTest, EuiccInfo2DropsAdditionalProfileWhenTheProfileSlotsAreFull) {
  veuicc::EuiccState s;
  s.configuration.max_profiles = 1;
  s.profiles.push_back(recorded_notifying_profile());
  start(s);
  EXPECT_FALSE(euicc_info2(answer(cmd::empty(0xBF22))).has(rsp::RspCapability::additional_profile));
}

TEST_F(ApplicationTest, EuiccInfo2DropsAdditionalProfileWhenTheMemoryIsFull) {
  veuicc::EuiccState s;
  s.configuration.total_nvm = 5000;  // 1000 bytes left after the 4000-byte package
  s.profiles.push_back(recorded_notifying_profile());
  start(s);
  EXPECT_FALSE(euicc_info2(answer(cmd::empty(0xBF22))).has(rsp::RspCapability::additional_profile));
}

TEST_F(ApplicationTest, GetRatAnswersTheFixedAnyOperatorTable) {
  start({});
  // BF43 { rat [0] { SEQUENCE { pprIds [0] {ppr1, ppr2}, allowedOperators [1] { OperatorId
  //   { mccMnc 'EEEEEE' } }, pprFlags [2] {consentRequired} } } }
  EXPECT_EQ(answer(cmd::empty(0xBF43)), hex("BF4315A013301180020560A10730058003EEEEEE82020780"));
}

}  // namespace
}  // namespace lpad::test
