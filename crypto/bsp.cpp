#include "crypto/bsp.h"

#include <fmt/format.h>
#include <openssl/crypto.h>

#include "crypto/aes.h"
#include "crypto/cmac.h"
#include "crypto/padding.h"
#include "tlv/decoder.h"

namespace lpad::crypto {
namespace {

constexpr tlv::Tag kReplaceSessionKeysRequest{0xBF26};
constexpr std::size_t kBspKeySize = 16;

void cleanse(Bytes& b) {
  if (!b.empty()) OPENSSL_cleanse(b.data(), b.size());
}

}  // namespace

Result<Bytes> bsp_icv(ByteView s_enc, std::uint32_t block_counter) {
  Bytes counter_block(kAesBlockSize, 0);
  for (std::size_t i = 0; i < 4; ++i)
    counter_block[kAesBlockSize - 1 - i] = static_cast<std::uint8_t>(block_counter >> (8 * i));
  // One block of CBC with a zero IV is AES-ECB of that block.
  const Bytes zero_iv(kAesBlockSize, 0);
  return aes128_cbc_encrypt(s_enc, zero_iv, counter_block);
}

BspSession::BspSession(const SessionKeys& keys) { replace_session_keys(keys); }

BspSession::~BspSession() {
  cleanse(s_enc_);
  cleanse(s_mac_);
  cleanse(mcv_);
}

void BspSession::replace_session_keys(const SessionKeys& ppk) {
  cleanse(s_enc_);
  cleanse(s_mac_);
  s_enc_ = ppk.s_enc;
  s_mac_ = ppk.s_mac;
  mcv_ = ppk.initial_mcv;
  block_counter_ = 1;
}

Result<BspSegment> BspSession::unwrap(ByteView segment) {
  if (failed_) return fail(Errc::crypto_session_failed, "an earlier BSP segment failed; the loading is over");
  auto result = unwrap_checked(segment);
  if (!result) failed_ = true;
  return result;
}

Result<BspSegment> BspSession::unwrap_checked(ByteView segment) {
  if (s_enc_.size() != kBspKeySize || s_mac_.size() != kBspKeySize || mcv_.size() != kCmacSize)
    return fail(Errc::crypto_bad_input, "BSP keys must be 16 bytes each, and the MAC chaining value 16 bytes");

  auto node = tlv::decode(segment);
  if (!node) return unexpected<Error>(node.error());
  const tlv::Tag tag = node->tag();
  const bool encrypted = tag == kBspEncryptedProfileSegment || tag == kBspEncryptedCommand;
  if (!encrypted && tag != kBspMacOnlyCommand)
    return fail_at(Errc::crypto_bad_segment, 0, fmt::format("tag {} is not a BSP segment (86, 87, 88)", tag.to_string()));

  const ByteView value = node->value();
  if (value.size() < kBspCmacSize)
    return fail(Errc::crypto_bad_segment, fmt::format("segment {} of {} bytes cannot hold its C-MAC", tag.to_string(), value.size()));
  const ByteView payload = value.first(value.size() - kBspCmacSize);
  const ByteView received_mac = value.last(kBspCmacSize);
  if (encrypted && (payload.empty() || payload.size() % kAesBlockSize != 0))
    return fail(Errc::crypto_bad_segment,
                fmt::format("encrypted segment {} carries {} bytes, not a whole number of AES blocks", tag.to_string(), payload.size()));

  // MAC over MCV || the header exactly as received || payload.
  const ByteView header = segment.first(segment.size() - value.size());
  Bytes mac_input;
  mac_input.reserve(mcv_.size() + header.size() + payload.size());
  mac_input.insert(mac_input.end(), mcv_.begin(), mcv_.end());
  mac_input.insert(mac_input.end(), header.begin(), header.end());
  mac_input.insert(mac_input.end(), payload.begin(), payload.end());
  auto full_mac = aes128_cmac(s_mac_, mac_input);
  if (!full_mac) return unexpected<Error>(full_mac.error());
  if (CRYPTO_memcmp(full_mac->data(), received_mac.data(), kBspCmacSize) != 0)
    return fail(Errc::crypto_bad_mac, fmt::format("C-MAC of segment {} does not match (block {})", tag.to_string(), block_counter_));

  const std::uint32_t block = block_counter_;
  mcv_ = std::move(*full_mac);
  ++block_counter_;  // every segment, MAC-only ones included

  if (!encrypted) return BspSegment{tag, Bytes(payload.begin(), payload.end())};

  auto icv = bsp_icv(s_enc_, block);
  if (!icv) return unexpected<Error>(icv.error());
  auto padded = aes128_cbc_decrypt(s_enc_, *icv, payload);
  if (!padded) return unexpected<Error>(padded.error());
  auto plaintext = unpad_80(*padded);
  cleanse(*padded);
  if (!plaintext) return unexpected<Error>(plaintext.error());
  return BspSegment{tag, std::move(*plaintext)};
}

Result<SessionKeys> read_replace_session_keys(ByteView request_der) {
  auto request = tlv::decode(request_der, kReplaceSessionKeysRequest);
  if (!request) return unexpected<Error>(request.error());
  auto read_key = [&](std::uint8_t number, const char* name) -> Result<Bytes> {
    auto node = request->require(tlv::Tag::context(number, false));
    if (!node) return unexpected<Error>(node.error());
    if (node->value().size() != kBspKeySize)
      return fail_at(Errc::crypto_bad_key, node->offset(),
                     fmt::format("{} must be 16 bytes, got {}", name, node->value().size()));
    return Bytes(node->value().begin(), node->value().end());
  };
  auto mcv = read_key(0, "initialMacChainingValue");
  if (!mcv) return unexpected<Error>(mcv.error());
  auto enc = read_key(1, "ppkEnc");
  if (!enc) return unexpected<Error>(enc.error());
  auto cmac = read_key(2, "ppkCmac");
  if (!cmac) return unexpected<Error>(cmac.error());
  return SessionKeys{std::move(*mcv), std::move(*enc), std::move(*cmac)};
}

}  // namespace lpad::crypto
