#include "crypto/session_keys.h"

#include <fmt/format.h>
#include <openssl/crypto.h>

#include "crypto/kdf.h"

namespace lpad::crypto {
namespace {
constexpr std::size_t kMaxHostIdSize = 16;
constexpr std::size_t kEidSize = 16;
}  // namespace

Result<Bytes> bsp_shared_info(std::uint8_t key_type, std::uint8_t key_length, ByteView host_id, ByteView eid) {
  if (host_id.empty() || host_id.size() > kMaxHostIdSize)
    return fail(Errc::crypto_bad_input, fmt::format("hostId must be 1-16 bytes, got {}", host_id.size()));
  if (eid.size() != kEidSize)
    return fail(Errc::crypto_bad_input, fmt::format("EID must be 16 bytes, got {}", eid.size()));
  Bytes info{key_type, key_length, static_cast<std::uint8_t>(host_id.size())};
  info.insert(info.end(), host_id.begin(), host_id.end());
  info.push_back(static_cast<std::uint8_t>(eid.size()));
  info.insert(info.end(), eid.begin(), eid.end());
  return info;
}

Result<SessionKeys> derive_session_keys(ByteView shared_secret, ByteView shared_info, std::uint8_t key_length) {
  if (key_length != kBspKeyLength128)
    return fail(Errc::crypto_bad_input, fmt::format("unsupported BSP key length {:02X}", key_length));
  const std::size_t n = key_length;
  auto output = x963_kdf_sha256(shared_secret, shared_info, 3 * n);
  if (!output) return unexpected<Error>(output.error());
  auto part = [&](std::size_t i) { return Bytes(output->begin() + static_cast<std::ptrdiff_t>(i * n),
                                                 output->begin() + static_cast<std::ptrdiff_t>((i + 1) * n)); };
  SessionKeys keys{part(0), part(1), part(2)};
  OPENSSL_cleanse(output->data(), output->size());
  return keys;
}

}  // namespace lpad::crypto
