// Options of the other mode are refused: card access and server settings belong to --direct (or
// to lpad's configuration), --euicc to daemon mode.
#include <CLI/CLI.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "lpac-cli/command_context.h"

namespace lpad::cli {
namespace {

// Parses `args` as lpa's global options and returns what CommandContext::check_mode says.
Result<void> check(std::vector<std::string> args) {
  CommandContext ctx;
  CLI::App app;
  ctx.device.add_options(app);
  ctx.servers.add_options(app);
  std::reverse(args.begin(), args.end());  // CLI11 takes the arguments last first
  app.parse(args);
  return ctx.check_mode();
}

std::string message(const Result<void>& result) { return result ? "" : result.error().message; }

TEST(ModeOptions, DaemonModeAcceptsWhatAppliesToIt) {
  EXPECT_TRUE(check({}));
  EXPECT_TRUE(check({"--euicc", "0"}));
  EXPECT_TRUE(check({"--imei", "356938035643809", "--no-notify"}));
}

TEST(ModeOptions, ServerSettingsWithoutDirectPointToTheDaemonConfig) {
  for (std::vector<std::string> args : {std::vector<std::string>{"--test-ci"}, {"--resolve", "a:443:127.0.0.1"},
                                        {"--insecure-skip-tls-verification"}, {"--http-timeout", "5"}}) {
    auto result = check(args);
    ASSERT_FALSE(result) << args[0];
    EXPECT_EQ(result.error().code, Errc::invalid_argument);
    EXPECT_NE(message(result).find(args[0]), std::string::npos);
    EXPECT_NE(message(result).find("lpad.conf"), std::string::npos);
    EXPECT_NE(message(result).find("--direct"), std::string::npos);
  }
  EXPECT_TRUE(check({"--direct", "--test-ci", "--resolve", "a:443:127.0.0.1"}));
}

TEST(ModeOptions, CardAccessWithoutDirectIsRefused) {
  for (std::vector<std::string> args : {std::vector<std::string>{"--backend", "at"}, {"--device", "/dev/ttyUSB2"},
                                        {"--short-apdus"}, {"--isdr-aid", "A0000005591010FFFFFFFF8900000100"}}) {
    auto result = check(args);
    ASSERT_FALSE(result) << args[0];
    EXPECT_NE(message(result).find(args[0]), std::string::npos);
    EXPECT_NE(message(result).find("--euicc"), std::string::npos);
  }
  EXPECT_TRUE(check({"--direct", "--backend", "at", "--device", "/dev/ttyUSB2"}));
}

TEST(ModeOptions, EuiccWithDirectIsRefused) {
  auto result = check({"--direct", "--euicc", "0"});
  ASSERT_FALSE(result);
  EXPECT_NE(message(result).find("--backend"), std::string::npos);
}

}  // namespace
}  // namespace lpad::cli
