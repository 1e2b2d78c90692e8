// ES10b.CancelSession (SGP.22 section 5.7.16 / 3.1.3): the LPA ends a download on the user's or
// its own behalf; the eUICC signs the cancellation so the SM-DP+ can trust it.
#pragma once

#include <cstdint>
#include <string>
#include <variant>

#include "core/bytes.h"
#include "core/error.h"
#include "tlv/builder.h"
#include "tlv/decoder.h"

namespace lpad::rsp {

enum class CancelSessionReason : std::uint8_t {
  end_user_rejection = 0,
  postponed = 1,
  timeout = 2,
  ppr_not_allowed = 3,
  metadata_mismatch = 4,
  load_bpp_execution_error = 5,
  undefined_reason = 127,
};

// CancelSessionRequest ::= [65] SEQUENCE (BF41) { transactionId [0], reason [1] }
struct CancelSessionRequest {
  Bytes transaction_id;
  CancelSessionReason reason = CancelSessionReason::undefined_reason;
  bool operator==(const CancelSessionRequest&) const = default;
};
tlv::Element encode_cancel_session_request(const CancelSessionRequest& request);
Result<CancelSessionRequest> decode_cancel_session_request(const tlv::Node& node);

// EuiccCancelSessionSigned ::= SEQUENCE { transactionId [0], smdpOid [1] (of CERT.DPauth), reason [2] }
struct EuiccCancelSessionSigned {
  Bytes transaction_id;
  std::string smdp_oid;
  CancelSessionReason reason = CancelSessionReason::undefined_reason;
  bool operator==(const EuiccCancelSessionSigned&) const = default;
};
Result<tlv::Element> encode_euicc_cancel_session_signed(const EuiccCancelSessionSigned& signed_part);
Result<EuiccCancelSessionSigned> decode_euicc_cancel_session_signed(const tlv::Node& node);

enum class CancelSessionError : std::uint8_t { invalid_transaction_id = 5, undefined_error = 127 };

struct CancelSessionResponseOk {
  Bytes euicc_cancel_session_signed;  // DER, as signed
  Bytes signature;                    // r || s
  bool operator==(const CancelSessionResponseOk&) const = default;
};

// CancelSessionResponse ::= [65] CHOICE (BF41) { cancelSessionResponseOk [0],
//   cancelSessionResponseError [1] INTEGER }
using CancelSessionResponse = std::variant<CancelSessionResponseOk, CancelSessionError>;
tlv::Element encode_cancel_session_response(const CancelSessionResponse& response);
Result<CancelSessionResponse> decode_cancel_session_response(const tlv::Node& node);

}  // namespace lpad::rsp
