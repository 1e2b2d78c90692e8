#include "es10/es10a.h"

#include "es10/response.h"
#include "rsp/tags.h"

namespace lpad::es10 {

namespace t = rsp::tags;
using tlv::Element;

Result<rsp::ConfiguredAddresses> get_configured_addresses(IsdrChannel& channel) {
  auto response = call(channel, Element::constructed(t::kEuiccConfiguredAddresses), t::kEuiccConfiguredAddresses,
                       "GetEuiccConfiguredAddresses");
  if (!response) return unexpected(response.error());
  auto addresses = rsp::decode_configured_addresses(response->root);
  if (!addresses) return fail(Errc::es10_bad_response, "GetEuiccConfiguredAddresses: " + addresses.error().message);
  return addresses;
}

Result<void> set_default_dp_address(IsdrChannel& channel, std::string_view address) {
  // SetDefaultDpAddressRequest { defaultDpAddress UTF8String }: its only member, tagged [0].
  auto request = Element::constructed(t::kSetDefaultDpAddress, {tlv::utf8(t::addresses::kDefaultDpAddress, address)});
  auto response = call(channel, request, t::kSetDefaultDpAddress, "SetDefaultDpAddress");
  if (!response) return unexpected(response.error());
  auto code = result_code(response->root);
  if (!code) return unexpected(code.error());
  // setDefaultDpAddressResult: ok(0), undefinedError(127)
  if (*code == 0) return {};
  return check_result("SetDefaultDpAddress", *code, ResultMeaning::other, "undefinedError");
}

}  // namespace lpad::es10
