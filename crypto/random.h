// Random bytes from OpenSSL's DRBG, e.g. euiccChallenge (SGP.22 GetEUICCChallenge, 16 bytes).
#pragma once

#include "core/bytes.h"
#include "core/error.h"

namespace lpad::crypto {

Result<Bytes> random_bytes(std::size_t count);

}  // namespace lpad::crypto
