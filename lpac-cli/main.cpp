// lpa: the command-line LPA. Parses the command line and hands over to one command of commands/.
#include <CLI/CLI.hpp>

#include "lpac-cli/cli_output.h"
#include "lpac-cli/commands/commands.h"

#ifndef LPAD_VERSION
#define LPAD_VERSION "unknown"
#endif

int main(int argc, char** argv) {
  using namespace lpad::cli;
  GlobalOptions options;
  Output out(options);
  int exit_status = kExitOk;

  CLI::App app{"lpa: manage eSIM profiles (GSMA SGP.22 Local Profile Assistant)", "lpa"};
  app.set_version_flag("--version", LPAD_VERSION);
  app.add_flag("--json", options.json, "Print one JSON document instead of text (for scripts)");
  app.require_subcommand(1);

  add_activation_code_command(app, out, exit_status);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);
    return status == 0 ? kExitOk : kExitUsage;
  }
  return exit_status;
}
