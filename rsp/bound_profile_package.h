// The Bound Profile Package (SGP.22 section 2.5.5, ES8+): BF36 { BF23 InitialiseSecureChannel,
// A0 firstSequenceOf87, A1 sequenceOf88, A2 secondSequenceOf87 OPTIONAL, A3 sequenceOf86 }. The
// protected segments are crypto/bsp.h's business; this is the one clear-text member.
#pragma once

#include <cstdint>

#include "core/bytes.h"
#include "core/error.h"
#include "tlv/builder.h"
#include "tlv/decoder.h"

namespace lpad::rsp {

// RemoteOpId ::= [2] INTEGER { installBoundProfilePackage(1) }
inline constexpr std::int64_t kRemoteOpInstallBoundProfilePackage = 1;

// ControlRefTemplate ::= SEQUENCE { keyType [0] Octet1, keyLen [1] Octet1, hostId [4] OctetTo16 }
struct ControlRefTemplate {
  std::uint8_t key_type = 0x88;    // AES
  std::uint8_t key_length = 0x10;  // 16 bytes
  Bytes host_id;
  bool operator==(const ControlRefTemplate&) const = default;
};

// InitialiseSecureChannelRequest ::= [35] SEQUENCE (BF23) { remoteOpId [2], transactionId [0],
//   controlRefTemplate [6] IMPLICIT, smdpOtpk 5F49, smdpSign 5F37 }
struct InitialiseSecureChannelRequest {
  std::int64_t remote_op_id = kRemoteOpInstallBoundProfilePackage;
  Bytes transaction_id;
  ControlRefTemplate control_ref_template;
  Bytes smdp_otpk;  // otPK.DP.ECKA, 04 || X || Y
  Bytes smdp_sign;  // r || s
  bool operator==(const InitialiseSecureChannelRequest&) const = default;
};
tlv::Element encode_initialise_secure_channel(const InitialiseSecureChannelRequest& request);
Result<InitialiseSecureChannelRequest> decode_initialise_secure_channel(const tlv::Node& node);

// What smdpSign covers (SGP.22 section 5.5.1 / 2.5.5): the request's members before smdpSign as
// received (82 remoteOpId, 80 transactionId, A6 CRT, 5F49 smdpOtpk), then 5F49 euiccOtpk.
Bytes initialise_secure_channel_signed_data(const tlv::Node& request, ByteView euicc_otpk);

}  // namespace lpad::rsp
