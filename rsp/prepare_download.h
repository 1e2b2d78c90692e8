// ES10b.PrepareDownload (SGP.22 section 5.7.14): the SM-DP+'s signed go-ahead the LPA passes on,
// and the eUICC's answer with its one-time key otPK.EUICC.ECKA. Signed parts travel as DER.
#pragma once

#include <cstdint>
#include <optional>
#include <variant>

#include "core/bytes.h"
#include "core/error.h"
#include "tlv/builder.h"
#include "tlv/decoder.h"

namespace lpad::rsp {

// SmdpSigned2 ::= SEQUENCE { transactionId [0], ccRequiredFlag BOOLEAN, bppEuiccOtpk 5F49 OPTIONAL }
struct SmdpSigned2 {
  Bytes transaction_id;
  bool cc_required = false;
  std::optional<Bytes> bpp_euicc_otpk;  // set when the SM-DP+ reuses an already bound BPP
  bool operator==(const SmdpSigned2&) const = default;
};
tlv::Element encode_smdp_signed2(const SmdpSigned2& signed2);
Result<SmdpSigned2> decode_smdp_signed2(const tlv::Node& node);

// PrepareDownloadRequest ::= [33] SEQUENCE (BF21) { smdpSigned2, smdpSignature2 5F37,
//   hashCc Octet32 OPTIONAL, smdpCertificate (CERT.DPpb.ECDSA) }
struct PrepareDownloadRequest {
  Bytes smdp_signed2;     // SmdpSigned2 DER, as signed
  Bytes smdp_signature2;  // r || s
  std::optional<Bytes> hash_cc;
  Bytes smdp_certificate;  // DER
  bool operator==(const PrepareDownloadRequest&) const = default;
};
tlv::Element encode_prepare_download_request(const PrepareDownloadRequest& request);
Result<PrepareDownloadRequest> decode_prepare_download_request(const tlv::Node& node);

// EUICCSigned2 ::= SEQUENCE { transactionId [0], euiccOtpk 5F49, hashCc Octet32 OPTIONAL }
struct EuiccSigned2 {
  Bytes transaction_id;
  Bytes euicc_otpk;  // 04 || X || Y
  std::optional<Bytes> hash_cc;
  bool operator==(const EuiccSigned2&) const = default;
};
tlv::Element encode_euicc_signed2(const EuiccSigned2& signed2);
Result<EuiccSigned2> decode_euicc_signed2(const tlv::Node& node);

enum class DownloadErrorCode : std::uint8_t {
  invalid_certificate = 1,
  invalid_signature = 2,
  unsupported_curve = 3,
  no_session_context = 4,
  invalid_transaction_id = 5,
  undefined_error = 127,
};

struct PrepareDownloadResponseOk {
  Bytes euicc_signed2;     // EUICCSigned2 DER, as signed
  Bytes euicc_signature2;  // r || s
  bool operator==(const PrepareDownloadResponseOk&) const = default;
};

struct PrepareDownloadResponseError {
  Bytes transaction_id;
  DownloadErrorCode code = DownloadErrorCode::undefined_error;
  bool operator==(const PrepareDownloadResponseError&) const = default;
};

// PrepareDownloadResponse ::= [33] CHOICE (BF21) { downloadResponseOk [0], downloadResponseError [1] }
using PrepareDownloadResponse = std::variant<PrepareDownloadResponseOk, PrepareDownloadResponseError>;
tlv::Element encode_prepare_download_response(const PrepareDownloadResponse& response);
Result<PrepareDownloadResponse> decode_prepare_download_response(const tlv::Node& node);

}  // namespace lpad::rsp
