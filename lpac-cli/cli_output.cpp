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

int Output::error(const Error& error) const {
  if (json()) {
    nlohmann::json doc{{"error", {{"code", errc_name(error.code)}, {"message", error.message}}}};
    if (error.offset) doc["error"]["offset"] = *error.offset;
    document(doc);
  } else {
    fmt::print(stderr, "lpa: {} ({})\n", error.message, errc_name(error.code));
  }
  return kExitFailure;
}

}  // namespace lpad::cli
