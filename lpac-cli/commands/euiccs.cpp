// `lpa euiccs`: the eUICCs lpad offers (index, EID, backend, device), to choose one with --euicc.
#include <fmt/format.h>

#include "lpac-cli/commands/commands.h"
#include "lpac-cli/daemon/daemon_connection.h"
#include "lpac-cli/daemon/euicc_selection.h"

namespace lpad::cli {

namespace {

int run(CommandContext& ctx) {
  if (ctx.device.direct) {
    ctx.out.error(Error{Errc::invalid_argument, "euiccs lists lpad's eUICCs; with --direct, --backend and --device name the card"});
    return kExitUsage;
  }
  if (auto mode = ctx.check_mode(); !mode) {
    ctx.out.error(mode.error());
    return kExitUsage;
  }
  auto connection = daemon::DaemonConnection::open(ctx.device.ask_password());
  if (!connection) return ctx.out.error(connection.error());
  auto state = (*connection)->read_state();
  if (!state) return ctx.out.error(state.error());
  if (ctx.out.json()) {
    ctx.out.document(daemon::euiccs_json(state->euiccs));
  } else {
    fmt::print("{}", daemon::euiccs_table(state->euiccs));
  }
  return kExitOk;
}

}  // namespace

void add_euiccs_command(CLI::App& app, CommandContext& ctx) {
  auto* command = app.add_subcommand("euiccs", "List the eUICCs lpad offers (choose one with --euicc EID or INDEX)");
  command->final_callback([&ctx] { ctx.exit_status = run(ctx); });
}

}  // namespace lpad::cli
