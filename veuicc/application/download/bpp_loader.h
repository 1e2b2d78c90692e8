// The card side of LoadBoundProfilePackage (SGP.22 sections 2.5.5, 2.6.4, 5.7.6): a state machine
// fed the BPP in the pieces the LPA sends it,
//   (1) BF36 tag+length with the whole BF23 InitialiseSecureChannelRequest
//   (2) the whole A0 (firstSequenceOf87: ConfigureISDP)
//   (3) the A1 tag+length, (4) each 88 (StoreMetadata, MAC only)
//   (5) the whole A2 (secondSequenceOf87: ReplaceSessionKeys), if the SM-DP+ sends one
//   (6) the A3 tag+length, (7) each 86 (the profile package, encrypted)
// It checks and unwraps every piece; the loading ends at the last 86 with the profile, or at the
// first failure with the SGP.22 error (bppCommandId, errorReason) for the ProfileInstallationResult.
#pragma once

#include <cstddef>
#include <optional>
#include <variant>

#include "core/bytes.h"
#include "crypto/bsp.h"
#include "crypto/keys.h"
#include "rsp/profile.h"
#include "rsp/profile_installation_result.h"
#include "veuicc/state/euicc_state.h"

namespace lpad::veuicc {

// Everything the loader checks the BPP against, from the session and the card.
struct BppBinding {
  const crypto::PrivateKey& otsk;  // otSK.EUICC.ECKA
  ByteView euicc_otpk;             // what smdpSign covers after the request
  const crypto::PublicKey& dppb_key;
  ByteView transaction_id;
  ByteView eid;                    // 16 bytes, for the KDF's sharedInfo
};

// A profile that arrived whole and checked.
struct LoadedProfile {
  rsp::ProfileMetadata metadata;  // from StoreMetadata
  Bytes package;                  // the UPP: the concatenated 86 plaintexts (SAIP DER)
};

class BppLoader {
 public:
  // The loading went on (more pieces expected), ended with a profile, or failed.
  struct Continue {};
  using Step = std::variant<Continue, LoadedProfile, rsp::InstallError>;

  BppLoader() = default;

  // One piece of the BPP. `state` is the card's state before the installation (ICCIDs in use,
  // free memory). After a LoadedProfile or an InstallError the loader takes no more pieces.
  Step accept(ByteView piece, const BppBinding& binding, const EuiccState& state);

  // The ICCID StoreMetadata announced, once it has arrived (the failure notification names it).
  const std::optional<Iccid>& iccid() const { return iccid_; }

 private:
  enum class Stage {
    initialise_secure_channel,
    first_sequence_of_87,
    sequence_of_88_header,
    sequence_of_88,
    second_sequence_of_87_or_86_header,
    sequence_of_86_header,
    sequence_of_86,
    ended,
  };

  Step initialise_secure_channel(ByteView piece, const BppBinding& binding);
  Step configure_isdp(ByteView piece);
  Step sequence_header(ByteView piece, tlv::Tag tag, rsp::BppCommandId command, Stage next);
  Step store_metadata(ByteView piece, const EuiccState& state);
  Step replace_session_keys(ByteView piece);
  // The plaintext of a sequence of 87 segments (A0 or A2), or the Step that ends the loading.
  std::variant<Bytes, Step> unwrap_sequence_of_87(ByteView piece, tlv::Tag tag, rsp::BppCommandId command);
  Step profile_element_segment(ByteView piece, const EuiccState& state);
  Step fail(rsp::BppCommandId command, rsp::InstallErrorReason reason);
  // A BSP unwrap failure as SGP.22 names it: a bad MAC is a security error, anything else structure.
  Step bsp_failure(rsp::BppCommandId command, const Error& error);

  Stage stage_ = Stage::initialise_secure_channel;
  std::optional<crypto::BspSession> bsp_;
  std::size_t remaining_ = 0;    // bytes of the current A1/A3 value not yet received
  Bytes metadata_plaintext_;     // StoreMetadataRequest, possibly over several 88 segments
  std::optional<rsp::ProfileMetadata> metadata_;
  std::optional<Iccid> iccid_;
  Bytes package_;                // the UPP so far
};

}  // namespace lpad::veuicc
