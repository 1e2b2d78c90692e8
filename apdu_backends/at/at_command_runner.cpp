#include "apdu_backends/at/at_command_runner.h"

#include <fmt/format.h>

namespace lpad::apdu::at {

namespace {
// ITU-T V.250 section 5.2.1: S3, the character that ends a command line.
constexpr std::string_view kCommandLineEnd = "\r";
}  // namespace

void AtCommandRunner::skip_late_answer(std::chrono::milliseconds timeout) {
  late_answer_pending_ = false;
  AtResponseParser late;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!late.complete() && std::chrono::steady_clock::now() < deadline) {
    auto bytes = port_.read_some(deadline);
    if (!bytes || bytes->empty()) break;
    late.feed(*bytes);
  }
}

Result<AtAnswer> AtCommandRunner::run(std::string_view command, std::string_view information_prefix,
                                      std::string_view what, std::chrono::milliseconds timeout) {
  if (late_answer_pending_) skip_late_answer(timeout);
  port_.discard_input();

  auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string line(command);
  line += kCommandLineEnd;
  auto written = port_.write_all(line, deadline);
  if (!written) {
    auto error = written.error();
    error.message = fmt::format("at:{}: {}: {}", port_.path(), what, error.message);
    return unexpected(std::move(error));
  }

  AtResponseParser parser{std::string(information_prefix)};
  while (!parser.complete()) {
    auto bytes = port_.read_some(deadline);
    if (!bytes) {
      auto error = bytes.error();
      error.message = fmt::format("at:{}: {}: {}", port_.path(), what, error.message);
      return unexpected(std::move(error));
    }
    if (bytes->empty()) {
      late_answer_pending_ = true;
      return fail(Errc::apdu_timeout, fmt::format("at:{}: {}: no final result code within {} ms", port_.path(), what,
                                                  timeout.count()));
    }
    parser.feed(*bytes);
  }
  return parser.answer();
}

}  // namespace lpad::apdu::at
