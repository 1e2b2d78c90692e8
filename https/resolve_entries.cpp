#include "https/resolve_entries.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace lpad::https {
namespace {

bool is_port(std::string_view text) {
  if (text.empty() || text.size() > 5) return false;
  if (!std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; })) return false;
  unsigned port = 0;
  for (char c : text) port = port * 10 + static_cast<unsigned>(c - '0');
  return port > 0 && port <= 65535;
}

bool is_host(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '*';
  });
}

bool is_address_list(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) {
    return std::isxdigit(c) != 0 || c == '.' || c == ':' || c == '[' || c == ']' || c == ',';
  });
}

}  // namespace

Result<void> check_resolve_entry(std::string_view entry) {
  auto bad = [&] {
    return fail(Errc::https_bad_option, fmt::format("--resolve '{}' is not HOST:PORT:ADDRESS", entry));
  };
  const auto first = entry.find(':');
  if (first == std::string_view::npos) return bad();
  const auto second = entry.find(':', first + 1);
  if (second == std::string_view::npos) return bad();
  if (!is_host(entry.substr(0, first)) || !is_port(entry.substr(first + 1, second - first - 1)) ||
      !is_address_list(entry.substr(second + 1)))
    return bad();
  return {};
}

}  // namespace lpad::https
