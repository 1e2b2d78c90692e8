#include "lpac-cli/terminal_prompts.h"

#include <termios.h>
#include <unistd.h>

#include <fmt/format.h>

#include <iostream>

namespace lpad::cli {

namespace {

std::string read_line() {
  std::string line;
  std::getline(std::cin, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

// Echo off for the lifetime of the object, restored even if reading fails.
class NoEcho {
 public:
  NoEcho() {
    if (::tcgetattr(STDIN_FILENO, &saved_) != 0) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    active_ = ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet) == 0;
  }
  ~NoEcho() {
    if (active_) ::tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
  }
  NoEcho(const NoEcho&) = delete;
  NoEcho& operator=(const NoEcho&) = delete;

 private:
  termios saved_{};
  bool active_ = false;
};

}  // namespace

bool stdin_is_terminal() { return ::isatty(STDIN_FILENO) == 1; }

bool ask_consent(const rsp::ProfileMetadata& metadata) {
  fmt::print(stderr, "Profile:   {}\nProvider:  {}\nClass:     {}\nICCID:     {}\n", metadata.profile_name,
             metadata.service_provider_name, rsp::to_string(metadata.profile_class), metadata.iccid.digits());
  fmt::print(stderr, "Install this profile? [y/N] ");
  auto answer = read_line();
  return answer == "y" || answer == "Y" || answer == "yes" || answer == "YES";
}

std::optional<std::string> ask_confirmation_code() {
  fmt::print(stderr, "Confirmation code (from the operator): ");
  std::string code;
  {
    NoEcho no_echo;
    code = read_line();
  }
  fmt::print(stderr, "\n");
  if (code.empty()) return std::nullopt;
  return code;
}

}  // namespace lpad::cli
