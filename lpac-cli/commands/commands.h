// Every `lpa` subcommand registers itself here; one file per command in commands/.
#pragma once

#include <CLI/CLI.hpp>

#include "lpac-cli/cli_output.h"

namespace lpad::cli {

// Each adds its subcommand to `app`; when it runs it stores its exit status.
void add_activation_code_command(CLI::App& app, const Output& out, int& exit_status);

}  // namespace lpad::cli
