// A session with one eUICC: its transport, held exclusively (no other process interleaves APDUs),
// and a logical channel to the ISD-R. What the `lpa --direct` commands and each of the daemon's
// card workers hold while they talk to the card.
#pragma once

#include <memory>
#include <optional>

#include "apdu_backends/transport.h"
#include "apdu_backends/transport_options.h"
#include "es10/isdr_channel.h"

namespace lpad::engine {

class CardSession {
  struct Key {};  // only open() constructs

 public:
  CardSession(Key, std::unique_ptr<apdu::Transport> transport) : transport_(std::move(transport)) {}
  static Result<std::unique_ptr<CardSession>> open(const apdu::TransportOptions& transport,
                                                   const es10::ChannelOptions& channel);
  ~CardSession();
  CardSession(const CardSession&) = delete;
  CardSession& operator=(const CardSession&) = delete;

  es10::IsdrChannel& channel() { return *channel_; }
  apdu::Transport& transport() { return *transport_; }

 private:
  std::unique_ptr<apdu::Transport> transport_;
  std::optional<es10::IsdrChannel> channel_;  // closed before the transport goes
  bool exclusive_ = false;
};

}  // namespace lpad::engine
