#include "veuicc/card/response_queue.h"

#include <algorithm>

#include "veuicc/card/status_word.h"

namespace lpad::veuicc {

void ResponseQueue::load(Bytes data) {
  data_ = std::move(data);
  offset_ = 0;
}

void ResponseQueue::clear() {
  data_.clear();
  offset_ = 0;
}

Bytes ResponseQueue::take_response_apdu(std::size_t ne) {
  std::size_t n = std::min(ne, remaining());
  auto piece = ByteView(data_).subspan(offset_, n);
  offset_ += n;
  Bytes out = response_apdu(piece, pending() ? sw::bytes_remaining(remaining()) : sw::ok);
  if (!pending()) clear();
  return out;
}

}  // namespace lpad::veuicc
