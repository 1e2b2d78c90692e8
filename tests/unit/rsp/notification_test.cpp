#include "rsp/notification.h"

#include <gtest/gtest.h>

#include "rsp/tags.h"
#include "support/shared_data.h"

namespace lpad::rsp {
namespace {

using test::es10_vector_der;

TEST(NotificationMetadata, EncodesAsRecorded) {
  NotificationMetadata m{2, NotificationEvent::enable, "testsmdpplus1.example.com", *Iccid::from_digits("8949449999999990049")};
  EXPECT_EQ(to_hex(encode_notification_metadata(m).encode()), to_hex(es10_vector_der("NotificationMetadata-enable")));
}

TEST(NotificationMetadata, DecodesTheRecordedListNotificationResponse) {
  auto der = es10_vector_der("ListNotificationResponse-install");
  auto response = tlv::decode(der, tags::kListNotification);
  ASSERT_TRUE(response);
  auto list = response->require(tags::notification::kMetadataListOk);
  ASSERT_TRUE(list);
  auto m = decode_notification_metadata(*list->children().begin());
  ASSERT_TRUE(m) << m.error().describe();
  EXPECT_EQ(m->seq_number, 1u);
  EXPECT_EQ(m->operation, NotificationEvent::install);
  EXPECT_EQ(m->address, "testsmdpplus1.example.com");
  EXPECT_EQ(m->iccid->digits(), "8949449999999990049");
}

TEST(NotificationMetadata, RejectsMoreThanOneOperation) {
  NotificationMetadata m{1, NotificationEvent::install, "a.b", std::nullopt};
  auto der = encode_notification_metadata(m).encode();
  // BF2F len | 80 01 01 | 81 02 07 80 -> both install and enable set: 81 02 06 C0
  ASSERT_EQ(to_hex(ByteView(der).subspan(6, 4)), "81020780");
  der[8] = 0x06;
  der[9] = 0xC0;
  auto decoded = decode_notification_metadata(*tlv::decode(der));
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().code, Errc::tlv_bad_value);
}

TEST(PendingNotification, ProfileInstallationResultKeepsItsDerAndMetadata) {
  auto der = es10_vector_der("RetrieveNotificationsListResponse-PIR");
  auto response = tlv::decode(der, tags::kRetrieveNotificationsList);
  ASSERT_TRUE(response);
  auto first = *response->require(tags::notification::kPendingListOk)->children().begin();
  auto pending = decode_pending_notification(first);
  ASSERT_TRUE(pending) << pending.error().describe();
  EXPECT_EQ(pending->metadata.seq_number, 1u);
  EXPECT_EQ(pending->metadata.operation, NotificationEvent::install);
  EXPECT_EQ(to_hex(pending->der), to_hex(es10_vector_der("PendingNotification-PIR-recorded")));
}

TEST(NotificationEvents, SingleIsTheOnlyMember) {
  EXPECT_EQ((NotificationEvents{NotificationEvent::disable}).single(), NotificationEvent::disable);
  EXPECT_FALSE((NotificationEvents{NotificationEvent::disable, NotificationEvent::enable}).single());
  EXPECT_FALSE(NotificationEvents{}.single());
}

}  // namespace
}  // namespace lpad::rsp
