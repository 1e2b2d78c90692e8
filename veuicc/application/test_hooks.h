// Test-only controls of the software eUICC's randomness, so that a recorded download can be
// replayed: the recorded server messages are bound to the recorded challenge and one-time key,
// and smdpSignature2 covers the recorded euiccSignature1. Each value, once set, is used by the
// next operation that needs it and then forgotten. Never set outside tests (the veuicc program
// has no switch for them).
#pragma once

#include <optional>

#include "core/bytes.h"

namespace lpad::veuicc {

struct TestHooks {
  std::optional<Bytes> next_euicc_challenge;    // 16 bytes for GetEUICCChallenge
  std::optional<Bytes> next_otsk_scalar;        // otSK.EUICC.ECKA private scalar for PrepareDownload
  std::optional<Bytes> next_euicc_signature1;   // r||s to put into AuthenticateServerResponse
};

}  // namespace lpad::veuicc
