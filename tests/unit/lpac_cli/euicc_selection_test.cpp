// --euicc EID|INDEX against the daemon's list, without a daemon.
#include "lpac-cli/daemon/euicc_selection.h"

#include <gtest/gtest.h>

namespace lpad::cli::daemon {
namespace {

EuiccObject euicc(std::string eid, std::string device) {
  EuiccObject e;
  e.path = "/org/lpad/Lpad1/euicc/" + device;
  e.eid = std::move(eid);
  e.backend = "pcsc";
  e.device = std::move(device);
  return e;
}

const std::string kEid1 = "89049032123451234512345678901235";
const std::string kEid2 = "89049032123451234512345678901236";

TEST(EuiccSelection, TheOnlyOneNeedsNoChoice) {
  auto index = select_euicc({euicc(kEid1, "r0")}, std::nullopt);
  ASSERT_TRUE(index);
  EXPECT_EQ(*index, 0u);
}

TEST(EuiccSelection, SeveralWithoutChoiceListThem) {
  auto index = select_euicc({euicc(kEid1, "r0"), euicc(kEid2, "r1")}, std::nullopt);
  ASSERT_FALSE(index);
  EXPECT_EQ(index.error().code, Errc::invalid_argument);
  EXPECT_NE(index.error().message.find("--euicc"), std::string::npos);
  EXPECT_NE(index.error().message.find(kEid1), std::string::npos);
  EXPECT_NE(index.error().message.find(kEid2), std::string::npos);
}

TEST(EuiccSelection, ByEidOrIndex) {
  std::vector<EuiccObject> list{euicc(kEid1, "r0"), euicc(kEid2, "r1")};
  EXPECT_EQ(select_euicc(list, kEid2).value(), 1u);
  EXPECT_EQ(select_euicc(list, "0").value(), 0u);
  EXPECT_EQ(select_euicc(list, "1").value(), 1u);
}

TEST(EuiccSelection, UnknownEidOrIndexIsAnError) {
  std::vector<EuiccObject> list{euicc(kEid1, "r0")};
  for (const char* selector : {"2", "-1", "1x", "", "89049032123451234512345678909999"}) {
    auto index = select_euicc(list, std::string(selector));
    ASSERT_FALSE(index) << selector;
    EXPECT_NE(index.error().message.find(kEid1), std::string::npos) << selector;
  }
}

TEST(EuiccSelection, NoEuiccAtAll) {
  auto index = select_euicc({}, std::nullopt);
  ASSERT_FALSE(index);
  EXPECT_EQ(index.error().code, Errc::apdu_card_removed);
}

TEST(EuiccSelection, ListingAsJson) {
  auto doc = euiccs_json({euicc(kEid1, "lpad veuicc 00 00")});
  EXPECT_EQ(doc, nlohmann::json::parse(R"({"euiccs": [{"index": 0, "eid": ")" + kEid1 +
                                      R"(", "backend": "pcsc", "device": "lpad veuicc 00 00"}]})"));
  EXPECT_NE(euiccs_table({euicc(kEid1, "r0")}).find(kEid1), std::string::npos);
}

}  // namespace
}  // namespace lpad::cli::daemon
