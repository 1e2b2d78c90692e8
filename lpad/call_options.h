// The options dictionaries (a{sv}) of lpad's methods: a key the daemon does not know, or a value of
// the wrong type, fails the call (docs/dbus-api.md: an old daemon refuses what it cannot honour).
#pragma once

#include <sdbus-c++/Types.h>

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>

#include "core/error.h"

namespace lpad::daemon {

using VariantMap = std::map<std::string, sdbus::Variant>;

class CallOptions {
 public:
  // Checks every key against `known` (name and D-Bus signature, e.g. {"accept", "b"}).
  static Result<CallOptions> parse(const VariantMap& options,
                                   std::initializer_list<std::pair<const char*, const char*>> known);

  std::optional<bool> flag(const std::string& key) const;
  std::optional<std::string> text(const std::string& key) const;
  std::optional<std::uint64_t> number(const std::string& key) const;

 private:
  explicit CallOptions(const VariantMap& options) : options_(options) {}
  const VariantMap& options_;
};

}  // namespace lpad::daemon
