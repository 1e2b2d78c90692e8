#include "core/redact.h"

namespace lpad {

namespace {
constexpr std::string_view kEllipsis = "\u2026";
}

std::string redact_keep_head(std::string_view secret, std::size_t keep) {
  if (secret.size() <= keep) return std::string(secret);
  std::string out(secret.substr(0, keep));
  out += kEllipsis;
  return out;
}

std::string redact_keep_tail(std::string_view identifier, std::size_t keep) {
  if (identifier.size() <= keep) return std::string(identifier);
  std::string out(kEllipsis);
  out += identifier.substr(identifier.size() - keep);
  return out;
}

}  // namespace lpad
