// ES10c.GetEID (SGP.22 section 5.7.20): GetEuiccDataRequest ::= [62] SEQUENCE { tagList 5C
// Octet1 }, whose one tag "SHALL be set to '5A'"; the answer is BF3E { 5A 16 bytes of EID }.
#include "rsp/tags.h"
#include "veuicc/application/es10_responses.h"
#include "veuicc/application/handlers.h"

namespace lpad::veuicc::handlers {

Es10Response get_eid(CardContext& ctx, const tlv::Node& request) {
  auto tag_list = request.find(rsp::tags::kTagList);
  if (!tag_list || tag_list->value().size() != 1 || tag_list->value()[0] != rsp::tags::kIccid.wire())
    return malformed_request();
  // The EID's 32 decimal digits are its 16 bytes written in hex (no nibble swap, unlike ICCIDs).
  auto eid = from_hex(ctx.identity.eid);
  if (!eid) return unexpected(sw::no_precise_diagnosis);
  return tlv::Element::constructed(rsp::tags::kGetEuiccData, {tlv::octets(rsp::tags::kIccid, *eid)}).encode();
}

}  // namespace lpad::veuicc::handlers
