// ES10b.GetEUICCChallenge (SGP.22 section 5.7.7): 16 random bytes that the SM-DP+ must sign back
// in serverSigned1. Asking for a challenge starts a new download session.
#include "crypto/random.h"
#include "rsp/authentication.h"
#include "veuicc/application/download/download_session_data.h"
#include "veuicc/application/handlers.h"

namespace lpad::veuicc::handlers {

namespace {
constexpr std::size_t kEuiccChallengeSize = 16;
}  // namespace

Es10Response get_euicc_challenge(CardContext& ctx, const tlv::Node&) {
  ctx.session.clear();
  Bytes challenge;
  if (ctx.hooks.next_euicc_challenge) {
    challenge = std::move(*ctx.hooks.next_euicc_challenge);
    ctx.hooks.next_euicc_challenge.reset();
  } else {
    auto random = crypto::random_bytes(kEuiccChallengeSize);
    if (!random) return unexpected(sw::no_precise_diagnosis);
    challenge = std::move(*random);
  }
  ctx.session.data().euicc_challenge = challenge;
  return rsp::encode_euicc_challenge_response(challenge).encode();
}

}  // namespace lpad::veuicc::handlers
