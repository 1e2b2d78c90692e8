// Shapes shared by many ES10 answers (SGP.22 section 5.7): most responses are
// SEQUENCE { xxxResult INTEGER } under the function's own tag, the result being [0] (80) by
// AUTOMATIC TAGS; the list responses are CHOICEs of a SEQUENCE OF [0] and an error INTEGER [1].
#pragma once

#include <cstdint>

#include "core/bytes.h"
#include "tlv/builder.h"
#include "veuicc/card/es10_application.h"

namespace lpad::veuicc {

// e.g. EnableProfileResponse ::= [49] SEQUENCE { enableResult INTEGER }: BF31 03 80 01 00.
inline Bytes result_response(tlv::Tag function_tag, std::int64_t result) {
  return tlv::Element::constructed(function_tag, {tlv::integer(tlv::Tag::context(0, false), result)}).encode();
}

// The CHOICE alternative xxxResultError [1] INTEGER of the list responses: BF2D 03 81 01 01.
inline Bytes list_error_response(tlv::Tag function_tag, std::int64_t error) {
  return tlv::Element::constructed(function_tag, {tlv::integer(tlv::Tag::context(1, false), error)}).encode();
}

// A request that is not the ASN.1 of its function is refused at the APDU level, as real eUICCs
// do (ISO 7816-4: 6A80 "incorrect parameters in the data field").
inline unexpected<StatusWord> malformed_request() { return unexpected(sw::incorrect_data); }

// The state could not be written: the card's NVM failed, nothing changed (6F00, no diagnosis).
inline unexpected<StatusWord> commit_failed() { return unexpected(sw::no_precise_diagnosis); }

}  // namespace lpad::veuicc
