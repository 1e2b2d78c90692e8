// What the LPA checks in a Bound Profile Package before loading it (SGP.22 section 3.1.3.3): that
// it belongs to this session and that the metadata it will store is the metadata the user agreed
// to. StoreMetadataRequest travels MAC-protected but unencrypted in the 88 segments, so it can be
// read here without the session keys.
#pragma once

#include "core/bytes.h"
#include "core/error.h"

namespace lpad::engine {

enum class PackageMismatch { none, transaction_id, metadata };

struct PackageCheck {
  PackageMismatch mismatch = PackageMismatch::none;
  std::size_t segment_count = 0;  // pieces LoadBoundProfilePackage will send
};

// A package that does not decode is server.bad-response.
Result<PackageCheck> check_bound_profile_package(ByteView bpp_der, ByteView transaction_id, ByteView agreed_metadata);

}  // namespace lpad::engine
