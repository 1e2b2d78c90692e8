// What the card says is what it keeps: every change is in the state file before the answer
// leaves, and a failed write (the card's NVM failing) answers 6F00 and changes nothing.
#include "application_fixture.h"

namespace lpad::test {
namespace {

using tlv::Element;
using tlv::Tag;

constexpr std::string_view kNotifying = "8949449999999990049";

veuicc::EuiccState notifying_card() {
  veuicc::EuiccState s;
  s.profiles.push_back(recorded_notifying_profile());
  s.profiles.push_back(recorded_two_profiles()[1]);
  return s;
}

void expect_same(const veuicc::EuiccState& a, const veuicc::EuiccState& b) {
  ASSERT_EQ(a.profiles.size(), b.profiles.size());
  for (std::size_t i = 0; i < a.profiles.size(); ++i) {
    EXPECT_EQ(a.profiles[i].metadata, b.profiles[i].metadata);
    EXPECT_EQ(a.profiles[i].state, b.profiles[i].state);
    EXPECT_EQ(a.profiles[i].nickname, b.profiles[i].nickname);
  }
  ASSERT_EQ(a.notifications.size(), b.notifications.size());
  for (std::size_t i = 0; i < a.notifications.size(); ++i) {
    EXPECT_EQ(a.notifications[i].metadata, b.notifications[i].metadata);
    EXPECT_EQ(a.notifications[i].pending_notification, b.notifications[i].pending_notification);
  }
  EXPECT_EQ(a.next_seq_number, b.next_seq_number);
  EXPECT_EQ(a.default_dp_address, b.default_dp_address);
}

TEST_F(ApplicationTest, StateSurvivesARestart) {
  start(notifying_card());
  answer(cmd::enable(cmd::iccid(kNotifying)));
  answer(Element::constructed(Tag{0xBF29}, {cmd::iccid(kNotifying), tlv::utf8(Tag{0x90}, "work")}));
  answer(Element::constructed(Tag{0xBF3F}, {tlv::utf8(Tag{0x80}, "smdp.example.org")}));
  auto before = state();
  restart();
  expect_same(state(), before);
  EXPECT_EQ(state().profiles[0].nickname, "work");
  EXPECT_EQ(state().profiles[0].state, rsp::ProfileState::enabled);
}

// Each command that changes the card, sent while the NVM is broken.
class CommitFailureTest : public ApplicationTest, public ::testing::WithParamInterface<std::string> {};

Element changing_command(const std::string& name) {
  if (name == "SetDefaultDpAddress") return Element::constructed(Tag{0xBF3F}, {tlv::utf8(Tag{0x80}, "smdp.example.org")});
  if (name == "RemoveNotificationFromList") return Element::constructed(Tag{0xBF30}, {tlv::integer(Tag{0x80}, 1)});
  if (name == "EnableProfile") return cmd::enable(cmd::iccid(kNotifying));
  if (name == "DisableProfile") return cmd::disable(cmd::iccid("89000123456789012341"));
  if (name == "DeleteProfile") return cmd::remove(cmd::iccid(kNotifying));
  if (name == "MemoryReset") return Element::constructed(Tag{0xBF34}, {tlv::bit_string(Tag{0x82}, tlv::BitString::named({0, 1, 2}))});
  return Element::constructed(Tag{0xBF29}, {cmd::iccid(kNotifying), tlv::utf8(Tag{0x90}, "work")});  // SetNickname
}

TEST_P(CommitFailureTest, AFailedWriteAnswers6F00AndChangesNothing) {
  auto s = notifying_card();
  s.profiles[1].state = rsp::ProfileState::enabled;
  s.default_dp_address = "testsmdpplus1.example.com";
  s.notifications.push_back({{1, rsp::NotificationEvent::install, "testsmdpplus1.example.com", std::nullopt}, hex("300100")});
  s.next_seq_number = 2;
  start(s);
  auto before = state();

  break_nvm();
  auto response = send(changing_command(GetParam()));
  repair_nvm();

  ASSERT_FALSE(response.has_value()) << hex_of(response);
  EXPECT_EQ(response.error(), veuicc::sw::no_precise_diagnosis);
  expect_same(state(), before);
  expect_same(saved_state(), before);
}

INSTANTIATE_TEST_SUITE_P(EveryChangingFunction, CommitFailureTest,
                         ::testing::Values("SetDefaultDpAddress", "RemoveNotificationFromList", "EnableProfile",
                                           "DisableProfile", "DeleteProfile", "MemoryReset", "SetNickname"));

}  // namespace
}  // namespace lpad::test
