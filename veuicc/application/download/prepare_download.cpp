// ES10b.PrepareDownload (SGP.22 sections 5.7.14 and 3.1.3.2): the eUICC checks the SM-DP+'s
// CERT.DPpb and smdpSignature2, makes its one-time key pair otSK/otPK.EUICC.ECKA for binding the
// profile, and signs it together with the SM-DP+'s signature.
#include <algorithm>
#include <vector>

#include "crypto/chain.h"
#include "crypto/ecdsa.h"
#include "crypto/keys.h"
#include "rsp/prepare_download.h"
#include "rsp/tags.h"
#include "tlv/builder.h"
#include "veuicc/application/download/download_session_data.h"
#include "veuicc/application/download/smdp_oid.h"
#include "veuicc/application/es10_responses.h"
#include "veuicc/application/handlers.h"

namespace lpad::veuicc::handlers {

namespace {

using Code = rsp::DownloadErrorCode;

Bytes concat(ByteView a, ByteView b) {
  Bytes out(a.begin(), a.end());
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

// The signature DO as it travels: 5F37 40 || r || s.
Bytes signature_do(ByteView r_s) { return tlv::octets(rsp::tags::kSignature, r_s).encode(); }

Result<crypto::PrivateKey> one_time_key(CardContext& ctx, crypto::Curve curve) {
  if (ctx.hooks.next_otsk_scalar) {
    auto scalar = std::move(*ctx.hooks.next_otsk_scalar);
    ctx.hooks.next_otsk_scalar.reset();
    return crypto::private_key_from_scalar(curve, scalar);
  }
  return crypto::generate_ec_key(curve);
}

}  // namespace

Es10Response prepare_download(CardContext& ctx, const tlv::Node& request) {
  auto parsed = rsp::decode_prepare_download_request(request);
  if (!parsed) return malformed_request();
  auto signed2_node = tlv::decode(parsed->smdp_signed2);
  if (!signed2_node) return malformed_request();
  auto signed2 = rsp::decode_smdp_signed2(*signed2_node);
  if (!signed2) return malformed_request();

  auto refuse = [&](Code code) -> Es10Response {
    ctx.session.clear();
    return rsp::encode_prepare_download_response(rsp::PrepareDownloadResponseError{signed2->transaction_id, code}).encode();
  };

  auto& session = ctx.session.data();
  if (!session.server) return refuse(Code::no_session_context);
  const auto& server = *session.server;
  if (signed2->transaction_id != server.transaction_id) return refuse(Code::invalid_transaction_id);

  // CERT.DPpb from the CI AuthenticateServer agreed on, with the dp-pb policy.
  auto certificate = crypto::Certificate::from_der(parsed->smdp_certificate);
  if (!certificate) return refuse(Code::invalid_certificate);
  std::vector<crypto::Certificate> trusted;
  for (const auto& ci : ctx.identity.cis)
    if (auto ski = ci.subject_key_identifier(); ski && *ski == server.ci_pkid) trusted.push_back(ci);
  if (!crypto::verify_chain(*certificate, {}, trusted, {std::nullopt, crypto::kPolicyDpPb})) return refuse(Code::invalid_certificate);
  auto dppb_key = certificate->public_key();
  if (!dppb_key) return refuse(Code::invalid_certificate);
  auto smdp_oid = smdp_oid_of(*certificate);
  if (!smdp_oid) return refuse(Code::invalid_certificate);

  // smdpSignature2 covers smdpSigned2 || the euiccSignature1 DO (5F37 40 ..).
  auto signed_by_smdp = concat(parsed->smdp_signed2, signature_do(server.euicc_signature1));
  if (!crypto::ecdsa_verify(*dppb_key, signed_by_smdp, parsed->smdp_signature2)) return refuse(Code::invalid_signature);

  // The confirmation code's hash is there exactly when the SM-DP+ asks for one; the eUICC passes
  // it on in euiccSigned2 for the SM-DP+ to compare.
  if (signed2->cc_required != parsed->hash_cc.has_value()) return refuse(Code::undefined_error);

  auto curve = crypto::curve_of(*dppb_key);
  if (!curve) return refuse(Code::unsupported_curve);
  auto otsk = one_time_key(ctx, *curve);
  if (!otsk) return refuse(Code::undefined_error);
  auto otpk_key = crypto::public_key_of(*otsk);
  if (!otpk_key) return refuse(Code::undefined_error);
  auto otpk = crypto::uncompressed_point(*otpk_key);
  if (!otpk) return refuse(Code::undefined_error);

  auto euicc_signed2 = rsp::encode_euicc_signed2({server.transaction_id, *otpk, parsed->hash_cc}).encode();
  // euiccSignature2 covers euiccSigned2 || the smdpSignature2 DO.
  auto signature = crypto::ecdsa_sign(ctx.identity.euicc_key, concat(euicc_signed2, signature_do(parsed->smdp_signature2)));
  if (!signature) return refuse(Code::undefined_error);

  session.prepared.emplace(PreparedDownload{std::move(*otsk), std::move(*otpk), std::move(*dppb_key), std::move(*smdp_oid)});
  session.bpp.reset();
  return rsp::encode_prepare_download_response(rsp::PrepareDownloadResponseOk{std::move(euicc_signed2), std::move(*signature)})
      .encode();
}

}  // namespace lpad::veuicc::handlers
