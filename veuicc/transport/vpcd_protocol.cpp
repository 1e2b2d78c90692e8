#include "veuicc/transport/vpcd_protocol.h"

namespace lpad::veuicc::vpcd {

std::optional<Bytes> frame(ByteView payload) {
  if (payload.size() > kMaxMessage) return std::nullopt;
  Bytes out{static_cast<std::uint8_t>(payload.size() >> 8), static_cast<std::uint8_t>(payload.size() & 0xFF)};
  out.insert(out.end(), payload.begin(), payload.end());
  return out;
}

void FrameDecoder::feed(ByteView bytes) { buffer_.insert(buffer_.end(), bytes.begin(), bytes.end()); }

std::optional<Bytes> FrameDecoder::next() {
  if (buffer_.size() < kLengthSize) return std::nullopt;
  std::size_t length = static_cast<std::size_t>(buffer_[0]) << 8 | buffer_[1];
  if (buffer_.size() < kLengthSize + length) return std::nullopt;
  Bytes message(buffer_.begin() + kLengthSize, buffer_.begin() + static_cast<std::ptrdiff_t>(kLengthSize + length));
  buffer_.erase(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(kLengthSize + length));
  return message;
}

}  // namespace lpad::veuicc::vpcd
