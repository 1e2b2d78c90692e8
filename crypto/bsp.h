// Card side of BSP, the Bound Profile Package protection of SGP.22 section 2.6.4.3/2.6.4.4 (the
// SCP03t-style secure channel): checks and unwraps each segment of firstSequenceOf87,
// sequenceOf88, secondSequenceOf87 and sequenceOf86 in the order they arrive.
//
//   segment    = tag || length || payload || C-MAC (8 bytes); length counts payload and C-MAC
//   C-MAC      = first 8 bytes of AES-CMAC(S-MAC, MCV || tag || length || payload)
//   MCV        = the full 16-byte CMAC of the previous segment (the initial MCV at first)
//   86, 87     : payload = AES-128-CBC(S-ENC, ICV, plaintext || 80 00..)
//   88         : payload = plaintext, MAC only
//   ICV        = AES-128(S-ENC, block counter as a 16-byte big-endian number)
// The block counter starts at 1 and advances with every segment, MAC-only 88 segments included
// (as pySim/osmo-smdpp do, see shared/vectors/bsp.json). ReplaceSessionKeys puts the PPK in place
// of the session keys and starts the counter at 1 again.
//
// A segment that fails any check leaves the session failed: SGP.22 stops the whole loading then,
// and later segments are refused rather than checked against a chain that no longer holds.
#pragma once

#include <cstdint>

#include "core/bytes.h"
#include "core/error.h"
#include "crypto/session_keys.h"
#include "tlv/tag.h"

namespace lpad::crypto {

// BoundProfilePackage segment tags (SGP.22 section 2.5.5 and RSPDefinitions: the 86/87/88 members).
inline constexpr tlv::Tag kBspEncryptedProfileSegment{0x86};  // sequenceOf86: encrypted
inline constexpr tlv::Tag kBspEncryptedCommand{0x87};         // firstSequenceOf87, secondSequenceOf87
inline constexpr tlv::Tag kBspMacOnlyCommand{0x88};           // sequenceOf88: MAC only
inline constexpr std::size_t kBspCmacSize = 8;

struct BspSegment {
  tlv::Tag tag;
  Bytes plaintext;
};

class BspSession {
 public:
  explicit BspSession(const SessionKeys& keys);
  ~BspSession();
  BspSession(BspSession&&) noexcept = default;
  BspSession& operator=(BspSession&&) noexcept = default;
  BspSession(const BspSession&) = delete;
  BspSession& operator=(const BspSession&) = delete;

  // Checks the C-MAC of one segment TLV (86, 87 or 88) and returns its plaintext. Errors:
  // crypto.bad-mac, crypto.bad-padding, crypto.bad-segment, crypto.session-failed, tlv.*.
  Result<BspSegment> unwrap(ByteView segment);

  // ReplaceSessionKeysRequest: the PPK protects what follows, counter back at 1.
  void replace_session_keys(const SessionKeys& ppk);

  // The block number the next segment's ICV will use, and the MAC chaining value it is checked
  // against; exposed for traces and tests.
  std::uint32_t block_counter() const { return block_counter_; }
  const Bytes& mac_chaining_value() const { return mcv_; }
  bool failed() const { return failed_; }

 private:
  Result<BspSegment> unwrap_checked(ByteView segment);

  Bytes s_enc_;
  Bytes s_mac_;
  Bytes mcv_;
  std::uint32_t block_counter_ = 1;
  bool failed_ = false;
};

// ICV = AES-128(key, block counter as a 16-byte big-endian number).
Result<Bytes> bsp_icv(ByteView s_enc, std::uint32_t block_counter);

// ReplaceSessionKeysRequest ::= [38] SEQUENCE { initialMacChainingValue OCTET STRING,
//   ppkEnc OCTET STRING, ppkCmac OCTET STRING } (BF26 { 80, 81, 82 }), as decrypted from
// secondSequenceOf87. Note the order: the MCV comes first on the wire.
Result<SessionKeys> read_replace_session_keys(ByteView request_der);

}  // namespace lpad::crypto
