// Notifications of enable, disable and delete (SGP.22 sections 3.5, 5.7.9): created when the
// profile's notificationConfigurationInfo asks, numbered strictly increasing across restarts,
// signed by the eUICC, kept after the profile is deleted.
#include "application_fixture.h"
#include "crypto/certificate.h"
#include "crypto/ecdsa.h"

namespace lpad::test {
namespace {

using tlv::Element;
using tlv::Tag;

constexpr std::string_view kNotifying = "8949449999999990049";  // StoreMetadataRequest-recorded

class ProfileNotificationsTest : public ApplicationTest {
 protected:
  void SetUp() override {
    ApplicationTest::SetUp();
    veuicc::EuiccState s;
    s.profiles.push_back(recorded_notifying_profile());
    start(s);
  }
  std::vector<std::uint64_t> seq_numbers() {
    std::vector<std::uint64_t> out;
    for (const auto& n : state().notifications) out.push_back(n.metadata.seq_number);
    return out;
  }
};

TEST_F(ProfileNotificationsTest, EnableProfileAddsTheRecordedEnableNotificationMetadata) {
  veuicc::EuiccState s = saved_state();
  s.next_seq_number = 2;  // NotificationMetadata-enable carries seqNumber 2
  start(s);
  EXPECT_EQ(answer(cmd::enable(cmd::iccid(kNotifying))), hex("BF3103800100"));
  auto metadata = es10_vector_der("NotificationMetadata-enable");
  Bytes expected = hex("BF2833A031");
  expected.insert(expected.end(), metadata.begin(), metadata.end());
  EXPECT_EQ(answer(cmd::empty(0xBF28)), expected);
}

TEST_F(ProfileNotificationsTest, OtherSignedNotificationCarriesBothCertificatesAndAVerifyingSignature) {
  answer(cmd::enable(cmd::iccid(kNotifying)));
  auto list = answer(Element::constructed(Tag{0xBF2B}, {Element::constructed(Tag{0xA0}, {tlv::integer(Tag{0x80}, 1)})}));
  auto response = tlv::decode(list);
  ASSERT_TRUE(response.has_value());
  auto other = response->find(Tag{0xA0})->find(Tag{0x30});
  ASSERT_TRUE(other.has_value());
  std::vector<tlv::Node> members(other->children().begin(), other->children().end());
  ASSERT_EQ(members.size(), 4u);
  EXPECT_EQ(members[0].tag(), Tag{0xBF2F});
  EXPECT_EQ(members[1].tag(), Tag{0x5F37});
  auto euicc_der = read_file(shared_dir() / "pki" / "sgp26" / "CERT_EUICC_ECDSA_NIST.der");
  auto eum_der = read_file(shared_dir() / "pki" / "sgp26" / "CERT_EUM_ECDSA_NIST.der");
  EXPECT_EQ(Bytes(members[2].encoded().begin(), members[2].encoded().end()), euicc_der);
  EXPECT_EQ(Bytes(members[3].encoded().begin(), members[3].encoded().end()), eum_der);

  auto key = crypto::Certificate::from_der(euicc_der)->public_key();
  ASSERT_TRUE(key.has_value());
  auto verified = crypto::ecdsa_verify(*key, members[0].encoded(), members[1].value());
  EXPECT_TRUE(verified.has_value()) << verified.error().describe();
}

TEST_F(ProfileNotificationsTest, EnablingAnotherProfileNotifiesTheDisableOfTheFirst) {
  veuicc::EuiccState s = saved_state();
  s.profiles[0].state = rsp::ProfileState::enabled;
  auto other = recorded_two_profiles()[1];
  s.profiles.push_back(other);
  start(s);
  EXPECT_EQ(answer(cmd::enable(cmd::iccid(other.metadata.iccid.digits()))), hex("BF3103800100"));
  ASSERT_EQ(state().notifications.size(), 1u);
  EXPECT_EQ(state().notifications[0].metadata.operation, rsp::NotificationEvent::disable);
  EXPECT_EQ(state().notifications[0].metadata.iccid->digits(), kNotifying);
}

TEST_F(ProfileNotificationsTest, DeleteNotificationStaysAfterTheProfileIsGone) {
  EXPECT_EQ(answer(cmd::remove(cmd::iccid(kNotifying))), hex("BF3303800100"));
  EXPECT_TRUE(state().profiles.empty());
  auto saved = saved_state();
  ASSERT_EQ(saved.notifications.size(), 1u);
  const auto& n = saved.notifications[0].metadata;
  EXPECT_EQ(n.operation, rsp::NotificationEvent::delete_profile);
  EXPECT_EQ(n.address, "testsmdpplus1.example.com");
  EXPECT_EQ(n.iccid->digits(), kNotifying);
}

TEST_F(ProfileNotificationsTest, SeqNumbersKeepIncreasingAcrossRestarts) {
  answer(cmd::enable(cmd::iccid(kNotifying)));
  restart();
  answer(cmd::disable(cmd::iccid(kNotifying)));
  restart();
  answer(cmd::enable(cmd::iccid(kNotifying)));
  EXPECT_EQ(seq_numbers(), (std::vector<std::uint64_t>{1, 2, 3}));
}

TEST_F(ProfileNotificationsTest, SeqNumbersOfRemovedNotificationsAreNeverReused) {
  answer(cmd::enable(cmd::iccid(kNotifying)));
  answer(Element::constructed(Tag{0xBF30}, {tlv::integer(Tag{0x80}, 1)}));
  restart();
  answer(cmd::disable(cmd::iccid(kNotifying)));
  EXPECT_EQ(seq_numbers(), (std::vector<std::uint64_t>{2}));
}

}  // namespace
}  // namespace lpad::test
