#include "lpac-cli/server_options.h"

#include <fmt/format.h>

namespace lpad::cli {

void ServerOptions::add_options(CLI::App& app) {
  auto* group = app.add_option_group("Servers (SM-DP+, SM-DS)");
  auto& config = daemon_config_options_;
  config.push_back(group->add_option("--tls-ca", extra_trust_anchors, "With --direct: also trust this CA (PEM) for server TLS; repeatable; implies --test-ci")
                       ->check(CLI::ExistingFile));
  config.push_back(group->add_flag("--test-ci", https.test_mode, "With --direct: also trust the GSMA test CIs (SGP.26 test servers)"));
  config.push_back(group->add_option("--trust-store", trust_store_dir, "With --direct: folder of trusted GSMA CI roots (live/ and test/)")
                       ->check(CLI::ExistingDirectory));
  config.push_back(group->add_option("--resolve", https.resolve, "With --direct: HOST:PORT:ADDRESS, use ADDRESS for HOST:PORT (like curl); repeatable"));
  config.push_back(group->add_flag("--insecure-skip-tls-verification", https.insecure_skip_tls_verification,
                                   "With --direct: accept any server certificate. Lab use only: anyone on the path can then read and change the download"));
  config.push_back(group->add_option("--http-timeout", timeout_seconds, "With --direct: time limit for each server request, in seconds")
                       ->check(CLI::Range(1u, 3600u))
                       ->capture_default_str());
  group->add_option("--imei", device.imei, "The device's IMEI, sent to the SM-DP+ (its TAC otherwise a generic module's)");
  group->add_flag("--no-notify", no_notify, "Do not send notifications to SM-DP+ servers after enable, disable or delete");
}

Result<void> ServerOptions::check_mode(bool direct) const {
  if (direct) return {};
  for (const auto* option : daemon_config_options_)
    if (option->count() > 0)
      return fail(Errc::invalid_argument,
                  fmt::format("{} is lpad's setting without --direct: set it in lpad's configuration file, /etc/lpad/lpad.conf "
                              "([tls] and [timeouts]; see docs/lpad.conf.example), or use --direct",
                              option->get_name()));
  return {};
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
