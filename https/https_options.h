// How lpad reaches SM-DP+ and SM-DS servers over HTTPS: whom to trust, where names resolve, how
// long to wait. One struct shared by the CLI options and the daemon's configuration file.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace lpad::https {

struct HttpsOptions {
  // The folder of PEM files with the GSMA CI roots SM-DP+ TLS certificates chain to. Empty: the
  // installed copy (LPAD_TRUST_STORE_DIR at build time): live roots in live/, test roots in test/.
  std::filesystem::path trust_store_dir;
  // Also trust the GSMA test CIs (trust_store_dir/test/): SGP.26 labs and test SM-DP+ servers.
  bool test_mode = false;
  // Extra trust anchors (PEM files), e.g. a lab's own CI (--tls-ca). Setting any implies test mode.
  std::vector<std::filesystem::path> extra_trust_anchors;
  // "HOST:PORT:ADDRESS" entries, as curl's --resolve: tests use real names on loopback.
  std::vector<std::string> resolve;
  // Lab use only: accept any server certificate. Never the default; warned about on every request.
  bool insecure_skip_tls_verification = false;

  std::chrono::milliseconds connect_timeout{15'000};
  std::chrono::milliseconds request_timeout{120'000};  // a BPP of 100 KB on a slow link
  // Retries of requests that are safe to repeat (connect failures before anything was sent),
  // with exponential backoff starting at retry_backoff.
  unsigned max_retries = 2;
  std::chrono::milliseconds retry_backoff{500};

  std::string user_agent;  // empty: "lpad/<version>"
};

}  // namespace lpad::https
