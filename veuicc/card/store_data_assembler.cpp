#include "veuicc/card/store_data_assembler.h"

namespace lpad::veuicc {

void StoreDataAssembler::clear() {
  command_.clear();
  next_block_ = 0;
  in_progress_ = false;
}

expected<std::optional<Bytes>, StatusWord> StoreDataAssembler::add_block(std::uint8_t p1, std::uint8_t p2,
                                                                         ByteView data) {
  if (p1 != kStoreDataMoreBlocks && p1 != kStoreDataLastBlock) {
    clear();
    return unexpected(sw::incorrect_p1_p2);
  }
  if (p2 != next_block_) {
    clear();
    return unexpected(sw::incorrect_p1_p2);
  }
  if (command_.size() + data.size() > max_command_size_) {
    clear();
    return unexpected(sw::not_enough_memory);
  }
  command_.insert(command_.end(), data.begin(), data.end());
  if (p1 == kStoreDataMoreBlocks) {
    in_progress_ = true;
    next_block_ = static_cast<std::uint8_t>(next_block_ + 1);
    return std::optional<Bytes>{};
  }
  Bytes complete = std::move(command_);
  clear();
  return std::optional<Bytes>{std::move(complete)};
}

}  // namespace lpad::veuicc
