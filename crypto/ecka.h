// ECKA (BSI TR-03111 ECKA-DH, plain ECDH) as SGP.22 section 2.6.4.1 uses it: the shared secret ShS
// is the X coordinate of otSK.EUICC.ECKA x otPK.DP.ECKA (or the other way round on the SM-DP+).
#pragma once

#include "core/bytes.h"
#include "core/error.h"
#include "crypto/keys.h"

namespace lpad::crypto {

// Both keys must be on the same curve; the result is 32 bytes for the SGP.22 curves.
Result<Bytes> ecka_shared_secret(const PrivateKey& own, const PublicKey& peer);

}  // namespace lpad::crypto
