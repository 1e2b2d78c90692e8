// ES10b.CancelSession (SGP.22 sections 5.7.16 and 3.1.3 error handling): the LPA ends the
// download; the eUICC signs the cancellation for the SM-DP+ and forgets the session.
#include "crypto/ecdsa.h"
#include "rsp/cancel_session.h"
#include "veuicc/application/download/download_session_data.h"
#include "veuicc/application/es10_responses.h"
#include "veuicc/application/handlers.h"

namespace lpad::veuicc::handlers {

Es10Response cancel_session(CardContext& ctx, const tlv::Node& request) {
  auto parsed = rsp::decode_cancel_session_request(request);
  if (!parsed) return malformed_request();
  const auto& session = ctx.session.data();
  // A cancellation for another transaction leaves this one alone.
  if (!session.server || parsed->transaction_id != session.server->transaction_id)
    return rsp::encode_cancel_session_response(rsp::CancelSessionError::invalid_transaction_id).encode();

  auto signed_part = rsp::encode_euicc_cancel_session_signed({parsed->transaction_id, session.server->smdp_oid, parsed->reason});
  ctx.session.clear();
  if (!signed_part) return rsp::encode_cancel_session_response(rsp::CancelSessionError::undefined_error).encode();
  auto der = signed_part->encode();
  auto signature = crypto::ecdsa_sign(ctx.identity.euicc_key, der);
  if (!signature) return rsp::encode_cancel_session_response(rsp::CancelSessionError::undefined_error).encode();
  return rsp::encode_cancel_session_response(rsp::CancelSessionResponseOk{std::move(der), std::move(*signature)}).encode();
}

}  // namespace lpad::veuicc::handlers
