#include "crypto/padding.h"

#include "crypto/aes.h"

namespace lpad::crypto {

Bytes pad_80(ByteView data) {
  Bytes out(data.begin(), data.end());
  out.push_back(0x80);
  while (out.size() % kAesBlockSize != 0) out.push_back(0x00);
  return out;
}

Result<Bytes> unpad_80(ByteView padded) {
  std::size_t end = padded.size();
  // The padding is '80' plus at most 15 zero bytes; anything longer is not padding.
  while (end > 0 && padded[end - 1] == 0x00 && padded.size() - end < kAesBlockSize - 1) --end;
  if (end == 0 || padded[end - 1] != 0x80)
    return fail(Errc::crypto_bad_padding, "decrypted data does not end in 80 00.. padding");
  return Bytes(padded.begin(), padded.begin() + static_cast<std::ptrdiff_t>(end - 1));
}

}  // namespace lpad::crypto
