// libFuzzer target: the activation-code parser on arbitrary text. What it accepts must format
// back to a code that parses to the same value, and no error may carry the whole matching ID.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/shown_text.h"
#include "qr/activation_code.h"

namespace {

struct Fields {
  std::string_view prefix;
  std::vector<std::string_view> values;
};

Fields fields_of(std::string_view text) {
  Fields out;
  if (text.starts_with("LPA:")) {
    out.prefix = text.substr(0, 4);
    text.remove_prefix(4);
  }
  for (auto pos = text.find('$');; pos = text.find('$')) {
    out.values.push_back(text.substr(0, pos));
    if (pos == std::string_view::npos) return out;
    text.remove_prefix(pos + 1);
  }
}

bool carries(const std::string& message, std::string_view matching_id) {
  return message.find(matching_id) != std::string::npos ||
         message.find(lpad::shown_text(matching_id)) != std::string::npos;
}

// The same text with the matching ID replaced by a filler of its length that occurs nowhere in it,
// or nothing when every filler occurs.
std::optional<std::string> with_filler_matching_id(std::string_view text, const Fields& fields) {
  for (char filler : std::string_view("QZ#~%")) {
    if (text.find(filler) != std::string_view::npos) continue;
    std::string out(fields.prefix);
    for (std::size_t i = 0; i < fields.values.size(); ++i) {
      if (i != 0) out += '$';
      out += i == 2 ? std::string(fields.values[i].size(), filler) : std::string(fields.values[i]);
    }
    return out;
  }
  return std::nullopt;
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
  if (fields.values.size() < 3 || fields.values[2].size() <= 8) return 0;
  auto matching_id = fields.values[2];
  if (!carries(code.error().message, matching_id)) return 0;
  // The message may show other fields (an address, an OID) that happen to contain the matching
  // ID's characters. It leaks only if the matching ID goes away with the matching ID itself.
  auto filler_text = with_filler_matching_id(text, fields);
  if (!filler_text) return 0;
  auto filler_code = lpad::qr::parse_activation_code(*filler_text);
  if (filler_code) return 0;  // the matching ID itself was the error (a control character): no content shown
  if (!carries(filler_code.error().message, matching_id)) std::abort();
  return 0;
}
