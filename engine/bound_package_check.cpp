#include "engine/bound_package_check.h"

#include "es10/es10b.h"
#include "rsp/bound_profile_package.h"
#include "rsp/tags.h"
#include "tlv/decoder.h"

namespace lpad::engine {

namespace {

// Every 88 segment is the plaintext followed by an 8-byte C-MAC (SGP.22 section 2.6.6.2).
constexpr std::size_t kMacSize = 8;

Error malformed(const std::string& why) { return Error{Errc::server_bad_response, "the bound profile package is malformed: " + why}; }

}  // namespace

Result<PackageCheck> check_bound_profile_package(ByteView bpp_der, ByteView transaction_id, ByteView agreed_metadata) {
  auto pieces = es10::split_bound_profile_package(bpp_der);
  if (!pieces) return unexpected(malformed(pieces.error().message));
  auto bpp = tlv::decode(bpp_der, rsp::tags::kBoundProfilePackage);
  if (!bpp) return unexpected(malformed(bpp.error().message));

  PackageCheck check{PackageMismatch::none, pieces->size()};
  auto init_node = bpp->require(rsp::tags::kInitialiseSecureChannel);
  if (!init_node) return unexpected(malformed(init_node.error().message));
  auto init = rsp::decode_initialise_secure_channel(*init_node);
  if (!init) return unexpected(malformed(init.error().message));
  if (init->transaction_id != Bytes(transaction_id.begin(), transaction_id.end())) {
    check.mismatch = PackageMismatch::transaction_id;
    return check;
  }

  auto store_metadata = bpp->require(rsp::tags::bpp::kSequenceOf88);
  if (!store_metadata) return unexpected(malformed(store_metadata.error().message));
  Bytes metadata;
  for (const auto& segment : store_metadata->children()) {
    if (segment.tag() != tlv::Tag{0x88} || segment.value().size() < kMacSize) return unexpected(malformed("a StoreMetadata segment is not an 88 TLV with a MAC"));
    auto plain = segment.value().first(segment.value().size() - kMacSize);
    metadata.insert(metadata.end(), plain.begin(), plain.end());
  }
  if (metadata != Bytes(agreed_metadata.begin(), agreed_metadata.end())) check.mismatch = PackageMismatch::metadata;
  return check;
}

}  // namespace lpad::engine
