// ES10c.SetNickname (SGP.22 section 5.7.21): SetNicknameRequest ::= [41] SEQUENCE { iccid 5A,
// profileNickname [16] UTF8String (SIZE(0..64)) }. An empty nickname removes it, so that
// ProfileInfo leaves profileNickname out again.
#include <utility>

#include "rsp/tags.h"
#include "tlv/values.h"
#include "veuicc/application/es10_responses.h"
#include "veuicc/application/handlers.h"

namespace lpad::veuicc::handlers {

namespace {
namespace t = rsp::tags;
enum SetNicknameResult : std::int64_t { kOk = 0, kIccidNotFound = 1 };
constexpr std::size_t kMaxNicknameBytes = 64;
}  // namespace

Es10Response set_nickname(CardContext& ctx, const tlv::Node& request) {
  auto iccid_node = request.find(t::kIccid);
  auto nickname_node = request.find(t::profile::kNickname);
  if (!iccid_node || !nickname_node) return malformed_request();
  auto iccid = tlv::read_iccid(*iccid_node);
  auto nickname = tlv::read_utf8(*nickname_node);
  if (!iccid || !nickname || nickname->size() > kMaxNicknameBytes) return malformed_request();
  if (!ctx.state.find_by_iccid(*iccid)) return result_response(t::kSetNickname, kIccidNotFound);

  EuiccState next = ctx.state;
  auto& profile = *next.find_by_iccid(*iccid);
  if (nickname->empty())
    profile.nickname.reset();
  else
    profile.nickname = std::move(*nickname);
  if (!ctx.commit(std::move(next))) return commit_failed();
  return result_response(t::kSetNickname, kOk);
}

}  // namespace lpad::veuicc::handlers
