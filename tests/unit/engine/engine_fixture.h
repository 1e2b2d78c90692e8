// The engine against the software eUICC in process (SGP.26 identity, real ES10 application and
// card OS) and the recorded SM-DP+: the card's randomness is pinned to the recording's through
// the test hooks, so the recorded server messages verify on the card.
#pragma once

#include <memory>
#include <optional>

#include "engine/download.h"
#include "es10/es10b.h"
#include "es10/isdr_channel.h"
#include "rsp/cancel_session.h"
#include "support/card_transport.h"
#include "unit/engine/recorded_smdp.h"
#include "veuicc/card/euicc_card.h"

namespace lpad::test {

class EngineTest : public DownloadTest {
 protected:
  void SetUp() override {
    DownloadTest::SetUp();
    start();
    card_ = std::make_unique<veuicc::EuiccCard>(*app_, veuicc::CardOptions{});
    transport_ = std::make_unique<CardTransport>(*card_);
    auto channel = es10::IsdrChannel::open(*transport_);
    ASSERT_TRUE(channel) << channel.error().describe();
    channel_.emplace(std::move(*channel));
    pin_card_randomness();
  }
  void TearDown() override {
    channel_.reset();  // closes its channel through the card, before the card goes
    transport_.reset();
    card_.reset();
    DownloadTest::TearDown();
  }

  // The next challenge, euiccSignature1 and one-time key are the recording's.
  void pin_card_randomness() {
    hooks().next_euicc_challenge = hex(secret("euiccChallenge"));
    hooks().next_euicc_signature1 = recorded_euicc_signature1();
    hooks().next_otsk_scalar = hex(secret("otSK.EUICC.ECKA"));
  }

  engine::DownloadRequest recorded_request() const {
    return {secret("smdpAddress"), secret("matchingId"), std::nullopt, engine::DeviceIdentity{std::nullopt, "35230145"}};
  }

  Result<engine::DownloadResult> download(engine::DownloadCallbacks callbacks = {}) {
    return engine::download_profile(*channel_, servers_, recorded_request(), callbacks, no_wait_retry_);
  }

  std::vector<rsp::NotificationMetadata> pending_notifications() {
    auto list = es10::list_notifications(*channel_);
    EXPECT_TRUE(list) << list.error().describe();
    return list ? *list : std::vector<rsp::NotificationMetadata>{};
  }

  // The reason the eUICC signed into the cancelSessionResponse the server received.
  std::optional<rsp::CancelSessionReason> reason_sent_to_server() {
    const auto* sent = servers_.server.last("cancelSession");
    if (sent == nullptr) return std::nullopt;
    auto response = rsp::decode_cancel_session_response(*tlv::decode(sent->payload));
    if (!response) return std::nullopt;
    auto& ok = std::get<rsp::CancelSessionResponseOk>(*response);
    auto signed_part = rsp::decode_euicc_cancel_session_signed(*tlv::decode(ok.euicc_cancel_session_signed));
    return signed_part ? std::optional(signed_part->reason) : std::nullopt;
  }

  RecordedServers servers_;
  engine::RetryPolicy no_wait_retry_{3, std::chrono::milliseconds(1), nullptr};
  std::unique_ptr<veuicc::EuiccCard> card_;
  std::unique_ptr<CardTransport> transport_;
  std::optional<es10::IsdrChannel> channel_;
};

}  // namespace lpad::test
