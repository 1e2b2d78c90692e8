#include "veuicc/application/download/bpp_loader.h"

#include <algorithm>

#include "crypto/ecdsa.h"
#include "crypto/ecka.h"
#include "crypto/session_keys.h"
#include "rsp/bound_profile_package.h"
#include "rsp/tags.h"
#include "tlv/decoder.h"
#include "veuicc/application/download/profile_package.h"

namespace lpad::veuicc {

namespace {

namespace t = rsp::tags;
using Command = rsp::BppCommandId;
using Reason = rsp::InstallErrorReason;

bool same(ByteView a, ByteView b) { return std::ranges::equal(a, b); }

// The session keys of SGP.22 section 2.6.4.2: ShS = ECKA(otSK.EUICC, otPK.DP), then the KDF over
// ShS with sharedInfo = keyType || keyLen || hostId || EID.
Result<crypto::SessionKeys> derive_keys(const rsp::InitialiseSecureChannelRequest& request, const BppBinding& binding) {
  auto own_public = crypto::public_key_of(binding.otsk);
  if (!own_public) return unexpected(own_public.error());
  auto curve = crypto::curve_of(*own_public);
  if (!curve) return unexpected(curve.error());
  auto smdp_otpk = crypto::public_key_from_point(*curve, request.smdp_otpk);
  if (!smdp_otpk) return unexpected(smdp_otpk.error());
  auto shared_secret = crypto::ecka_shared_secret(binding.otsk, *smdp_otpk);
  if (!shared_secret) return unexpected(shared_secret.error());
  const auto& crt = request.control_ref_template;
  auto shared_info = crypto::bsp_shared_info(crt.key_type, crt.key_length, crt.host_id, binding.eid);
  if (!shared_info) return unexpected(shared_info.error());
  return crypto::derive_session_keys(*shared_secret, *shared_info, crt.key_length);
}

}  // namespace

BppLoader::Step BppLoader::accept(ByteView piece, const BppBinding& binding, const EuiccState& state) {
  switch (stage_) {
    case Stage::initialise_secure_channel: return initialise_secure_channel(piece, binding);
    case Stage::first_sequence_of_87: return configure_isdp(piece);
    case Stage::sequence_of_88_header: return sequence_header(piece, t::bpp::kSequenceOf88, Command::store_metadata, Stage::sequence_of_88);
    case Stage::sequence_of_88: return store_metadata(piece, state);
    case Stage::second_sequence_of_87_or_86_header: {
      auto header = tlv::decode_header(piece);
      if (header && header->tag == t::bpp::kSecondSequenceOf87) return replace_session_keys(piece);
      return sequence_header(piece, t::bpp::kSequenceOf86, Command::load_profile_elements, Stage::sequence_of_86);
    }
    case Stage::sequence_of_86_header:
      return sequence_header(piece, t::bpp::kSequenceOf86, Command::load_profile_elements, Stage::sequence_of_86);
    case Stage::sequence_of_86: return profile_element_segment(piece, state);
    case Stage::ended: break;
  }
  return fail(Command::load_profile_elements, Reason::scp03t_structure_error);
}

BppLoader::Step BppLoader::fail(Command command, Reason reason) {
  stage_ = Stage::ended;
  return rsp::InstallError{command, reason, std::nullopt};
}

BppLoader::Step BppLoader::bsp_failure(Command command, const Error& error) {
  bool security = error.code == Errc::crypto_bad_mac || error.code == Errc::crypto_session_failed;
  return fail(command, security ? Reason::scp03t_security_error : Reason::scp03t_structure_error);
}

// Piece (1): "BF36 len" and the whole InitialiseSecureChannelRequest (SGP.22 section 5.5.1 checks).
BppLoader::Step BppLoader::initialise_secure_channel(ByteView piece, const BppBinding& binding) {
  constexpr auto command = Command::initialise_secure_channel;
  auto bpp_header = tlv::decode_header(piece);
  if (!bpp_header || bpp_header->tag != t::kBoundProfilePackage) return fail(command, Reason::incorrect_input_values);
  auto node = tlv::decode(piece.subspan(bpp_header->header_size), t::kInitialiseSecureChannel);
  if (!node) return fail(command, Reason::incorrect_input_values);
  auto request = rsp::decode_initialise_secure_channel(*node);
  if (!request) return fail(command, Reason::incorrect_input_values);
  if (request->remote_op_id != rsp::kRemoteOpInstallBoundProfilePackage) return fail(command, Reason::unsupported_remote_operation_type);
  if (!same(request->transaction_id, binding.transaction_id)) return fail(command, Reason::invalid_transaction_id);
  const auto& crt = request->control_ref_template;
  if (crt.key_type != crypto::kBspKeyTypeAes || crt.key_length != crypto::kBspKeyLength128)
    return fail(command, Reason::unsupported_crt_values);
  auto signed_data = rsp::initialise_secure_channel_signed_data(*node, binding.euicc_otpk);
  if (!crypto::ecdsa_verify(binding.dppb_key, signed_data, request->smdp_sign)) return fail(command, Reason::invalid_signature);
  auto keys = derive_keys(*request, binding);
  if (!keys) return fail(command, Reason::incorrect_input_values);
  bsp_.emplace(*keys);
  stage_ = Stage::first_sequence_of_87;
  return Continue{};
}

// Pieces (2) and (5) carry whole sequences of encrypted 87 segments.
std::variant<Bytes, BppLoader::Step> BppLoader::unwrap_sequence_of_87(ByteView piece, tlv::Tag tag, Command command) {
  auto node = tlv::decode(piece, tag);
  if (!node || node->child_count() == 0) return fail(command, Reason::scp03t_structure_error);
  Bytes plaintext;
  for (const auto& segment : node->children()) {
    if (segment.tag() != crypto::kBspEncryptedCommand) return fail(command, Reason::scp03t_structure_error);
    auto unwrapped = bsp_->unwrap(segment.encoded());
    if (!unwrapped) return bsp_failure(command, unwrapped.error());
    plaintext.insert(plaintext.end(), unwrapped->plaintext.begin(), unwrapped->plaintext.end());
  }
  return plaintext;
}

// Piece (2): A0 { 87 ... } whose plaintext is ConfigureISDPRequest (BF24).
BppLoader::Step BppLoader::configure_isdp(ByteView piece) {
  constexpr auto command = Command::configure_isdp;
  auto unwrapped = unwrap_sequence_of_87(piece, t::bpp::kFirstSequenceOf87, command);
  if (auto* end = std::get_if<Step>(&unwrapped)) return std::move(*end);
  const auto& plaintext = std::get<Bytes>(unwrapped);
  if (!tlv::decode(plaintext, t::kConfigureIsdp)) return fail(command, Reason::incorrect_input_values);
  stage_ = Stage::sequence_of_88_header;
  return Continue{};
}

// Pieces (3) and (6): a sequence's tag and length alone; its segments follow one by one.
BppLoader::Step BppLoader::sequence_header(ByteView piece, tlv::Tag tag, Command command, Stage next) {
  auto header = tlv::decode_header(piece);
  if (!header || header->tag != tag || header->header_size != piece.size() || header->value_size == 0)
    return fail(command, Reason::scp03t_structure_error);
  remaining_ = header->value_size;
  stage_ = next;
  return Continue{};
}

// Piece (4): one 88 segment of StoreMetadataRequest (BF25), checked once the sequence is complete.
BppLoader::Step BppLoader::store_metadata(ByteView piece, const EuiccState& state) {
  constexpr auto command = Command::store_metadata;
  auto node = tlv::decode(piece, crypto::kBspMacOnlyCommand);
  if (!node || piece.size() > remaining_) return fail(command, Reason::scp03t_structure_error);
  auto unwrapped = bsp_->unwrap(piece);
  if (!unwrapped) return bsp_failure(command, unwrapped.error());
  metadata_plaintext_.insert(metadata_plaintext_.end(), unwrapped->plaintext.begin(), unwrapped->plaintext.end());
  remaining_ -= piece.size();
  if (remaining_ > 0) return Continue{};

  auto request = tlv::decode(metadata_plaintext_, t::kStoreMetadata);
  if (!request) return fail(command, Reason::incorrect_input_values);
  auto metadata = rsp::decode_profile_metadata(*request);
  if (!metadata) return fail(command, Reason::incorrect_input_values);
  iccid_ = metadata->iccid;
  bool installed = std::ranges::any_of(state.profiles, [&](const auto& p) { return p.metadata.iccid == metadata->iccid; });
  if (installed) return fail(command, Reason::iccid_already_exists);
  metadata_ = std::move(*metadata);
  stage_ = Stage::second_sequence_of_87_or_86_header;
  return Continue{};
}

// Piece (5): A2 { 87 ... } whose plaintext is ReplaceSessionKeysRequest: the PPK protects the 86s.
BppLoader::Step BppLoader::replace_session_keys(ByteView piece) {
  constexpr auto command = Command::replace_session_keys;
  auto unwrapped = unwrap_sequence_of_87(piece, t::bpp::kSecondSequenceOf87, command);
  if (auto* end = std::get_if<Step>(&unwrapped)) return std::move(*end);
  const auto& plaintext = std::get<Bytes>(unwrapped);
  auto ppk = crypto::read_replace_session_keys(plaintext);
  if (!ppk) return fail(command, Reason::incorrect_input_values);
  bsp_->replace_session_keys(*ppk);
  stage_ = Stage::sequence_of_86_header;
  return Continue{};
}

// Piece (7): one 86 segment of the profile package; the last one ends the loading.
BppLoader::Step BppLoader::profile_element_segment(ByteView piece, const EuiccState& state) {
  constexpr auto command = Command::load_profile_elements;
  auto node = tlv::decode(piece, crypto::kBspEncryptedProfileSegment);
  if (!node || piece.size() > remaining_) return fail(command, Reason::scp03t_structure_error);
  auto unwrapped = bsp_->unwrap(piece);
  if (!unwrapped) return bsp_failure(command, unwrapped.error());
  package_.insert(package_.end(), unwrapped->plaintext.begin(), unwrapped->plaintext.end());
  if (package_.size() > state.free_nvm() || state.profiles.size() >= state.configuration.max_profiles)
    return fail(command, Reason::insufficient_memory);
  remaining_ -= piece.size();
  if (remaining_ > 0) return Continue{};

  // SGP.22 section 2.5.6: the package must be the profile StoreMetadata announced.
  auto package_iccid = profile_package_iccid(package_);
  if (!package_iccid) return fail(command, Reason::pe_processing_error);
  if (*package_iccid != metadata_->iccid) return fail(command, Reason::data_mismatch);
  stage_ = Stage::ended;
  return LoadedProfile{std::move(*metadata_), std::move(package_)};
}

}  // namespace lpad::veuicc
