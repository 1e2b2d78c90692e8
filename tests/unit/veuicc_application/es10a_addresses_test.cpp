// ES10a GetEuiccConfiguredAddresses / SetDefaultDpAddress (SGP.22 sections 5.7.3, 5.7.4).
#include "application_fixture.h"

namespace lpad::test {
namespace {

using tlv::Element;
using tlv::Tag;

Element set_default_dp(std::string_view address) {
  return Element::constructed(Tag{0xBF3F}, {tlv::utf8(Tag{0x80}, address)});
}

TEST_F(ApplicationTest, ConfiguredAddressesMatchTheRecordedResponse) {
  veuicc::EuiccState s;
  s.default_dp_address = "testsmdpplus1.example.com";
  start(s);
  EXPECT_EQ(answer(cmd::empty(0xBF3C)), es10_vector_der("EuiccConfiguredAddressesResponse"));
}

TEST_F(ApplicationTest, ConfiguredAddressesLeaveOutAnUnsetDefaultAddress) {
  start({});
  // BF3C { rootDsAddress [1] "lpa.ds.gsma.com" }
  EXPECT_EQ(answer(cmd::empty(0xBF3C)), hex("BF3C11810F6C70612E64732E67736D612E636F6D"));
}

TEST_F(ApplicationTest, SetDefaultDpAddressStoresItAndAnswersOk) {
  start({});
  EXPECT_EQ(answer(set_default_dp("testsmdpplus1.example.com")), hex("BF3F03800100"));
  EXPECT_EQ(answer(cmd::empty(0xBF3C)), es10_vector_der("EuiccConfiguredAddressesResponse"));
  EXPECT_EQ(saved_state().default_dp_address, "testsmdpplus1.example.com");
}

TEST_F(ApplicationTest, SetDefaultDpAddressWithAnEmptyAddressRemovesTheDefault) {
  veuicc::EuiccState s;
  s.default_dp_address = "testsmdpplus1.example.com";
  start(s);
  EXPECT_EQ(answer(set_default_dp("")), hex("BF3F03800100"));
  EXPECT_FALSE(state().default_dp_address.has_value());
}

TEST_F(ApplicationTest, SetDefaultDpAddressLongerThanAnFqdnIsUndefinedError) {
  start({});
  EXPECT_EQ(answer(set_default_dp(std::string(256, 'a'))), hex("BF3F0380017F"));
  EXPECT_FALSE(state().default_dp_address.has_value());
}

TEST_F(ApplicationTest, SetDefaultDpAddressWithoutTheAddressIsRefusedWith6A80) {
  start({});
  auto response = send(cmd::empty(0xBF3F));
  ASSERT_FALSE(response.has_value());
  EXPECT_EQ(response.error(), veuicc::sw::incorrect_data);
}

}  // namespace
}  // namespace lpad::test
