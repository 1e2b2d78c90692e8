#include "lpad/euicc_snapshot.h"

#include <gtest/gtest.h>

namespace lpad::daemon {
namespace {

EuiccSnapshot known() {
  EuiccSnapshot snapshot;
  snapshot.eid = "89049032123451234512345678901235";
  snapshot.addresses.default_dp_address = "old.example.com";
  snapshot.profiles.emplace_back().nickname = "old";
  return snapshot;
}

TEST(SnapshotUpdate, ReplacesOnlyThePartsItRead) {
  SnapshotUpdate update;
  update.profiles.emplace().emplace_back().nickname = "new";
  auto next = update.applied_to(known());
  EXPECT_EQ(next.eid, known().eid);
  EXPECT_EQ(next.addresses.default_dp_address, "old.example.com");
  ASSERT_EQ(next.profiles.size(), 1u);
  EXPECT_EQ(next.profiles[0].nickname, "new");
}

TEST(SnapshotUpdate, WithNothingReadIsEmpty) {
  EXPECT_TRUE(SnapshotUpdate{}.empty());
  SnapshotUpdate update;
  update.addresses.emplace();
  EXPECT_FALSE(update.empty());
}

TEST(SnapshotParts, CombineAndTest) {
  auto parts = SnapshotParts::profiles | SnapshotParts::info2;
  EXPECT_TRUE(includes(parts, SnapshotParts::profiles));
  EXPECT_TRUE(includes(parts, SnapshotParts::info2));
  EXPECT_FALSE(includes(parts, SnapshotParts::addresses));
  EXPECT_FALSE(includes(SnapshotParts::none, SnapshotParts::profiles));
  EXPECT_TRUE(includes(SnapshotParts::all, SnapshotParts::addresses));
}

}  // namespace
}  // namespace lpad::daemon
