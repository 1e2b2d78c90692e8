#include "qr/activation_code_input.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include "qr/activation_code.h"

namespace lpad::qr {

namespace {

std::string trimmed(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r\n\f\v";
  auto first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  auto last = s.find_last_not_of(kSpace);
  return std::string(s.substr(first, last - first + 1));
}

// Reads at most `limit` characters plus one, so a huge input is refused without being held.
Result<std::string> read_bounded(std::istream& in, std::string_view what) {
  std::string text;
  constexpr std::size_t kLimit = kMaxActivationCodeLength * 4;
  char buffer[512];
  while (in && text.size() <= kLimit) {
    in.read(buffer, sizeof buffer);
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) return fail(Errc::io_error, fmt::format("cannot read the activation code from {}", what));
  if (text.size() > kLimit)
    return fail(Errc::ac_field_too_long, fmt::format("{} holds more than {} bytes; an activation code is much shorter", what, kLimit));
  auto code = trimmed(text);
  if (code.empty()) return fail(Errc::ac_empty, fmt::format("{} holds no activation code", what));
  return code;
}

}  // namespace

Result<std::string> activation_code_text(std::string_view argument, std::istream& in) {
  if (argument == kStdinArgument) return read_bounded(in, "standard input");
  return trimmed(argument);
}

Result<std::string> activation_code_text_from_file(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file)
    return fail(Errc::io_error, fmt::format("cannot open '{}': {}", path.string(), std::strerror(errno)));
  return read_bounded(file, fmt::format("'{}'", path.string()));
}

}  // namespace lpad::qr
