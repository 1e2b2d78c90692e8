// What every `lpa` command shares: the global options, how to reach the card, how to print, and
// where to leave the exit status.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "apdu_backends/transport_options.h"
#include "es10/isdr_channel.h"
#include "engine/retry_policy.h"
#include "lpac-cli/cli_output.h"
#include "lpac-cli/server_options.h"

namespace lpad::cli {

struct DeviceOptions {
  bool direct = false;                 // talk to the card without the daemon (routers, no bus)
  apdu::TransportOptions transport;
  std::vector<std::string> isdr_aids;  // hex; the standard ISD-R AID when empty
  std::size_t max_block_size = 0;      // 0: as large as the transport allows
  std::optional<std::string> euicc;    // daemon mode: --euicc EID|INDEX
  bool no_ask_password = false;        // daemon mode: polkit must not ask for a password

  // Adds --direct, --euicc, --no-ask-password, --backend, --device, --at-mode, --isdr-aid, --max-block-size, --short-apdus.
  void add_options(CLI::App& app);
  Result<es10::ChannelOptions> channel_options() const;
  // Daemon mode: polkit may ask for a password when someone at a terminal can type it.
  bool ask_password() const;
  // Options of the other mode are refused rather than ignored: the card access options without
  // --direct (lpad owns the cards), --euicc with it.
  Result<void> check_mode() const;

 private:
  std::vector<const CLI::Option*> card_options_;
  const CLI::Option* euicc_option_ = nullptr;
};

struct CommandContext {
  GlobalOptions global;
  DeviceOptions device;
  ServerOptions servers;
  engine::RetryPolicy retry;  // for notifications
  Output out{global};
  int exit_status = kExitOk;

  // DeviceOptions::check_mode and ServerOptions::check_mode together.
  Result<void> check_mode() const;
};

}  // namespace lpad::cli
