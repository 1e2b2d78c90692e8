#include "engine/discovery.h"

#include <fmt/format.h>

#include "engine/card_refusals.h"
#include "engine/mutual_authentication.h"
#include "es10/es10a.h"

namespace lpad::engine {

namespace {

Result<std::string> smds_address_for(es10::IsdrChannel& channel, const DiscoveryRequest& request) {
  if (request.smds_address) return *request.smds_address;
  auto addresses = es10::get_configured_addresses(channel);
  if (!addresses) return unexpected(addresses.error());
  if (!addresses->root_ds_address.empty()) return addresses->root_ds_address;
  return std::string(kGsmaRootSmds);
}

}  // namespace

Result<Discovery> discover_events(es10::IsdrChannel& channel, RspServers& servers, const DiscoveryRequest& request,
                                  const ProgressSink& progress) {
  auto report = [&](std::string_view stage, int percent) {
    if (progress) progress({stage, percent});
  };
  report(stage::kAuthenticating, 0);
  auto address = smds_address_for(channel, request);
  if (!address) return unexpected(address.error());
  auto device_info = make_device_info(request.device);
  if (!device_info) return unexpected(device_info.error());

  auto smds = servers.smds(*address);
  // Event retrieval authenticates without a matching ID (SGP.22 section 3.6.1).
  rsp::CtxParams1 ctx{std::nullopt, std::move(*device_info)};
  auto initiate = [&](ByteView challenge, ByteView info1) { return smds->initiate_authentication(challenge, info1); };
  auto auth = authenticate_with_server(channel, initiate, *address, ctx);
  if (!auth) return unexpected(auth.error());
  report(stage::kAuthenticating, 50);

  auto events = smds->authenticate_client(auth->transaction_id, auth->authenticate_server_response);
  if (auth->card_error) return fail(Errc::engine_card_refused, describe(*auth->card_error));
  if (!events) return unexpected(events.error());
  report(stage::kDone, 100);
  return Discovery{std::move(*address), std::move(*events)};
}

}  // namespace lpad::engine
