// `lpa activation-code`: parse an activation code (argument, stdin, file or QR image) and show
// its fields, so a user can check a code before downloading it.
#include "lpac-cli/commands/commands.h"

#include <memory>

#include "core/redact.h"
#include "lpac-cli/activation_code_source.h"

namespace lpad::cli {

namespace {

struct Options {
  ActivationCodeSource source;
  bool reveal = false;
};

int run(const Options& options, const Output& out) {
  auto code = options.source.read();
  if (!code) return out.error(code.error());
  // The matching ID is a secret: shown in part unless asked for.
  auto matching_id = options.reveal ? code->matching_id : redact_keep_head(code->matching_id);
  if (out.json()) {
    out.document({{"smdp_address", code->smdp_address},
                  {"matching_id", matching_id},
                  {"smdp_oid", code->smdp_oid ? nlohmann::json(*code->smdp_oid) : nlohmann::json(nullptr)},
                  {"confirmation_code_required", code->confirmation_code_required}});
  } else {
    out.fields({{"SM-DP+ address", code->smdp_address},
                {"Matching ID", matching_id.empty() ? "(none)" : matching_id},
                {"SM-DP+ OID", code->smdp_oid.value_or("(none)")},
                {"Confirmation code", code->confirmation_code_required ? "required" : "not required"}});
  }
  return kExitOk;
}

}  // namespace

void add_activation_code_command(CLI::App& app, CommandContext& ctx) {
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand("activation-code", "Check an activation code and show what it holds");
  options->source.add_options(*command);
  command->add_flag("--reveal", options->reveal, "Show the matching ID in full (it is a secret)");
  command->final_callback([options, &ctx] { ctx.exit_status = run(*options, ctx.out); });
}

}  // namespace lpad::cli
