// lpad's configuration (/etc/lpad/lpad.conf, key-file syntax; docs/lpad.conf.example is the
// reference). Every key is optional; an unknown group or key, or a value that does not parse,
// refuses the whole file, so a typo never silently drops a setting such as test_mode=false.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "apdu_backends/transport_options.h"
#include "core/error.h"
#include "engine/retry_policy.h"
#include "es10/isdr_channel.h"
#include "https/https_options.h"

namespace lpad::daemon {

// A device named in a [device NAME] group.
struct StaticDevice {
  std::string name;
  apdu::TransportOptions transport;
  std::vector<Bytes> isdr_aids;  // empty: [devices] isdr_aids
  std::size_t max_block_size = 0;
};

struct Config {
  // [daemon]
  std::chrono::seconds idle_exit{60};  // 0: never exit; D-Bus activation starts lpad again
  std::chrono::seconds job_linger{60};
  std::chrono::seconds consent_timeout{300};
  std::filesystem::path state_directory = "/var/lib/lpad";
  // [devices]
  bool pcsc = true;
  std::vector<std::string> pcsc_ignore;
  bool modem_manager = true;  // "auto": ModemManager's modems when it is on the bus; "no": never ask it
  std::vector<Bytes> isdr_aids{es10::kIsdrAid};
  std::vector<StaticDevice> devices;
  // [timeouts]
  apdu::TransportTimeouts transport_timeouts;
  unsigned notification_attempts = 3;
  std::chrono::seconds notification_backoff{1};
  // [notifications]
  bool send_after_operations = true;
  // [tls] and the HTTPS time limits
  https::HttpsOptions https;

  es10::ChannelOptions channel_options(const StaticDevice* device) const;
  engine::RetryPolicy notification_retry() const;
};

// The defaults, then what `text` sets. `origin` names the file in errors.
Result<Config> parse_config(std::string_view text, std::string_view origin);
// A missing file is the defaults; an unreadable one an error.
Result<Config> load_config(const std::filesystem::path& path);

}  // namespace lpad::daemon
