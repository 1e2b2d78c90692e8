// lpa: the command-line LPA. Parses the command line and hands over to one command of commands/.
#include <CLI/CLI.hpp>

#include "lpac-cli/command_context.h"
#include "lpac-cli/commands/commands.h"

#ifndef LPAD_VERSION
#define LPAD_VERSION "unknown"
#endif

int main(int argc, char** argv) {
  using namespace lpad::cli;
  CommandContext ctx;

  CLI::App app{"lpa: manage eSIM profiles (GSMA SGP.22 Local Profile Assistant)", "lpa"};
  app.set_version_flag("--version", LPAD_VERSION);
  app.add_flag("--json", ctx.global.json, "Print one JSON document instead of text (for scripts)");
  ctx.device.add_options(app);
  ctx.servers.add_options(app);
  app.require_subcommand(1);

  add_download_command(app, ctx);
  add_discover_command(app, ctx);
  add_info_command(app, ctx);
  add_list_command(app, ctx);
  add_profile_state_commands(app, ctx);
  add_delete_command(app, ctx);
  add_nickname_command(app, ctx);
  add_notifications_command(app, ctx);
  add_default_smdp_command(app, ctx);
  add_reset_command(app, ctx);
  add_activation_code_command(app, ctx);
  add_euiccs_command(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);
    return status == 0 ? kExitOk : kExitUsage;
  }
  return ctx.exit_status;
}
