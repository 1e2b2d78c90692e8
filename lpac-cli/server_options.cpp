#include "lpac-cli/server_options.h"

namespace lpad::cli {

void ServerOptions::add_options(CLI::App& app) {
  auto* group = app.add_option_group("Servers (SM-DP+, SM-DS)");
  group->add_option("--tls-ca", extra_trust_anchors, "Also trust this CA (PEM) for server TLS; repeatable; implies --test-ci")
      ->check(CLI::ExistingFile);
  group->add_flag("--test-ci", https.test_mode, "Also trust the GSMA test CIs (SGP.26 test servers)");
  group->add_option("--trust-store", trust_store_dir, "Folder of trusted GSMA CI roots (live/ and test/)")->check(CLI::ExistingDirectory);
  group->add_option("--resolve", https.resolve, "HOST:PORT:ADDRESS, use ADDRESS for HOST:PORT (like curl); repeatable");
  group->add_flag("--insecure-skip-tls-verification", https.insecure_skip_tls_verification,
                  "Accept any server certificate. Lab use only: anyone on the path can then read and change the download");
  group->add_option("--http-timeout", timeout_seconds, "Time limit for each server request, in seconds")
      ->check(CLI::Range(1u, 3600u))
      ->capture_default_str();
  group->add_option("--imei", device.imei, "The device's IMEI, sent to the SM-DP+ (its TAC otherwise a generic module's)");
  group->add_flag("--no-notify", no_notify, "Do not send notifications to SM-DP+ servers after enable, disable or delete");
}

Result<std::unique_ptr<engine::RspServers>> ServerOptions::open() const {
  https::HttpsOptions options = https;
  options.trust_store_dir = trust_store_dir;
  for (const auto& anchor : extra_trust_anchors) options.extra_trust_anchors.emplace_back(anchor);
  options.request_timeout = std::chrono::seconds(timeout_seconds);
  auto client = https::HttpsClient::create(std::move(options));
  if (!client) return unexpected(client.error());
  return std::unique_ptr<engine::RspServers>(std::make_unique<engine::HttpsRspServers>(std::move(*client)));
}

}  // namespace lpad::cli
