#include "es10/response.h"

#include <fmt/format.h>

#include "tlv/values.h"

namespace lpad::es10 {

Response::Response(Response&& other) noexcept : der(std::move(other.der)), root(other.root) {
  // Moving a vector keeps its buffer, so the node's view stays valid.
}

Result<Response> call(IsdrChannel& channel, const tlv::Element& request, tlv::Tag expected, std::string_view function) {
  auto answer = channel.command(request.encode());
  if (!answer) {
    auto e = answer.error();
    e.message = fmt::format("{}: {}", function, e.message);
    return unexpected(e);
  }
  auto node = tlv::decode(*answer, expected);
  if (!node) {
    auto e = node.error();
    e.message = fmt::format("the eUICC's answer to {} is malformed: {}", function, e.message);
    e.code = Errc::es10_bad_response;
    return unexpected(e);
  }
  auto root = *node;
  return Response(std::move(*answer), root);
}

Result<std::int64_t> result_code(const tlv::Node& response) {
  auto member = response.require(tlv::Tag{0x80});
  if (!member) return unexpected(member.error());
  return tlv::read_integer(*member);
}

Result<void> check_result(std::string_view function, std::int64_t code, ResultMeaning meaning, std::string_view code_name) {
  auto error = [&](Errc errc, std::string_view what) {
    return fail(errc, fmt::format("{}: {} ({} {})", function, what, code_name, code));
  };
  switch (meaning) {
    case ResultMeaning::ok: return {};
    case ResultMeaning::not_found: return error(Errc::es10_profile_not_found, "no such profile on the eUICC");
    case ResultMeaning::wrong_state: return error(Errc::es10_profile_wrong_state, "the profile is not in the state this needs");
    case ResultMeaning::policy: return error(Errc::es10_disallowed_by_policy, "a profile policy rule of the operator forbids it");
    case ResultMeaning::cat_busy: return error(Errc::es10_cat_busy, "the eUICC's toolkit is busy; try again in a moment");
    case ResultMeaning::nothing_to_delete: return error(Errc::es10_nothing_to_delete, "there was nothing to delete");
    case ResultMeaning::other: return error(Errc::es10_card_refused, "the eUICC refused");
  }
  return error(Errc::es10_card_refused, "the eUICC refused");
}

}  // namespace lpad::es10
