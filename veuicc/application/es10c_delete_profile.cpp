// ES10c.DeleteProfile (SGP.22 section 5.7.18): only a disabled profile goes, and not when its
// PPR2 ("deletion not allowed", section 2.9.1) is set. The delete notification names the ICCID
// and stays after the profile is gone, as on real eUICCs.
#include "rsp/tags.h"
#include "veuicc/application/es10_responses.h"
#include "veuicc/application/handlers.h"
#include "veuicc/application/notifications.h"
#include "veuicc/application/profile_identifier.h"

namespace lpad::veuicc::handlers {

namespace {
namespace t = rsp::tags;
enum DeleteResult : std::int64_t {
  kOk = 0,
  kIccidOrAidNotFound = 1,
  kProfileNotInDisabledState = 2,
  kDisallowedByPolicy = 3,
  kUndefinedError = 127,
};
}  // namespace

// DeleteProfileRequest ::= [51] CHOICE { isdpAid 4F, iccid 5A }: BF33 { 4F | 5A }.
Es10Response delete_profile(CardContext& ctx, const tlv::Node& request) {
  auto id = read_profile_identifier(request);
  if (!id) return malformed_request();
  const auto* target = id->find_in(ctx.state);
  if (!target) return result_response(t::kDeleteProfile, kIccidOrAidNotFound);
  if (target->state != rsp::ProfileState::disabled) return result_response(t::kDeleteProfile, kProfileNotInDisabledState);
  if (target->metadata.policy_rules && target->metadata.policy_rules->delete_not_allowed)
    return result_response(t::kDeleteProfile, kDisallowedByPolicy);

  EuiccState next = ctx.state;
  const auto* doomed = id->find_in(next);
  if (!add_profile_notifications(next, ctx.identity, rsp::NotificationEvent::delete_profile, *doomed))
    return result_response(t::kDeleteProfile, kUndefinedError);
  next.profiles.erase(next.profiles.begin() + (doomed - next.profiles.data()));
  if (!ctx.commit(std::move(next))) return commit_failed();
  return result_response(t::kDeleteProfile, kOk);
}

}  // namespace lpad::veuicc::handlers
