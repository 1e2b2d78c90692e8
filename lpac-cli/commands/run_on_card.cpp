#include "lpac-cli/commands/commands.h"

namespace lpad::cli {

int run_on_card(CommandContext& ctx, const CardWork& work) {
  auto channel_options = ctx.device.channel_options();
  if (!channel_options) return ctx.out.error(channel_options.error());
  auto session = CardSession::open(ctx.device.transport, *channel_options);
  if (!session) return ctx.out.error(session.error());
  auto result = work(**session);
  if (!result) return ctx.out.error(result.error());
  if (ctx.out.json()) ctx.out.document(*result);
  return kExitOk;
}

int run_with_servers(CommandContext& ctx, const ServerWork& work) {
  auto servers = ctx.servers.open();
  if (!servers) return ctx.out.error(servers.error());
  return run_on_card(ctx, [&](CardSession& card) { return work(card, **servers); });
}

}  // namespace lpad::cli
