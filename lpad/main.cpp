// lpad, the eSIM Local Profile Assistant daemon (GSMA SGP.22): serves the machine's eUICCs on the
// system bus as org.lpad.Lpad1 (docs/dbus-api.md). Usually started by systemd or D-Bus activation.
#include <CLI/CLI.hpp>
#include <sdbus-c++/sdbus-c++.h>

#include <csignal>
#include <cstdio>

#include "lpad/config.h"
#include "lpad/daemon.h"

namespace {

// SIGTERM, SIGINT and SIGHUP are blocked in every thread and taken here, off the event loop: each
// ends lpad in order (open downloads cancelled where they can be). There is nothing to reload.
std::jthread stop_on_signals(lpad::daemon::Daemon& daemon, sigset_t set) {
  return std::jthread([&daemon, set](std::stop_token stop) {
    const timespec tick{0, 200'000'000};
    while (!stop.stop_requested())
      if (sigtimedwait(&set, nullptr, &tick) > 0) return daemon.stop();
  });
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"lpad: the eSIM Local Profile Assistant daemon (GSMA SGP.22); serves org.lpad.Lpad1 on the system bus"};
  std::string config_path = "/etc/lpad/lpad.conf";
  std::string state_dir;
  app.add_option("--config", config_path, "Configuration file (key file; see lpad.conf(5))")->capture_default_str();
  app.add_option("--state-dir", state_dir, "Where download journals are kept (overrides [daemon] state_directory)");
  app.set_version_flag("--version", std::string("lpad ") + LPAD_VERSION);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;  // --help, --version; else a usage error, as lpa has it
  }

  auto config = lpad::daemon::load_config(config_path);
  if (!config) {
    std::fprintf(stderr, "lpad: %s\n", config.error().describe().c_str());
    return 2;
  }
  if (!state_dir.empty()) config->state_directory = state_dir;

  // Signals are blocked before any thread starts, so every thread inherits the mask.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  try {
    auto connection = sdbus::createSystemBusConnection();
    lpad::daemon::Daemon daemon(std::move(*config), std::move(connection));
    auto waiter = stop_on_signals(daemon, set);
    return daemon.run();
  } catch (const sdbus::Error& error) {
    std::fprintf(stderr, "lpad: D-Bus: %s: %s\n", error.getName().c_str(), error.getMessage().c_str());
    return 1;
  }
}
