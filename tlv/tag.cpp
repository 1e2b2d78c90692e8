#include "tlv/tag.h"

#include <fmt/format.h>

namespace lpad::tlv {

std::string Tag::to_string() const {
  return fmt::format("{:0{}X}", wire_, size() * 2);
}

}  // namespace lpad::tlv
