// A direct session with the eUICC for one `lpa` command: the transport the options name, a
// logical channel to the ISD-R, held exclusively until the command is done.
#pragma once

#include <memory>
#include <optional>

#include "apdu_backends/transport.h"
#include "es10/isdr_channel.h"
#include "lpac-cli/command_context.h"

namespace lpad::cli {

class CardSession {
  struct Key {};  // only open() constructs

 public:
  CardSession(Key, std::unique_ptr<apdu::Transport> transport) : transport_(std::move(transport)) {}
  static Result<std::unique_ptr<CardSession>> open(const DeviceOptions& options);
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

}  // namespace lpad::cli
