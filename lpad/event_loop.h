// The daemon's one D-Bus thread. sd-bus connections are not thread-safe, so every D-Bus object,
// signal and reply lives here; card workers hand their results back with post(). Timers serve job
// lingering, consent time limits and idle exit.
#pragma once

#include <sdbus-c++/IConnection.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <vector>

#include "core/unique_fd.h"

namespace lpad::daemon {

class EventLoop {
 public:
  using Task = std::move_only_function<void()>;
  using Clock = std::chrono::steady_clock;
  using TimerId = std::uint64_t;

  explicit EventLoop(sdbus::IConnection& connection);

  // From any thread: run `task` on the loop thread soon.
  void post(Task task);
  // Loop thread only.
  TimerId call_after(Clock::duration delay, Task task);
  void cancel_timer(TimerId id);

  // Runs until stop(); returns the exit status given to stop().
  int run();
  // From any thread.
  void stop(int status = 0);

 private:
  void run_due_timers();
  void run_posted();
  static void run_guarded(Task& task);

  sdbus::IConnection& connection_;
  UniqueFd wakeup_;  // eventfd: post() and stop() wake poll()
  std::mutex mutex_;
  std::vector<Task> posted_;
  bool stopping_ = false;
  int status_ = 0;
  TimerId next_timer_ = 1;
  std::multimap<Clock::time_point, std::pair<TimerId, Task>> timers_;
};

}  // namespace lpad::daemon
