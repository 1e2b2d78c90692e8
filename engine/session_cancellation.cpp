#include "engine/session_cancellation.h"

#include <fmt/format.h>

#include "es10/es10b.h"

namespace lpad::engine {

CancelOutcome cancel_download_session(es10::IsdrChannel& channel, es9p::Es9p* smdp, const DownloadSessionRef& session,
                                      rsp::CancelSessionReason reason) {
  CancelOutcome outcome;
  auto request = rsp::encode_cancel_session_request({session.transaction_id_bytes, reason}).encode();
  auto answer = es10::cancel_session(channel, request);
  if (!answer) {
    outcome.problem = answer.error();
    return outcome;
  }
  auto decoded = rsp::decode_cancel_session_response(*tlv::decode(*answer));
  if (!decoded) {
    outcome.problem = Error{Errc::es10_bad_response, "the eUICC's CancelSession answer is malformed: " + decoded.error().message};
    return outcome;
  }
  if (std::holds_alternative<rsp::CancelSessionError>(*decoded)) {
    // The card holds no such session (it ended it itself): nothing to prove to the server.
    outcome.problem = Error{Errc::es10_card_refused, "the eUICC has no open session to cancel"};
    return outcome;
  }
  outcome.card_cancelled = true;
  if (smdp == nullptr) return outcome;
  if (auto sent = smdp->cancel_session(session.transaction_id, *answer); !sent) {
    outcome.problem = sent.error();
    return outcome;
  }
  outcome.server_cancelled = true;
  return outcome;
}

Error with_cancellation_note(Error original, const CancelOutcome& outcome) {
  if (outcome.problem) {
    original.message += fmt::format("; cancelling the session did not complete ({})", outcome.problem->describe());
  } else if (outcome.server_cancelled) {
    original.message += "; the session was cancelled on the eUICC and at the SM-DP+";
  } else if (outcome.card_cancelled) {
    original.message += "; the session was cancelled on the eUICC (the SM-DP+ had already ended it)";
  }
  return original;
}

}  // namespace lpad::engine
