// ECDSA with SHA-256 in the signature format SGP.22 carries (euiccSignature1/2, serverSignature1,
// smdpSignature2, smdpSign, euiccSignPIR; tag 5F37): the BSI TR-03111 plain format r || s, each
// padded to the field size, so 64 bytes on the 256-bit curves. OpenSSL speaks DER ECDSA-Sig-Value
// (SEQUENCE { r INTEGER, s INTEGER }); the conversions between the two are here too.
#pragma once

#include "core/bytes.h"
#include "core/error.h"
#include "crypto/keys.h"

namespace lpad::crypto {

inline constexpr std::size_t kEcdsaP256SignatureSize = 64;

// Hashes `message` with SHA-256 and signs it; the result is r || s. Signatures are randomised.
Result<Bytes> ecdsa_sign(const PrivateKey& key, ByteView message);

// Checks r || s over SHA-256(message); crypto.bad-signature when it is malformed or does not verify.
Result<void> ecdsa_verify(const PublicKey& key, ByteView message, ByteView signature);

// DER ECDSA-Sig-Value <-> r || s with each half `field_size` bytes.
Result<Bytes> ecdsa_der_to_plain(ByteView der, std::size_t field_size);
Result<Bytes> ecdsa_plain_to_der(ByteView plain);

}  // namespace lpad::crypto
