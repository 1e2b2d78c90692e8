// Ending a download that will not complete (SGP.22 section 3.1.3 "Cancel Session"): the eUICC
// signs the cancellation (ES10b.CancelSession) and the SM-DP+ gets that proof (ES9+.cancelSession),
// so neither side keeps a session open and the SM-DP+ knows why (user said no, postponed, ...).
#pragma once

#include <optional>
#include <string>

#include "core/error.h"
#include "es10/isdr_channel.h"
#include "es9p/es9p.h"
#include "rsp/cancel_session.h"

namespace lpad::engine {

struct DownloadSessionRef {
  std::string transaction_id;  // as the server wrote it
  Bytes transaction_id_bytes;
};

struct CancelOutcome {
  bool card_cancelled = false;
  bool server_cancelled = false;
  std::optional<Error> problem;  // what stopped the cancellation, if anything
};

// Cancels on the card, then (when `smdp` is given) at the SM-DP+. Pass no SM-DP+ when it has
// already ended the session itself (it answered Failed).
CancelOutcome cancel_download_session(es10::IsdrChannel& channel, es9p::Es9p* smdp, const DownloadSessionRef& session,
                                      rsp::CancelSessionReason reason);

// `original` with a note on how the cancellation went, so the person reading it knows whether
// anything is left open.
Error with_cancellation_note(Error original, const CancelOutcome& outcome);

}  // namespace lpad::engine
