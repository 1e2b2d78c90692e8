#include "lpac-cli/cli_output.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

namespace lpad::cli {

void Output::fields(const std::vector<std::pair<std::string, std::string>>& rows) const {
  std::size_t width = 0;
  for (const auto& [label, value] : rows) width = std::max(width, label.size());
  for (const auto& [label, value] : rows) fmt::print("{:<{}}  {}\n", label + ":", width + 1, value);
}

void Output::document(const nlohmann::json& doc) const { fmt::print("{}\n", doc.dump(2)); }

nlohmann::json error_json(const Error& error) {
  nlohmann::json doc{{"code", errc_name(error.code)}, {"message", error.message}};
  if (error.offset) doc["offset"] = *error.offset;
  if (error.server) doc["server"] = {{"subject_code", error.server->subject_code}, {"reason_code", error.server->reason_code}};
  return doc;
}

void Output::warning(const Error& error) const {
  fmt::print(stderr, "lpa: warning: {} ({})\n", error.message, errc_name(error.code));
}

int Output::error(const Error& error) const {
  if (json()) {
    document(nlohmann::json{{"error", error_json(error)}});
  } else {
    fmt::print(stderr, "lpa: {} ({})\n", error.message, errc_name(error.code));
  }
  return kExitFailure;
}

}  // namespace lpad::cli
