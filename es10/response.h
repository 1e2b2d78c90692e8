// Shared steps of every ES10 call: send the command, decode the response strictly as the tag it
// must carry, and turn the card's result codes into named errors.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/bytes.h"
#include "core/error.h"
#include "es10/isdr_channel.h"
#include "tlv/builder.h"
#include "tlv/decoder.h"

namespace lpad::es10 {

// The response's DER with its decoded root; the node views into `der`.
struct Response {
  Bytes der;
  tlv::Node root;
  Response(Bytes bytes, tlv::Node node) : der(std::move(bytes)), root(node) {}
  Response(Response&& other) noexcept;
  Response(const Response&) = delete;
};

// Sends `request` and decodes the answer, which must be one TLV with `expected` as its tag.
// `function` names the ES10 function in messages ("EnableProfile").
Result<Response> call(IsdrChannel& channel, const tlv::Element& request, tlv::Tag expected, std::string_view function);

// The meaning of a result code a card returned, for the functions that share them.
enum class ResultMeaning : std::uint8_t {
  ok,
  not_found,        // iccidOrAidNotFound, iccidNotFound
  wrong_state,      // profileNotInDisabledState / profileNotInEnabledState
  policy,           // disallowedByPolicy
  cat_busy,
  nothing_to_delete,
  other,
};

// Maps `code` of `function` to Ok or a named error: `meaning_of(code)` says what the ASN.1's named
// number means for this function.
Result<void> check_result(std::string_view function, std::int64_t code, ResultMeaning meaning, std::string_view code_name);

// Reads the single INTEGER result member [0] of a *Response SEQUENCE.
Result<std::int64_t> result_code(const tlv::Node& response);

}  // namespace lpad::es10
