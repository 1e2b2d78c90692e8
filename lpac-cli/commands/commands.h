// Every `lpa` subcommand registers itself here; one file per command in commands/.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

#include "engine/card_session.h"
#include "lpac-cli/command_context.h"

namespace lpad::cli {

using engine::CardSession;

void add_activation_code_command(CLI::App& app, CommandContext& ctx);
void add_info_command(CLI::App& app, CommandContext& ctx);
void add_list_command(CLI::App& app, CommandContext& ctx);
void add_profile_state_commands(CLI::App& app, CommandContext& ctx);  // enable, disable
void add_delete_command(CLI::App& app, CommandContext& ctx);
void add_nickname_command(CLI::App& app, CommandContext& ctx);
void add_notifications_command(CLI::App& app, CommandContext& ctx);
void add_default_smdp_command(CLI::App& app, CommandContext& ctx);
void add_reset_command(CLI::App& app, CommandContext& ctx);
void add_download_command(CLI::App& app, CommandContext& ctx);
void add_discover_command(CLI::App& app, CommandContext& ctx);

// Opens the card session the device options name, runs `work` on it, and turns its outcome into
// output and an exit status. `work` returns the JSON document for --json (and prints its own
// human text), or an error.
int run_on_card(CommandContext& ctx, const std::function<Result<nlohmann::json>(CardSession&)>& work);

// The same for commands that talk to SM-DP+/SM-DS servers too: the server options are checked
// (trust anchors loaded) before the card is opened.
int run_with_servers(CommandContext& ctx,
                     const std::function<Result<nlohmann::json>(CardSession&, engine::RspServers&)>& work);

}  // namespace lpad::cli
