// Every `lpa` subcommand registers itself here; one file per command in commands/.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

#include "engine/card_session.h"
#include "lpac-cli/command_context.h"
#include "lpac-cli/daemon/euicc_client.h"

namespace lpad::cli {

using engine::CardSession;
using daemon::EuiccClient;

using CardWork = std::function<Result<nlohmann::json>(CardSession&)>;
using ServerWork = std::function<Result<nlohmann::json>(CardSession&, engine::RspServers&)>;
using DaemonWork = std::function<Result<nlohmann::json>(EuiccClient&)>;

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
void add_euiccs_command(CLI::App& app, CommandContext& ctx);

// A command that works on an eUICC: `direct` on the card (--direct), else `daemon` on the eUICC
// lpad offers (--euicc). Either returns the JSON document for --json (and prints its own human
// text), or an error; this turns the outcome into output and an exit status. Options of the other
// mode are a usage error.
int run_command(CommandContext& ctx, const CardWork& direct, const DaemonWork& daemon);
// The same where direct mode talks to SM-DP+/SM-DS servers too.
int run_command_with_servers(CommandContext& ctx, const ServerWork& direct, const DaemonWork& daemon);

// Direct mode: opens the card session the device options name and runs `work` on it.
int run_on_card(CommandContext& ctx, const CardWork& work);
// The same, the server options checked (trust anchors loaded) before the card is opened.
int run_with_servers(CommandContext& ctx, const ServerWork& work);
// Daemon mode: connects to lpad, chooses the eUICC (--euicc) and runs `work` on it.
int run_on_daemon(CommandContext& ctx, const DaemonWork& work);

}  // namespace lpad::cli
