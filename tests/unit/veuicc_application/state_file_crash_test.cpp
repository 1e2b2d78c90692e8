// StateFile's crash safety: a process that saves in a loop is SIGKILLed at random moments; after
// every kill the file loads and holds one of the states that were saved, never a torn mix.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <thread>

#include "veuicc/state/state_file.h"

namespace lpad::veuicc {
namespace {

// State number n: every field derived from n, so that a mix of two states shows.
EuiccState numbered_state(std::uint64_t n) {
  EuiccState s;
  s.next_seq_number = n;
  s.default_dp_address = "smdp" + std::to_string(n) + ".example.com";
  rsp::ProfileMetadata metadata{*Iccid::from_digits("8949449999999990049"), "SP", "profile " + std::to_string(n), {}, {},
                                rsp::ProfileClass::operational, {}, {}, {}};
  // A package big enough that each write takes a while, so kills land inside writes too.
  s.profiles.push_back({std::move(metadata), Bytes(16, 0xA0), rsp::ProfileState::disabled, std::nullopt, "", "",
                        Bytes(64 * 1024, static_cast<std::uint8_t>(n))});
  return s;
}

bool consistent(const EuiccState& s) {
  auto n = s.next_seq_number;
  if (s.default_dp_address != "smdp" + std::to_string(n) + ".example.com") return false;
  if (s.profiles.size() != 1 || s.profiles[0].metadata.profile_name != "profile " + std::to_string(n)) return false;
  return s.profiles[0].package == Bytes(64 * 1024, static_cast<std::uint8_t>(n));
}

TEST(StateFileCrashTest, AKilledWriterLeavesTheOldOrTheNewState) {
  std::string pattern = (std::filesystem::temp_directory_path() / "lpad-statefile-crash-XXXXXX").string();
  ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
  const std::filesystem::path dir = pattern;
  const StateFile file(dir / "state.json");
  ASSERT_TRUE(file.save(numbered_state(1)).has_value());

  std::mt19937 random(12345);
  std::uniform_int_distribution<int> delay_us(1000, 60000);
  std::uint64_t last_seen = 1;
  constexpr int kKills = 20;
  for (int kill_number = 0; kill_number < kKills; ++kill_number) {
    pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      // The writer: saves ever newer states until it is killed.
      for (std::uint64_t n = last_seen + 1;; ++n)
        if (!file.save(numbered_state(n))) ::_exit(2);
    }
    std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
    ::kill(child, SIGKILL);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the writer stopped by itself, status " << status;

    auto loaded = file.load();
    ASSERT_TRUE(loaded.has_value()) << "after kill " << kill_number << ": " << loaded.error().describe();
    ASSERT_TRUE(consistent(*loaded)) << "after kill " << kill_number << ": a torn state";
    ASSERT_GE(loaded->next_seq_number, last_seen) << "after kill " << kill_number << ": an older state came back";
    last_seen = loaded->next_seq_number;
  }
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

}  // namespace
}  // namespace lpad::veuicc
