// Common mutual authentication (SGP.22 section 3.1.2, ES10b 5.7.7 GetEUICCChallenge and 5.7.13
// AuthenticateServer): what the LPA sends the eUICC and what the eUICC answers. Signed parts
// (serverSigned1, euiccSigned1) and ctxParams1 travel as their DER, because signatures cover the
// exact bytes; their typed views have their own codecs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/bytes.h"
#include "core/error.h"
#include "tlv/builder.h"
#include "tlv/decoder.h"

namespace lpad::rsp {

// GetEuiccChallengeResponse ::= [46] SEQUENCE { euiccChallenge Octet16 } (BF2E)
tlv::Element encode_euicc_challenge_response(ByteView challenge);
Result<Bytes> decode_euicc_challenge_response(const tlv::Node& node);

// ServerSigned1 ::= SEQUENCE { transactionId [0], euiccChallenge [1], serverAddress [3], serverChallenge [4] }
struct ServerSigned1 {
  Bytes transaction_id;    // 1..16 bytes
  Bytes euicc_challenge;   // 16 bytes
  std::string server_address;
  Bytes server_challenge;  // 16 bytes
  bool operator==(const ServerSigned1&) const = default;
};
tlv::Element encode_server_signed1(const ServerSigned1& signed1);
Result<ServerSigned1> decode_server_signed1(const tlv::Node& node);

// DeviceCapabilities ::= SEQUENCE { gsmSupportedRelease [0] VersionType OPTIONAL, ... }: every
// member is an optional release, so it is kept as (member number, value) in wire order; members a
// newer SGP.22 adds pass through unchanged.
struct DeviceCapability {
  std::uint8_t member = 0;  // [n]: 0 gsm, 1 utran, 2..4 cdma2000, 5 eutranEpc, 6 contactless, 7 rspCrl, 8 nrEpc, 9 nr5gc, 10 eutran5gc
  Bytes release;            // VersionType, normally 3 bytes
  bool operator==(const DeviceCapability&) const = default;
};

// DeviceInfo ::= SEQUENCE { tac Octet4, deviceCapabilities DeviceCapabilities, imei Octet8 OPTIONAL }
struct DeviceInfo {
  Bytes tac;  // 4 bytes
  std::vector<DeviceCapability> capabilities;
  std::optional<Bytes> imei;  // 8 bytes
  bool operator==(const DeviceInfo&) const = default;
};

// CtxParams1 ::= CHOICE { ctxParamsForCommonAuthentication [0] SEQUENCE { matchingId UTF8String
// OPTIONAL, deviceInfo DeviceInfo } } (the only alternative SGP.22 v2 defines; tag A0)
struct CtxParams1 {
  std::optional<std::string> matching_id;
  DeviceInfo device_info;
  bool operator==(const CtxParams1&) const = default;
};
tlv::Element encode_ctx_params1(const CtxParams1& params);
Result<CtxParams1> decode_ctx_params1(const tlv::Node& node);

// AuthenticateServerRequest ::= [56] SEQUENCE (BF38) { serverSigned1, serverSignature1 5F37,
//   euiccCiPKIdToBeUsed SubjectKeyIdentifier (04), serverCertificate, ctxParams1 }
struct AuthenticateServerRequest {
  Bytes server_signed1;      // ServerSigned1 DER, as the SM-DP+ signed it
  Bytes server_signature1;   // r || s
  Bytes euicc_ci_pkid;       // the SubjectKeyIdentifier's content
  Bytes server_certificate;  // CERT.DPauth.ECDSA DER
  Bytes ctx_params1;         // CtxParams1 DER (A0 ...)
  bool operator==(const AuthenticateServerRequest&) const = default;
};
tlv::Element encode_authenticate_server_request(const AuthenticateServerRequest& request);
Result<AuthenticateServerRequest> decode_authenticate_server_request(const tlv::Node& node);

// EuiccSigned1 ::= SEQUENCE { transactionId [0], serverAddress [3], serverChallenge [4],
//   euiccInfo2 [34] (BF22), ctxParams1 }
struct EuiccSigned1 {
  Bytes transaction_id;
  std::string server_address;
  Bytes server_challenge;
  Bytes euicc_info2;  // EUICCInfo2 DER (BF22 ...)
  Bytes ctx_params1;  // CtxParams1 DER as the LPA sent it
  bool operator==(const EuiccSigned1&) const = default;
};
tlv::Element encode_euicc_signed1(const EuiccSigned1& signed1);
Result<EuiccSigned1> decode_euicc_signed1(const tlv::Node& node);

enum class AuthenticateErrorCode : std::uint8_t {
  invalid_certificate = 1,
  invalid_signature = 2,
  unsupported_curve = 3,
  no_session_context = 4,
  invalid_oid = 5,
  euicc_challenge_mismatch = 6,
  ci_pk_unknown = 7,
  undefined_error = 127,
};

// AuthenticateResponseOk ::= SEQUENCE { euiccSigned1, euiccSignature1 5F37, euiccCertificate, eumCertificate }
struct AuthenticateResponseOk {
  Bytes euicc_signed1;      // EuiccSigned1 DER, as signed
  Bytes euicc_signature1;   // r || s
  Bytes euicc_certificate;  // CERT.EUICC.ECDSA DER
  Bytes eum_certificate;    // CERT.EUM.ECDSA DER
  bool operator==(const AuthenticateResponseOk&) const = default;
};

// AuthenticateResponseError ::= SEQUENCE { transactionId [0], authenticateErrorCode INTEGER }
struct AuthenticateResponseError {
  Bytes transaction_id;
  AuthenticateErrorCode code = AuthenticateErrorCode::undefined_error;
  bool operator==(const AuthenticateResponseError&) const = default;
};

// AuthenticateServerResponse ::= [56] CHOICE (BF38) { authenticateResponseOk [0], authenticateResponseError [1] }
using AuthenticateServerResponse = std::variant<AuthenticateResponseOk, AuthenticateResponseError>;
tlv::Element encode_authenticate_server_response(const AuthenticateServerResponse& response);
Result<AuthenticateServerResponse> decode_authenticate_server_response(const tlv::Node& node);

}  // namespace lpad::rsp
