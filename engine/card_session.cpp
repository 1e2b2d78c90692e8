#include "engine/card_session.h"

#include "apdu_backends/transport_factory.h"

namespace lpad::engine {

Result<std::unique_ptr<CardSession>> CardSession::open(const apdu::TransportOptions& transport_options,
                                                       const es10::ChannelOptions& channel_options) {
  auto transport = apdu::open_transport(transport_options);
  if (!transport) return unexpected(transport.error());
  auto session = std::make_unique<CardSession>(Key{}, std::move(*transport));
  if (auto locked = session->transport_->begin_exclusive(); !locked) return unexpected(locked.error());
  session->exclusive_ = true;
  auto channel = es10::IsdrChannel::open(*session->transport_, channel_options);
  if (!channel) return unexpected(channel.error());
  session->channel_.emplace(std::move(*channel));
  return session;
}

CardSession::~CardSession() {
  channel_.reset();
  if (exclusive_) transport_->end_exclusive();
}

}  // namespace lpad::engine
