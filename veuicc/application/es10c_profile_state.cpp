// ES10c.EnableProfile and DisableProfile (SGP.22 sections 5.7.16, 5.7.17). One profile is
// enabled at a time: enabling one disables the one enabled before. PPR1 ("disabling not
// allowed", section 2.9.1) of the enabled profile refuses both. Each change adds the
// notifications the profiles' notificationConfigurationInfo asks for (section 3.5).
#include "rsp/tags.h"
#include "tlv/values.h"
#include "veuicc/application/es10_responses.h"
#include "veuicc/application/handlers.h"
#include "veuicc/application/notifications.h"
#include "veuicc/application/profile_identifier.h"

namespace lpad::veuicc::handlers {

namespace {

namespace t = rsp::tags;

// enableResult / disableResult INTEGER values (the two lists share their numbers).
enum ProfileStateResult : std::int64_t {
  kOk = 0,
  kIccidOrAidNotFound = 1,
  kProfileInWrongState = 2,  // profileNotInDisabledState / profileNotInEnabledState
  kDisallowedByPolicy = 3,
  kUndefinedError = 127,
};

bool disabling_forbidden(const InstalledProfile& profile) {
  return profile.metadata.policy_rules && profile.metadata.policy_rules->disable_not_allowed;
}

// EnableProfileRequest / DisableProfileRequest ::= SEQUENCE { profileIdentifier [0] CHOICE
// (explicit: A0 { 4F | 5A }), refreshFlag [1] BOOLEAN }. The card has no terminal to REFRESH,
// so the flag is read for well-formedness only.
std::optional<ProfileIdentifier> read_request(const tlv::Node& request) {
  auto choice = request.find(tlv::Tag::context(0, true));
  auto refresh = request.find(tlv::Tag::context(1, false));
  if (!choice || !refresh || !tlv::read_boolean(*refresh)) return std::nullopt;
  return read_profile_identifier(*choice);
}

// Switches `profile` in `next` to `state` and records the notifications of `event`.
Result<void> switch_profile(EuiccState& next, const Identity& identity, InstalledProfile& profile,
                            rsp::ProfileState state, rsp::NotificationEvent event) {
  profile.state = state;
  return add_profile_notifications(next, identity, event, profile);
}

}  // namespace

Es10Response enable_profile(CardContext& ctx, const tlv::Node& request) {
  auto id = read_request(request);
  if (!id) return malformed_request();
  const auto* target = id->find_in(ctx.state);
  if (!target) return result_response(t::kEnableProfile, kIccidOrAidNotFound);
  if (target->state == rsp::ProfileState::enabled) return result_response(t::kEnableProfile, kProfileInWrongState);
  if (const auto* current = ctx.state.enabled_profile(); current && disabling_forbidden(*current))
    return result_response(t::kEnableProfile, kDisallowedByPolicy);

  EuiccState next = ctx.state;
  if (auto* current = next.enabled_profile()) {
    if (!switch_profile(next, ctx.identity, *current, rsp::ProfileState::disabled, rsp::NotificationEvent::disable))
      return result_response(t::kEnableProfile, kUndefinedError);
  }
  if (!switch_profile(next, ctx.identity, *id->find_in(next), rsp::ProfileState::enabled, rsp::NotificationEvent::enable))
    return result_response(t::kEnableProfile, kUndefinedError);
  if (!ctx.commit(std::move(next))) return commit_failed();
  return result_response(t::kEnableProfile, kOk);
}

Es10Response disable_profile(CardContext& ctx, const tlv::Node& request) {
  auto id = read_request(request);
  if (!id) return malformed_request();
  const auto* target = id->find_in(ctx.state);
  if (!target) return result_response(t::kDisableProfile, kIccidOrAidNotFound);
  if (target->state != rsp::ProfileState::enabled) return result_response(t::kDisableProfile, kProfileInWrongState);
  if (disabling_forbidden(*target)) return result_response(t::kDisableProfile, kDisallowedByPolicy);

  EuiccState next = ctx.state;
  if (!switch_profile(next, ctx.identity, *id->find_in(next), rsp::ProfileState::disabled, rsp::NotificationEvent::disable))
    return result_response(t::kDisableProfile, kUndefinedError);
  if (!ctx.commit(std::move(next))) return commit_failed();
  return result_response(t::kDisableProfile, kOk);
}

}  // namespace lpad::veuicc::handlers
