// SGP.22 section 2.6.4.2 (BSP key derivation): after ECKA, eUICC and SM-DP+ run the X9.63 KDF
// over ShS with sharedInfo built from InitialiseSecureChannelRequest's control reference template
// and the EID; the 48 output bytes are, in this order, the initial MAC chaining value, S-ENC and
// S-MAC.
#pragma once

#include <cstdint>

#include "core/bytes.h"
#include "core/error.h"

namespace lpad::crypto {

// controlRefTemplate keyType '80': 88 = AES; keyLen '81': 10 = 128-bit keys (the only values
// SGP.22 v2 defines).
inline constexpr std::uint8_t kBspKeyTypeAes = 0x88;
inline constexpr std::uint8_t kBspKeyLength128 = 0x10;

struct SessionKeys {
  Bytes initial_mcv;  // 16 bytes
  Bytes s_enc;        // 16 bytes
  Bytes s_mac;        // 16 bytes
};

// keyType || keyLen || len(hostId) || hostId || len(EID) || EID. hostId is 1-16 bytes
// (OCTET STRING (SIZE(1..16)) in the ASN.1), the EID 16 bytes.
Result<Bytes> bsp_shared_info(std::uint8_t key_type, std::uint8_t key_length, ByteView host_id, ByteView eid);

// KDF(ShS, sharedInfo) split into the three values. Only AES-128 (keyLen 10) is defined.
Result<SessionKeys> derive_session_keys(ByteView shared_secret, ByteView shared_info,
                                        std::uint8_t key_length = kBspKeyLength128);

}  // namespace lpad::crypto
