// Notification delivery (SGP.22 section 3.5) and event discovery (section 3.6) against the software
// eUICC and the recorded servers.
#include <gtest/gtest.h>

#include "engine/discovery.h"
#include "engine/notification_delivery.h"
#include "es10/es10a.h"
#include "unit/engine/engine_fixture.h"

namespace lpad::test {
namespace {

// A download whose install notification could not be delivered leaves one on the card.
class PendingNotificationTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    servers_.server.failures["handleNotification"] = Error{Errc::https_connect_failed, "down"};
    ASSERT_TRUE(download());
    ASSERT_EQ(pending_notifications().size(), 1u);
    servers_.server.failures.clear();
    servers_.server.sent.clear();
  }
};

TEST_F(PendingNotificationTest, DeliveryRemovesEachNotificationAfterTheServerAcceptedIt) {
  auto deliveries = engine::deliver_pending_notifications(*channel_, servers_, std::nullopt, no_wait_retry_);
  ASSERT_TRUE(deliveries) << deliveries.error().describe();
  ASSERT_EQ(deliveries->size(), 1u);
  EXPECT_TRUE((*deliveries)[0].delivered);
  EXPECT_TRUE((*deliveries)[0].removed);
  EXPECT_TRUE(pending_notifications().empty());
}

TEST_F(PendingNotificationTest, NotificationGoesToTheAddressItNames) {
  ASSERT_TRUE(engine::deliver_pending_notifications(*channel_, servers_, std::nullopt, no_wait_retry_));
  EXPECT_EQ(servers_.addresses_asked.back(), "testsmdpplus1.example.com");
}

TEST_F(PendingNotificationTest, TransientFailureIsRetriedUntilItSucceeds) {
  servers_.server.failures["handleNotification"] = Error{Errc::https_http_status, "HTTP 503"};
  servers_.server.failures_left["handleNotification"] = 2;
  std::vector<std::chrono::milliseconds> waits;
  engine::RetryPolicy retry{3, std::chrono::milliseconds(100), [&](std::chrono::milliseconds d) { waits.push_back(d); }};
  auto deliveries = engine::deliver_pending_notifications(*channel_, servers_, std::nullopt, retry);
  ASSERT_TRUE(deliveries);
  EXPECT_TRUE((*deliveries)[0].delivered);
  EXPECT_EQ(waits, (std::vector<std::chrono::milliseconds>{std::chrono::milliseconds(100), std::chrono::milliseconds(200)}));
}

TEST_F(PendingNotificationTest, FailedDeliveryKeepsTheNotificationAndSaysWhy) {
  servers_.server.failures["handleNotification"] = Error{Errc::https_connect_failed, "down"};
  auto deliveries = engine::deliver_pending_notifications(*channel_, servers_, std::nullopt, no_wait_retry_);
  ASSERT_TRUE(deliveries);
  EXPECT_FALSE((*deliveries)[0].delivered);
  ASSERT_TRUE((*deliveries)[0].error);
  EXPECT_NE((*deliveries)[0].error->message.find("stays on the eUICC"), std::string::npos);
  EXPECT_EQ(pending_notifications().size(), 1u);
}

TEST_F(PendingNotificationTest, OnlyTheChosenSequenceNumberIsDelivered) {
  auto seq = pending_notifications()[0].seq_number;
  auto none = engine::deliver_pending_notifications(*channel_, servers_, seq + 100, no_wait_retry_);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, Errc::es10_notification_not_found);
  auto one = engine::deliver_pending_notifications(*channel_, servers_, seq, no_wait_retry_);
  ASSERT_TRUE(one);
  EXPECT_EQ(one->size(), 1u);
}

TEST_F(EngineTest, DiscoveryListsTheServersEventsAfterMutualAuthentication) {
  servers_.events = {{"EVENT-1", "smdp.test.lpad"}};
  auto found = engine::discover_events(*channel_, servers_, {secret("smdpAddress"), {}});
  ASSERT_TRUE(found) << found.error().describe();
  EXPECT_EQ(found->events, servers_.events);
  EXPECT_EQ(found->smds_address, secret("smdpAddress"));
}

TEST_F(EngineTest, DiscoveryAuthenticatesWithoutAMatchingId) {
  ASSERT_TRUE(engine::discover_events(*channel_, servers_, {secret("smdpAddress"), {}}));
  auto response = rsp::decode_authenticate_server_response(*tlv::decode(servers_.server.last("es11.authenticateClient")->payload));
  ASSERT_TRUE(response);
  auto signed1 = rsp::decode_euicc_signed1(*tlv::decode(std::get<rsp::AuthenticateResponseOk>(*response).euicc_signed1));
  auto ctx = rsp::decode_ctx_params1(*tlv::decode(signed1->ctx_params1));
  ASSERT_TRUE(ctx);
  EXPECT_FALSE(ctx->matching_id);
}

TEST_F(EngineTest, DiscoveryAsksTheCardsRootSmdsWhenNoneIsGiven) {
  auto addresses = es10::get_configured_addresses(*channel_);
  ASSERT_TRUE(addresses);
  (void)engine::discover_events(*channel_, servers_, {});
  ASSERT_FALSE(servers_.addresses_asked.empty());
  auto expected = addresses->root_ds_address.empty() ? std::string(engine::kGsmaRootSmds) : addresses->root_ds_address;
  EXPECT_EQ(servers_.addresses_asked.back(), expected);
}

}  // namespace
}  // namespace lpad::test
