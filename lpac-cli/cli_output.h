// How `lpa` speaks: human text by default, one JSON document with --json. Errors go to stderr
// (human) or as {"error": {...}} on stdout (JSON), and decide the exit status.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

#include "core/error.h"

namespace lpad::cli {

// Exit statuses, documented in lpa(1): 0 success, 1 the operation failed, 2 bad usage.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

struct GlobalOptions {
  bool json = false;
};

// {"code": "...", "message": "...", "offset"?: n, "server"?: {"subject_code", "reason_code"}}
nlohmann::json error_json(const Error& error);

class Output {
 public:
  explicit Output(const GlobalOptions& options) : options_(options) {}

  bool json() const { return options_.json; }
  // "Label:  value" lines, aligned.
  void fields(const std::vector<std::pair<std::string, std::string>>& rows) const;
  void document(const nlohmann::json& doc) const;
  // Prints the error in the chosen form and returns the exit status for it.
  int error(const Error& error) const;
  // A problem that does not fail the command (a notification left for later), on stderr.
  void warning(const Error& error) const;

 private:
  const GlobalOptions& options_;
};

}  // namespace lpad::cli
