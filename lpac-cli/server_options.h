// How `lpa` reaches SM-DP+ and SM-DS servers (direct mode; the daemon has its own settings): TLS trust, name overrides for labs and
// tests, time limits, and the device identity sent to servers. The daemon reads the same settings
// from its configuration file.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>

#include "core/error.h"
#include "engine/device_info.h"
#include "engine/rsp_servers.h"
#include "https/https_options.h"

namespace lpad::cli {

struct ServerOptions {
  https::HttpsOptions https;
  std::vector<std::string> extra_trust_anchors;  // --tls-ca, as given
  std::string trust_store_dir;
  unsigned timeout_seconds = 120;
  engine::DeviceIdentity device;
  bool no_notify = false;  // leave notifications on the card after profile operations

  // Adds --tls-ca, --test-ci, --trust-store, --resolve, --insecure-skip-tls-verification,
  // --http-timeout, --imei, --no-notify.
  void add_options(CLI::App& app);
  Result<std::unique_ptr<engine::RspServers>> open() const;
  // Without --direct, lpad talks to the servers: its configuration file decides TLS and names, so
  // those options are refused (--imei and --no-notify still apply).
  Result<void> check_mode(bool direct) const;

 private:
  std::vector<const CLI::Option*> daemon_config_options_;
};

}  // namespace lpad::cli
