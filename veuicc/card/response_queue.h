// Response data waiting for GET RESPONSE on one logical channel (ISO/IEC 7816-4 section 5.3.4
// and 11.1.3): a response longer than Ne goes out in pieces, each but the last ending in 61xx.
#pragma once

#include <cstddef>

#include "core/bytes.h"

namespace lpad::veuicc {

class ResponseQueue {
 public:
  // Replaces anything still pending (a new command discards an unfetched response).
  void load(Bytes data);
  void clear();
  bool pending() const { return offset_ < data_.size(); }
  std::size_t remaining() const { return data_.size() - offset_; }

  // Up to `ne` bytes with 9000, or 61xx when more remain afterwards.
  Bytes take_response_apdu(std::size_t ne);

 private:
  Bytes data_;
  std::size_t offset_ = 0;
};

}  // namespace lpad::veuicc
