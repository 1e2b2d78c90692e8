// ES10b.AuthenticateServer (SGP.22 sections 5.7.13 and 3.1.2): the eUICC checks that the SM-DP+
// (or SM-DS) holds a CERT.DPauth (CERT.DSauth) from a CI it trusts and signed this session's
// challenge, then signs
// euiccSigned1 so the SM-DP+ can check the eUICC in turn.
#include <algorithm>
#include <vector>

#include "crypto/chain.h"
#include "crypto/ecdsa.h"
#include "rsp/authentication.h"
#include "rsp/tags.h"
#include "veuicc/application/download/download_session_data.h"
#include "veuicc/application/download/smdp_oid.h"
#include "veuicc/application/es10_responses.h"
#include "veuicc/application/handlers.h"

namespace lpad::veuicc::handlers {

namespace {

using Code = rsp::AuthenticateErrorCode;

// The CI certificates with this PKID: the SGP.26 CIs share one key under two names, and a chain
// built by name needs the one that issued the certificate.
std::vector<crypto::Certificate> cis_with_pkid(const Identity& identity, ByteView pkid) {
  std::vector<crypto::Certificate> out;
  for (const auto& ci : identity.cis) {
    auto ski = ci.subject_key_identifier();
    if (ski && std::ranges::equal(*ski, pkid)) out.push_back(ci);
  }
  return out;
}

// EUICCInfo2 as GetEUICCInfo2 reports it at this moment (section 5.7.8).
Result<Bytes> current_euicc_info2(CardContext& ctx) {
  static constexpr std::uint8_t kRequest[] = {0xBF, 0x22, 0x00};
  auto request = tlv::decode(kRequest);
  if (!request) return unexpected(request.error());
  auto info = get_euicc_info2(ctx, *request);
  if (!info) return fail(Errc::invalid_argument, "EUICCInfo2 is not available");
  return std::move(*info);
}

Result<Bytes> euicc_signature1(CardContext& ctx, ByteView euicc_signed1) {
  if (ctx.hooks.next_euicc_signature1) {
    auto injected = std::move(*ctx.hooks.next_euicc_signature1);
    ctx.hooks.next_euicc_signature1.reset();
    return injected;
  }
  return crypto::ecdsa_sign(ctx.identity.euicc_key, euicc_signed1);
}

}  // namespace

Es10Response authenticate_server(CardContext& ctx, const tlv::Node& request) {
  auto parsed = rsp::decode_authenticate_server_request(request);
  if (!parsed) return malformed_request();
  auto signed1_node = tlv::decode(parsed->server_signed1);
  if (!signed1_node) return malformed_request();
  auto signed1 = rsp::decode_server_signed1(*signed1_node);
  if (!signed1) return malformed_request();
  auto ctx_params_node = tlv::decode(parsed->ctx_params1);
  if (!ctx_params_node) return malformed_request();
  auto ctx_params = rsp::decode_ctx_params1(*ctx_params_node);
  if (!ctx_params) return malformed_request();

  // Any failure ends the session (section 5.7.13: the eUICC discards the challenge).
  auto refuse = [&](Code code) -> Es10Response {
    ctx.session.clear();
    return rsp::encode_authenticate_server_response(rsp::AuthenticateResponseError{signed1->transaction_id, code}).encode();
  };

  auto& session = ctx.session.data();
  if (!session.euicc_challenge) return refuse(Code::no_session_context);

  auto pkids = ctx.identity.ci_pkids();
  if (std::ranges::find(pkids, parsed->euicc_ci_pkid) == pkids.end()) return refuse(Code::ci_pk_unknown);
  auto certificate = crypto::Certificate::from_der(parsed->server_certificate);
  if (!certificate) return refuse(Code::invalid_certificate);
  auto trusted = cis_with_pkid(ctx.identity, parsed->euicc_ci_pkid);
  // An SM-DP+ authenticates with CERT.DPauth, an SM-DS (ES11 event retrieval) with CERT.DSauth.
  if (!crypto::verify_chain(*certificate, {}, trusted, {std::nullopt, crypto::kPolicyDpAuth}) &&
      !crypto::verify_chain(*certificate, {}, trusted, {std::nullopt, crypto::kPolicyDsAuth}))
    return refuse(Code::invalid_certificate);
  auto dpauth_key = certificate->public_key();
  if (!dpauth_key) return refuse(Code::invalid_certificate);
  if (!crypto::ecdsa_verify(*dpauth_key, parsed->server_signed1, parsed->server_signature1))
    return refuse(Code::invalid_signature);
  if (signed1->euicc_challenge != *session.euicc_challenge) return refuse(Code::euicc_challenge_mismatch);
  auto smdp_oid = smdp_oid_of(*certificate);
  if (!smdp_oid) return refuse(Code::invalid_oid);

  auto euicc_info2 = current_euicc_info2(ctx);
  if (!euicc_info2) return refuse(Code::undefined_error);
  // ctxParams1 goes back as the LPA sent it: the SM-DP+ compares it byte for byte.
  auto euicc_signed1 = rsp::encode_euicc_signed1({signed1->transaction_id, signed1->server_address, signed1->server_challenge,
                                                  std::move(*euicc_info2), parsed->ctx_params1})
                           .encode();
  auto signature = euicc_signature1(ctx, euicc_signed1);
  if (!signature) return refuse(Code::undefined_error);

  session.server = AuthenticatedServer{signed1->transaction_id, signed1->server_address, ctx_params->matching_id,
                                       std::move(*smdp_oid), parsed->euicc_ci_pkid, *signature};
  return rsp::encode_authenticate_server_response(
             rsp::AuthenticateResponseOk{std::move(euicc_signed1), std::move(*signature), ctx.identity.euicc.der(),
                                         ctx.identity.eum.der()})
      .encode();
}

}  // namespace lpad::veuicc::handlers
