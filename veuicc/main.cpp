// The software eUICC as a program: loads an identity and a state file, and puts the card in a
// vpcd reader (pcscd sees a card) or behind a pseudo-terminal AT modem (ModemManager-style hosts
// see a modem). Runs until SIGINT or SIGTERM.
//   veuicc --identity ../shared/pki/sgp26 --state card.json --vpcd localhost:35963
//   veuicc --identity ../shared/pki/sgp26 --state card.json --pty
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>

#include "veuicc/application/euicc_application.h"
#include "veuicc/card/euicc_card.h"
#include "veuicc/transport/endpoint.h"
#include "veuicc/transport/pty_modem.h"
#include "veuicc/transport/pty_port.h"
#include "veuicc/transport/vpcd_link.h"

namespace {

using namespace lpad;
using namespace lpad::veuicc;

int report(const Error& error) {
  std::fprintf(stderr, "veuicc: %s\n", error.describe().c_str());
  return 1;
}

// Blocks SIGINT and SIGTERM in every thread (the transport's thread inherits the mask), so that
// the main thread can wait for them with sigwait and stop the transport cleanly.
sigset_t block_stop_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Software eUICC (GSMA SGP.22) behind a vpcd reader or a pty AT modem"};
  std::string identity_dir;
  std::string state_path;
  std::string vpcd = "localhost:35963";
  bool pty = false;
  CardOptions card_options;
  cli.add_option("--identity", identity_dir, "folder with CERT_CI*.der, CERT_EUM/EUICC_ECDSA_NIST.der, SK_EUICC_ECDSA_NIST.pem")->required();
  cli.add_option("--state", state_path, "state file (created with default card configuration when absent)")->required();
  auto* vpcd_option = cli.add_option("--vpcd", vpcd, "vpcd to connect to, HOST:PORT")->capture_default_str();
  cli.add_flag("--pty", pty, "serve an AT modem on a pseudo-terminal instead of vpcd")->excludes(vpcd_option);
  cli.add_flag("--extended-length", card_options.extended_length, "accept extended-length APDUs");
  CLI11_PARSE(cli, argc, argv);

  auto identity = Identity::load(identity_dir);
  if (!identity) return report(identity.error());
  StateFile state_file(state_path);
  auto state = state_file.load_or_create(CardConfiguration{});
  if (!state) return report(state.error());
  EuiccApplication application(std::move(*identity), std::move(state_file), std::move(*state));
  EuiccCard card(application, card_options);

  auto signals = block_stop_signals();
  std::optional<Error> failure;
  std::jthread transport;
  if (pty) {
    auto port = PtyPort::open();
    if (!port) return report(port.error());
    std::printf("%s\n", port->slave_path().c_str());  // where hosts connect; scripts read this line
    std::fflush(stdout);
    transport = std::jthread([&, modem = PtyModem(card, std::move(*port), AtModemOptions{})](std::stop_token stop) mutable {
      if (auto ran = modem.run(stop); !ran) failure = ran.error();
      kill(getpid(), SIGTERM);  // a transport that ends on its own ends the program
    });
  } else {
    auto endpoint = parse_endpoint(vpcd);
    if (!endpoint) return report(endpoint.error());
    transport = std::jthread([&, endpoint = *endpoint](std::stop_token stop) {
      VpcdLink link(card, endpoint);
      if (auto ran = link.run(stop); !ran) failure = ran.error();
      kill(getpid(), SIGTERM);
    });
  }
  int signal_number = 0;
  sigwait(&signals, &signal_number);
  transport.request_stop();
  transport.join();
  if (failure) return report(*failure);
  return 0;
}
