// ES10b ListNotification, RetrieveNotificationsList, RemoveNotificationFromList (SGP.22 sections
// 5.7.9-5.7.11), over notifications seeded from the recorded vectors.
#include "application_fixture.h"

namespace lpad::test {
namespace {

using tlv::Element;
using tlv::Tag;

// The recorded install notification (seq 1, a ProfileInstallationResult) and an enable
// notification (seq 2, NotificationMetadata-enable inside an OtherSignedNotification-shaped DER).
veuicc::EuiccState state_with_two_notifications() {
  veuicc::EuiccState s;
  auto pir = es10_vector_der("PendingNotification-PIR-recorded");
  auto pending = rsp::decode_pending_notification(*tlv::decode(pir));
  s.notifications.push_back({pending->metadata, pir});
  auto enable_der = es10_vector_der("NotificationMetadata-enable");
  auto enable = rsp::decode_notification_metadata(*tlv::decode(enable_der));
  auto other = Element::constructed(Tag{0x30}, {Element::preencoded(enable_der)}).encode();
  s.notifications.push_back({*enable, other});
  s.next_seq_number = 3;
  return s;
}

Element retrieve_by_seq(std::int64_t seq) {
  return Element::constructed(Tag{0xBF2B}, {Element::constructed(Tag{0xA0}, {tlv::integer(Tag{0x80}, seq)})});
}
Element retrieve_by_operation(rsp::NotificationEvent event) {
  return Element::constructed(Tag{0xBF2B},
                              {Element::constructed(Tag{0xA0}, {tlv::bit_string(Tag{0x81}, rsp::NotificationEvents{event}.to_bits())})});
}

TEST_F(ApplicationTest, ListNotificationIsEmptyWhenNoneArePending) {
  start({});
  EXPECT_EQ(answer(cmd::empty(0xBF28)), hex("BF2802A000"));
}

TEST_F(ApplicationTest, ListNotificationListsTheMetadataOfEveryNotification) {
  start(state_with_two_notifications());
  auto install = es10_vector_der("ListNotificationResponse-install");  // BF28 33 A0 31 <BF2F..>
  auto enable = es10_vector_der("NotificationMetadata-enable");
  Bytes expected = hex("BF2864A062");
  expected.insert(expected.end(), install.begin() + 5, install.end());
  expected.insert(expected.end(), enable.begin(), enable.end());
  EXPECT_EQ(answer(cmd::empty(0xBF28)), expected);
}

TEST_F(ApplicationTest, ListNotificationFiltersByOperation) {
  start(state_with_two_notifications());
  auto request = Element::constructed(Tag{0xBF28}, {tlv::bit_string(Tag{0x81}, rsp::NotificationEvents{rsp::NotificationEvent::install}.to_bits())});
  EXPECT_EQ(answer(request), es10_vector_der("ListNotificationResponse-install"));
}

TEST_F(ApplicationTest, RetrieveNotificationsListBySeqNumberReturnsThatNotification) {
  start(state_with_two_notifications());
  EXPECT_EQ(answer(retrieve_by_seq(1)), es10_vector_der("RetrieveNotificationsListResponse-PIR"));
}

TEST_F(ApplicationTest, RetrieveNotificationsListByOperationReturnsTheMatchingOnes) {
  start(state_with_two_notifications());
  EXPECT_EQ(answer(retrieve_by_operation(rsp::NotificationEvent::install)), es10_vector_der("RetrieveNotificationsListResponse-PIR"));
}

TEST_F(ApplicationTest, RetrieveNotificationsListWithoutCriteriaReturnsAll) {
  auto s = state_with_two_notifications();
  start(s);
  auto list = Element::constructed(Tag{0xA0});
  for (const auto& n : s.notifications) list.add(Element::preencoded(n.pending_notification));
  EXPECT_EQ(answer(cmd::empty(0xBF2B)), Element::constructed(Tag{0xBF2B}, {std::move(list)}).encode());
}

TEST_F(ApplicationTest, RetrieveNotificationsListForAnAbsentSeqNumberIsNoResultAvailable) {
  start(state_with_two_notifications());
  EXPECT_EQ(answer(retrieve_by_seq(7)), hex("BF2B03810101"));
}

TEST_F(ApplicationTest, RetrieveNotificationsListByOperationWithoutMatchIsAnEmptyList) {
  start(state_with_two_notifications());
  EXPECT_EQ(answer(retrieve_by_operation(rsp::NotificationEvent::delete_profile)), hex("BF2B02A000"));
}

TEST_F(ApplicationTest, RemoveNotificationFromListDeletesItAndAnswersOk) {
  start(state_with_two_notifications());
  EXPECT_EQ(answer(es10_vector_der("NotificationSentRequest-1")), hex("BF3003800100"));
  EXPECT_EQ(answer(retrieve_by_seq(1)), hex("BF2B03810101"));
  ASSERT_EQ(saved_state().notifications.size(), 1u);
  EXPECT_EQ(saved_state().notifications[0].metadata.seq_number, 2u);
}

TEST_F(ApplicationTest, RemoveNotificationFromListForAnUnknownSeqNumberIsNothingToDelete) {
  start(state_with_two_notifications());
  EXPECT_EQ(answer(Element::constructed(Tag{0xBF30}, {tlv::integer(Tag{0x80}, 9)})), hex("BF3003800101"));
  EXPECT_EQ(state().notifications.size(), 2u);
}

}  // namespace
}  // namespace lpad::test
