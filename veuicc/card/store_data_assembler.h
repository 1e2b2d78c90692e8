// Reassembles an ES10 command from STORE DATA blocks, SGP.22 section 5.7.2 (after GlobalPlatform
// Card Specification section 11.11): P1 11 for "more blocks", 91 for the last block, P2 the block
// number counting from 00 (modulo 256, so short APDUs can carry more than 64 KiB).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "core/bytes.h"
#include "core/expected.h"
#include "veuicc/card/status_word.h"

namespace lpad::veuicc {

// SGP.22 section 5.7.2: the two P1 values an LPA sends.
inline constexpr std::uint8_t kStoreDataMoreBlocks = 0x11;
inline constexpr std::uint8_t kStoreDataLastBlock = 0x91;

class StoreDataAssembler {
 public:
  explicit StoreDataAssembler(std::size_t max_command_size) : max_command_size_(max_command_size) {}

  // The whole command after the last block, nothing while more blocks are due, or the status
  // word refusing the block: 6A86 for another P1 or a block out of order, 6A84 when the command
  // outgrows max_command_size. A refused block abandons the chain; block 00 starts a new one.
  expected<std::optional<Bytes>, StatusWord> add_block(std::uint8_t p1, std::uint8_t p2, ByteView data);

  void clear();
  bool in_progress() const { return in_progress_; }

 private:
  std::size_t max_command_size_;
  Bytes command_;
  std::uint8_t next_block_ = 0;
  bool in_progress_ = false;
};

}  // namespace lpad::veuicc
