// ES10a: the addresses the eUICC keeps for the LPA (SGP.22 sections 5.7.3, 5.7.4).
#include <cstddef>
#include <utility>

#include "rsp/euicc_info.h"
#include "rsp/tags.h"
#include "tlv/values.h"
#include "veuicc/application/es10_responses.h"
#include "veuicc/application/handlers.h"

namespace lpad::veuicc::handlers {

namespace {
namespace t = rsp::tags;
enum SetDefaultDpAddressResult : std::int64_t { kOk = 0, kUndefinedError = 127 };
// An FQDN is at most 255 characters (RFC 1035 section 2.3.4); anything longer is no address.
constexpr std::size_t kMaxFqdnLength = 255;
}  // namespace

Es10Response get_configured_addresses(CardContext& ctx, const tlv::Node&) {
  return rsp::encode_configured_addresses({ctx.state.default_dp_address, ctx.state.root_ds_address}).encode();
}

// SetDefaultDpAddressRequest ::= [63] SEQUENCE { defaultDpAddress UTF8String }: no member of
// the SEQUENCE is tagged, so AUTOMATIC TAGS makes it [0] (X.680 25.3): BF3F .. 80 .. FQDN.
// An empty address removes the default (5.7.4); GetEuiccConfiguredAddresses then leaves it out.
Es10Response set_default_dp_address(CardContext& ctx, const tlv::Node& request) {
  auto member = request.find(t::addresses::kDefaultDpAddress);
  if (!member) return malformed_request();
  auto address = tlv::read_utf8(*member);
  if (!address || address->size() > kMaxFqdnLength) return result_response(t::kSetDefaultDpAddress, kUndefinedError);
  EuiccState next = ctx.state;
  if (address->empty())
    next.default_dp_address.reset();
  else
    next.default_dp_address = std::move(*address);
  if (!ctx.commit(std::move(next))) return commit_failed();
  return result_response(t::kSetDefaultDpAddress, kOk);
}

}  // namespace lpad::veuicc::handlers
