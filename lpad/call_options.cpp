#include "lpad/call_options.h"

namespace lpad::daemon {

Result<CallOptions> CallOptions::parse(const VariantMap& options,
                                       std::initializer_list<std::pair<const char*, const char*>> known) {
  for (const auto& [key, value] : options) {
    const std::pair<const char*, const char*>* match = nullptr;
    for (const auto& entry : known)
      if (key == entry.first) match = &entry;
    if (!match) return fail(Errc::invalid_argument, "unknown option '" + key + "'");
    if (value.peekValueType() != match->second)
      return fail(Errc::invalid_argument,
                  "option '" + key + "' must have type " + match->second + ", not " + value.peekValueType());
  }
  return CallOptions(options);
}

std::optional<bool> CallOptions::flag(const std::string& key) const {
  auto it = options_.find(key);
  if (it == options_.end()) return std::nullopt;
  return it->second.get<bool>();
}

std::optional<std::string> CallOptions::text(const std::string& key) const {
  auto it = options_.find(key);
  if (it == options_.end()) return std::nullopt;
  return it->second.get<std::string>();
}

std::optional<std::uint64_t> CallOptions::number(const std::string& key) const {
  auto it = options_.find(key);
  if (it == options_.end()) return std::nullopt;
  return it->second.get<std::uint64_t>();
}

}  // namespace lpad::daemon
