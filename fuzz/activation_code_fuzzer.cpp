// libFuzzer target: the activation-code parser on arbitrary text. What it accepts must format
// back to a code that parses to the same value, and no error may carry the whole matching ID.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "qr/activation_code.h"

namespace {

std::vector<std::string_view> fields_of(std::string_view text) {
  if (text.starts_with("LPA:")) text.remove_prefix(4);
  std::vector<std::string_view> fields;
  for (auto pos = text.find('$');; pos = text.find('$')) {
    fields.push_back(text.substr(0, pos));
    if (pos == std::string_view::npos) return fields;
    text.remove_prefix(pos + 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto code = lpad::qr::parse_activation_code(text);
  if (code) {
    auto again = lpad::qr::parse_activation_code(lpad::qr::format_activation_code(*code));
    if (!again || !(*again == *code)) std::abort();
    return 0;
  }
  auto fields = fields_of(text);
  if (fields.size() < 3 || fields[2].size() <= 8) return 0;
  auto matching_id = fields[2];
  // Other fields may be shown in errors; a matching ID that repeats one of them proves nothing.
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (i != 2 && fields[i].find(matching_id) != std::string_view::npos) return 0;
  if (code.error().message.find(matching_id) != std::string::npos) std::abort();
  return 0;
}
