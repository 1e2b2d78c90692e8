#include "lpac-cli/commands/commands.h"

#include "lpac-cli/daemon/daemon_connection.h"

namespace lpad::cli {

namespace {

// Usage errors are reported like any other (JSON with --json) but exit with status 2.
bool mode_ok(CommandContext& ctx) {
  auto mode = ctx.check_mode();
  if (mode) return true;
  ctx.out.error(mode.error());
  ctx.exit_status = kExitUsage;
  return false;
}

}  // namespace

int run_on_daemon(CommandContext& ctx, const DaemonWork& work) {
  auto connection = daemon::DaemonConnection::open(ctx.device.ask_password());
  if (!connection) return ctx.out.error(connection.error());
  auto euicc = EuiccClient::choose(**connection, ctx.device.euicc);
  if (!euicc) return ctx.out.error(euicc.error());
  auto result = work(*euicc);
  if (!result) return ctx.out.error(result.error());
  if (ctx.out.json()) ctx.out.document(*result);
  return kExitOk;
}

int run_command(CommandContext& ctx, const CardWork& direct, const DaemonWork& daemon) {
  if (!mode_ok(ctx)) return ctx.exit_status;
  return ctx.device.direct ? run_on_card(ctx, direct) : run_on_daemon(ctx, daemon);
}

int run_command_with_servers(CommandContext& ctx, const ServerWork& direct, const DaemonWork& daemon) {
  if (!mode_ok(ctx)) return ctx.exit_status;
  return ctx.device.direct ? run_with_servers(ctx, direct) : run_on_daemon(ctx, daemon);
}

}  // namespace lpad::cli
